import type { surveyAnswerInput, surveyInput } from '@samhandling/contracts';
import type { z } from 'zod';
import { anonymous, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { translate } from '../../../platform/messages.ts';
import { hashToken, newToken } from '../../../platform/secrets.ts';
import { canLeadSpace } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { orderedPair } from '../collaboration/collaboration.service.ts';
import { findSameCollaboration, insertCollaboration, markReported } from '../collaboration/collaboration.repository.ts';
import { insertOrganisation } from '../organisation/organisation.repository.ts';
import { organisationsByIds } from '../organisation/organisation.service.ts';
import { addOrganisationToSpace } from '../space-organisation/space-organisation.repository.ts';
import { spaceOrganisationIds } from '../space-organisation/space-organisation.service.ts';
import {
  findRecipientByToken,
  findSurvey,
  insertRecipient,
  insertSurvey,
  listRecipients,
  listSurveys,
  markResponded,
  surveyAnswersOf,
  updateRecipientToken,
} from './survey.repository.ts';
import { consentLink } from '../../../platform/consent-link.ts';

async function leadOrFail(deps: Deps, ctx: RequestContext, spaceId: string) {
  const { row, access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canLeadSpace(ctx.actor, access)) throw access.role ? forbidden() : notFound();
  return row;
}

function surveyMail(language: 'sv' | 'en', values: { space: string; organisation: string; title: string; message: string; link: string; reminder: boolean; withdrawLink: string }) {
  const { reminder, withdrawLink, ...params } = values;
  const key = reminder ? 'mail.survey_reminder' : 'mail.survey';
  return {
    subject: translate(language, `${key}.subject`, { title: values.title }),
    text: `${translate(language, `${key}.text`, params)}\n\n${translate(language, 'mail.consent_withdraw', { link: withdrawLink })}\n\n${translate(language, 'mail.signature')}`,
  };
}

async function present(deps: Deps, surveys: Awaited<ReturnType<typeof listSurveys>>) {
  const recipients = await listRecipients(deps.db, surveys.map((s) => s.id));
  return surveys.map((survey) => {
    const mine = recipients.filter((r) => r.survey_id === survey.id);
    const responded = mine.filter((r) => r.responded_at).length;
    return {
      id: survey.id,
      title: survey.title,
      createdAt: survey.created_at.toISOString(),
      invited: mine.length,
      responded,
      responseRate: mine.length ? responded / mine.length : 0,
      recipients: mine
        .map((r) => ({
          organisationId: r.organisation_id,
          organisationName: r.organisation_name,
          email: r.email,
          respondedAt: r.responded_at?.toISOString() ?? null,
          remindedAt: r.reminded_at?.toISOString() ?? null,
        }))
        .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'sv')),
    };
  });
}

/** Sends the mapping survey: one personal link per organisation, answered without an account. */
export async function sendSurvey(deps: Deps, ctx: RequestContext, spaceId: string, input: z.output<typeof surveyInput>) {
  const space = await leadOrFail(deps, ctx, spaceId);
  const inSpace = new Set(await spaceOrganisationIds(deps, spaceId));
  const problems: Record<string, string> = {};
  input.recipients.forEach((r, i) => {
    if (!inSpace.has(r.organisationId)) problems[`recipients.${i}.organisationId`] = 'errors.survey_not_in_space';
  });
  if (Object.keys(problems).length) throw invalid(problems);
  const names = new Map((await organisationsByIds(deps, input.recipients.map((r) => r.organisationId))).map((o) => [o.id, o.name]));
  const unique = [...new Map(input.recipients.map((r) => [r.organisationId, r])).values()];
  const surveyId = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const { id } = await insertSurvey(trx, { spaceId, title: input.title, message: input.message ?? '', createdBy: ctx.actor.kind === 'user' ? ctx.actor.user.id : null, now });
    for (const recipient of unique) {
      const token = newToken();
      const { id: recipientId } = await insertRecipient(trx, { surveyId: id, organisationId: recipient.organisationId, email: recipient.email, tokenHash: hashToken(deps.config.sessionSecret, token), now });
      await deps.mailer.enqueue(trx, {
        to: [recipient.email],
        ...surveyMail(ctx.language, {
          space: space.name,
          organisation: names.get(recipient.organisationId) ?? '',
          title: input.title,
          message: input.message ?? '',
          link: `${ctx.origin}/survey#token=${token}`,
          reminder: false,
          withdrawLink: consentLink(ctx.origin, deps.config.sessionSecret, 'survey', recipientId),
        }),
      });
    }
    await recordAudit(trx, deps.clock, ctx, { action: 'survey.send', resourceType: 'space', resourceId: spaceId, details: { surveyId: id, recipients: unique.length } });
    return id;
  });
  void deps.mailer.deliverPending();
  return (await present(deps, [(await findSurvey(deps.db, spaceId, surveyId))!]))[0]!;
}

export async function getSurveys(deps: Deps, ctx: RequestContext, spaceId: string) {
  await leadOrFail(deps, ctx, spaceId);
  return present(deps, await listSurveys(deps.db, spaceId));
}

