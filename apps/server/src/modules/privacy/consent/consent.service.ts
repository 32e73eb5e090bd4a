import type { ConsentKind, ConsentLinkInfo } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import { readConsentToken } from '../../../platform/consent-link.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, notFound, unauthenticated } from '../../../platform/errors.ts';
import type { Withdrawal } from '../../../platform/personal-data.ts';
import { assertMayWithdrawPersonConsent, withdrawPersonConsent } from '../../actors/person/person.personal-data.ts';
import { assertMayWithdrawSurveyConsent, describeSurveyConsent, withdrawSurveyConsent } from '../../actors/survey/survey.personal-data.ts';
import { assertMayWithdrawInputConsent, describeInputConsent, withdrawInputNoticeConsent } from '../../dialogues/input/input.personal-data.ts';
import {
  assertMayWithdrawRegistrationConsent,
  describeRegistrationConsent,
  withdrawRegistrationConsent,
} from '../../dialogues/registration/registration.personal-data.ts';
import { mayWithdrawOnBehalf } from './consent.policy.ts';

type Withdraw = (deps: Deps, trx: Kysely<Database>, ctx: RequestContext, id: string, how: Withdrawal) => Promise<boolean>;

/** Each kind of consent and the module that keeps it (they talk through these service functions). */
const KINDS: Record<ConsentKind, { withdraw: Withdraw; assertMayWithdraw: (deps: Deps, ctx: RequestContext, id: string) => Promise<void> }> = {
  registration: { withdraw: withdrawRegistrationConsent, assertMayWithdraw: assertMayWithdrawRegistrationConsent },
  input: { withdraw: withdrawInputNoticeConsent, assertMayWithdraw: assertMayWithdrawInputConsent },
  person: { withdraw: withdrawPersonConsent, assertMayWithdraw: assertMayWithdrawPersonConsent },
  survey: { withdraw: withdrawSurveyConsent, assertMayWithdraw: assertMayWithdrawSurveyConsent },
};

const DESCRIBE = { registration: describeRegistrationConsent, input: describeInputConsent, survey: describeSurveyConsent } as const;

function readLink(deps: Deps, token: string) {
  const read = readConsentToken(deps.config.sessionSecret, token);
  if (!read) throw new AppError('not_found', 'errors.consent_link_invalid');
  return read;
}

/** What a withdrawal link is for (the event or the input, no personal data), before the person confirms. */
export async function describeConsentLink(deps: Deps, token: string): Promise<ConsentLinkInfo> {
  const { kind, id } = readLink(deps, token);
  const described = await DESCRIBE[kind](deps, id);
  if (!described) throw new AppError('not_found', 'errors.consent_link_invalid');
  return { kind, ...described };
}

/** The person withdraws through the link in an e-mail about them; no account needed. */
export async function withdrawByLink(deps: Deps, ctx: RequestContext, token: string): Promise<ConsentLinkInfo> {
  const { kind, id } = readLink(deps, token);
  const done = await deps.db.transaction().execute((trx) => KINDS[kind].withdraw(deps, trx, ctx, id, { at: deps.clock.now(), by: actorId(ctx.actor), method: 'link' }));
  if (!done) throw new AppError('not_found', 'errors.consent_link_invalid');
  void deps.mailer.deliverPending();
  return describeConsentLink(deps, token);
}

/** A leader withdraws on the person's behalf (asked by phone or on paper); recorded as such. */
export async function withdrawOnBehalf(deps: Deps, ctx: RequestContext, kind: ConsentKind, id: string): Promise<void> {
  if (!mayWithdrawOnBehalf(ctx.actor)) throw unauthenticated();
  await KINDS[kind].assertMayWithdraw(deps, ctx, id);
  const done = await deps.db.transaction().execute((trx) => KINDS[kind].withdraw(deps, trx, ctx, id, { at: deps.clock.now(), by: actorId(ctx.actor), method: 'leader' }));
  if (!done) throw notFound();
  void deps.mailer.deliverPending();
}