/** Reminds those who have not answered; each gets a fresh link (the old one stops working). */
export async function remindNonRespondents(deps: Deps, ctx: RequestContext, spaceId: string, surveyId: string) {
  const space = await leadOrFail(deps, ctx, spaceId);
  const survey = await findSurvey(deps.db, spaceId, surveyId);
  if (!survey) throw notFound();
  // Whoever asked not to be e-mailed (consent withdrawn) is not reminded.
  const pending = (await listRecipients(deps.db, [surveyId])).filter((r) => !r.responded_at && !r.consent_withdrawn_at && r.email);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    for (const recipient of pending) {
      const token = newToken();
      await updateRecipientToken(trx, recipient.id, hashToken(deps.config.sessionSecret, token), now);
      await deps.mailer.enqueue(trx, {
        to: [recipient.email],
        ...surveyMail(ctx.language, {
          space: space.name,
          organisation: recipient.organisation_name,
          title: survey.title,
          message: survey.message,
          link: `${ctx.origin}/survey#token=${token}`,
          reminder: true,
          withdrawLink: consentLink(ctx.origin, deps.config.sessionSecret, 'survey', recipient.id),
        }),
      });
    }
    await recordAudit(trx, deps.clock, ctx, { action: 'survey.remind', resourceType: 'space', resourceId: spaceId, details: { surveyId, reminded: pending.length } });
  });
  void deps.mailer.deliverPending();
  return { reminded: pending.length };
}

async function openRecipient(deps: Deps, token: string) {
  const recipient = await findRecipientByToken(deps.db, hashToken(deps.config.sessionSecret, token));
  if (!recipient || recipient.space_archived_at) throw new AppError('invalid', 'errors.link_invalid', { token: 'errors.link_invalid' });
  return recipient;
}

/** What the respondent sees: their own organisation, the space's registry and what they answered before. */
export async function getSurveyForm(deps: Deps, token: string) {
  const recipient = await openRecipient(deps, token);
  const registry = (await organisationsByIds(deps, await spaceOrganisationIds(deps, recipient.space_id)))
    .filter((o) => o.id !== recipient.organisation_id)
    .map((o) => ({ id: o.id, name: o.name, sector: o.sector, municipalityCode: o.municipality_code }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const previous = await surveyAnswersOf(deps.db, recipient.survey_id, recipient.organisation_id);
  return {
    surveyTitle: recipient.title,
    spaceName: recipient.space_name,
    message: recipient.message,
    organisation: { id: recipient.organisation_id, name: recipient.organisation_name },
    registry,
    answers: previous.map((p) => ({
      organisationId: p.org_a === recipient.organisation_id ? p.org_b : p.org_a,
      type: p.type as never,
      frequency: (p.frequency ?? 'occasional') as never,
    })),
  };
}

/**
 * Records a respondent's answers as collaborations with source `survey`, always from the link's
 * own organisation. A tie both sides name is marked reported by both (reciprocated).
 */
export async function answerSurvey(deps: Deps, ctx: RequestContext, input: z.output<typeof surveyAnswerInput>) {
  const recipient = await openRecipient(deps, input.token);
  const registry = new Set(await spaceOrganisationIds(deps, recipient.space_id));
  const problems: Record<string, string> = {};
  input.answers.forEach((answer, i) => {
    if (!answer.organisationId && !answer.newOrganisation) problems[`answers.${i}.organisationId`] = 'validation.required';
    if (answer.organisationId && (!registry.has(answer.organisationId) || answer.organisationId === recipient.organisation_id)) {
      problems[`answers.${i}.organisationId`] = 'errors.survey_not_in_space';
    }
  });
  if (Object.keys(problems).length) throw invalid(problems);
  const self = recipient.organisation_id;
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    for (const answer of input.answers) {
      let other = answer.organisationId;
      if (!other && answer.newOrganisation) {
        const created = await insertOrganisation(trx, {
          name: answer.newOrganisation.name,
          sector: answer.newOrganisation.sector,
          type: answer.newOrganisation.type,
          level: answer.newOrganisation.level,
          municipality_code: answer.newOrganisation.municipalityCode ?? null,
          created_by: null,
          updated_at: now,
        });
        other = created.id;
        await addOrganisationToSpace(trx, recipient.space_id, other, now);
      }
      const [a, b] = orderedPair(self, other!);
      const side = a === self ? 'a' : 'b';
      const existing = await findSameCollaboration(trx, a, b, answer.type, 'survey', recipient.space_id);
      if (existing) {
        await markReported(trx, existing.id, side);
      } else {
        await insertCollaboration(trx, {
          org_a: a,
          org_b: b,
          type: answer.type,
          frequency: answer.frequency,
          source: 'survey',
          survey_id: recipient.survey_id,
          // What a survey link answers is the sending space's view (its leaders chose the addresses).
          space_id: recipient.space_id,
          reported_by_a: side === 'a',
          reported_by_b: side === 'b',
          confirmed_a: side === 'a',
          confirmed_b: side === 'b',
          created_by: null,
          level: null,
          start_date: null,
          end_date: null,
        });
      }
    }
    await markResponded(trx, recipient.id, now);
    await recordAudit(trx, deps.clock, { actor: anonymous, requestId: ctx.requestId }, {
      action: 'survey.answer',
      resourceType: 'survey',
      resourceId: recipient.survey_id,
      details: { organisationId: self, answers: input.answers.length },
    });
  });
  return { ok: true };
}
