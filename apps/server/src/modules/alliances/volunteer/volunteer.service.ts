import type { VolunteerCall, volunteerCallInput, VolunteerSignup, volunteerSignupInput, volunteerSignupPatch } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { translate } from '../../../platform/messages.ts';
import { consumeRateLimits, type RateRule } from '../../../platform/rate-limit.ts';
import { hashToken, newToken } from '../../../platform/secrets.ts';
import { assertMunicipalitiesExist } from '../../geography/municipality/municipality.service.ts';
import { getInitiativeForActor } from '../initiative/initiative.service.ts';
import { canRunVolunteerCalls, canSeeVolunteers, isCallOpen } from './volunteer.policy.ts';
import {
  callsOfInitiative,
  countLive,
  findCall,
  findLiveByEmail,
  findSignup,
  findSignupByTokenHash,
  insertCall,
  insertSignup,
  lockCall,
  signupsOfCall,
  updateSignup,
  type CallWithCounts,
  type VolunteerSignupRow,
} from './volunteer.repository.ts';

const signupsPerAddressRule: RateRule = { bucket: 'volunteer.address', max: 20, windowMs: 60 * 60 * 1000 };

function presentCall(row: CallWithCounts, now: Date): VolunteerCall {
  return {
    id: row.id,
    initiativeId: row.initiative_id,
    title: row.title,
    description: row.description,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    placeName: row.place_name,
    municipalityCode: row.municipality_code,
    wanted: row.wanted,
    confirmed: Number(row.confirmed),
    hoursGiven: Number(row.hours_given),
    open: isCallOpen(row, now),
  };
}

function presentSignup(row: VolunteerSignupRow): VolunteerSignup {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    status: row.status,
    hours: row.hours === null ? null : Number(row.hours),
    createdAt: row.created_at.toISOString(),
  };
}

export async function getVolunteerCalls(deps: Deps, ctx: RequestContext, initiativeId: string): Promise<VolunteerCall[]> {
  await getInitiativeForActor(deps, ctx.actor, initiativeId);
  const now = deps.clock.now();
  return (await callsOfInitiative(deps.db, initiativeId)).map((row) => presentCall(row, now));
}

export async function createVolunteerCall(deps: Deps, ctx: RequestContext, initiativeId: string, input: z.output<typeof volunteerCallInput>): Promise<VolunteerCall> {
  const { manages } = await getInitiativeForActor(deps, ctx.actor, initiativeId);
  if (!canRunVolunteerCalls(manages)) throw forbidden();
  if (input.municipalityCode) await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await insertCall(trx, {
      initiative_id: initiativeId,
      title: input.title,
      description: input.description ?? '',
      starts_at: new Date(input.startsAt),
      ends_at: new Date(input.endsAt),
      place_name: input.placeName ?? '',
      municipality_code: input.municipalityCode ?? null,
      wanted: input.wanted,
      created_by: actorId(ctx.actor),
      created_at: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'volunteer_call.create', resourceType: 'volunteer_call', resourceId: id, details: { initiativeId } });
    return id;
  });
  const now = deps.clock.now();
  return presentCall((await callsOfInitiative(deps.db, initiativeId)).find((c) => c.id === id)!, now);
}

/** The call and whether the caller runs it; 404 when the caller may not see its initiative. */
async function loadCall(deps: Deps, ctx: RequestContext, callId: string) {
  const call = await findCall(deps.db, callId);
  if (!call) throw notFound();
  const { initiative, manages } = await getInitiativeForActor(deps, ctx.actor, call.initiative_id);
  return { call, initiative, manages };
}

function formatWhen(language: 'sv' | 'en', start: Date): string {
  return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'Europe/Stockholm', dateStyle: 'full', timeStyle: 'short' }).format(start);
}

/**
 * Anyone signs up, no account needed: the sign-up waits for the e-mailed confirmation link, and the
 * same mail carries the link to cancel. One live sign-up per address and call; never more live
 * sign-ups than wanted (the call row is locked while counting).
 */
export async function signUpAsVolunteer(deps: Deps, ctx: RequestContext, callId: string, input: z.output<typeof volunteerSignupInput>) {
  const { initiative } = await loadCall(deps, ctx, callId);
  const confirmToken = newToken();
  const cancelToken = newToken();
  const id = crypto.randomUUID();
  const title = await deps.db.transaction().execute(async (trx) => {
    const call = (await lockCall(trx, callId))!;
    const now = deps.clock.now();
    if (!isCallOpen(call, now)) throw new AppError('conflict', 'errors.volunteer_call_closed');
    await consumeRateLimits(trx, deps.config.sessionSecret, now, [{ rule: signupsPerAddressRule, key: ctx.ip }]);
    if (await findLiveByEmail(trx, callId, input.email)) throw new AppError('conflict', 'errors.already_signed_up', { email: 'errors.already_signed_up' });
    if ((await countLive(trx, callId)) >= call.wanted) throw new AppError('conflict', 'errors.volunteer_call_full');
    await insertSignup(trx, {
      id,
      call_id: callId,
      name: input.name,
      email: input.email,
      phone: input.phone || null,
      confirm_token_hash: hashToken(deps.config.sessionSecret, confirmToken),
      cancel_token_hash: hashToken(deps.config.sessionSecret, cancelToken),
      created_at: now,
    });
    const language = ctx.language;
    await deps.mailer.enqueue(trx, {
      to: [input.email],
      subject: translate(language, 'mail.volunteer_subject', { title: call.title }),
      text: translate(language, 'mail.volunteer_body', {
        name: input.name,
        title: call.title,
        initiative: initiative.title,
        when: formatWhen(language, call.starts_at),
        place: call.place_name ? `, ${call.place_name}` : '',
        confirmUrl: `${ctx.origin}/volunteer/confirm#token=${confirmToken}`,
        cancelUrl: `${ctx.origin}/volunteer/cancel#token=${cancelToken}`,
      }),
    });
    // Ids only in the audit log: names and addresses are personal data.
    await recordAudit(trx, deps.clock, ctx, { action: 'volunteer_signup.create', resourceType: 'volunteer_signup', resourceId: id, details: { callId } });
    return call.title;
  });
  await deps.mailer.deliverPending();
  return { status: 'pending' as const, callTitle: title };
}

async function bySignupToken(deps: Deps, trx: Kysely<Database>, column: 'confirm_token_hash' | 'cancel_token_hash', token: string) {
  const row = await findSignupByTokenHash(trx, column, hashToken(deps.config.sessionSecret, token));
  if (!row) throw invalid({ token: 'errors.volunteer_link_invalid' }, 'errors.volunteer_link_invalid');
  const call = (await findCall(trx, row.call_id))!;
  return { row, call };
}

export async function confirmVolunteerSignup(deps: Deps, ctx: RequestContext, token: string) {
  return deps.db.transaction().execute(async (trx) => {
    const { row, call } = await bySignupToken(deps, trx, 'confirm_token_hash', token);
    if (row.status === 'cancelled') throw invalid({ token: 'errors.volunteer_link_invalid' }, 'errors.volunteer_link_invalid');
    if (row.status === 'pending') {
      await updateSignup(trx, row.id, { status: 'confirmed', confirmed_at: deps.clock.now() });
      await recordAudit(trx, deps.clock, ctx, { action: 'volunteer_signup.confirm', resourceType: 'volunteer_signup', resourceId: row.id, details: { callId: call.id } });
    }
    return { status: 'confirmed' as const, callTitle: call.title };
  });
}

export async function cancelVolunteerSignup(deps: Deps, ctx: RequestContext, token: string) {
  return deps.db.transaction().execute(async (trx) => {
    const { row, call } = await bySignupToken(deps, trx, 'cancel_token_hash', token);
    if (row.status !== 'cancelled') {
      await updateSignup(trx, row.id, { status: 'cancelled', cancelled_at: deps.clock.now() });
      await recordAudit(trx, deps.clock, ctx, { action: 'volunteer_signup.cancel', resourceType: 'volunteer_signup', resourceId: row.id, details: { callId: call.id } });
    }
    return { status: 'cancelled' as const, callTitle: call.title };
  });
}

export async function getVolunteerSignups(deps: Deps, ctx: RequestContext, callId: string): Promise<VolunteerSignup[]> {
  const { manages } = await loadCall(deps, ctx, callId);
  if (!canSeeVolunteers(manages)) throw notFound();
  return (await signupsOfCall(deps.db, callId)).map(presentSignup);
}

export async function patchVolunteerSignup(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof volunteerSignupPatch>): Promise<VolunteerSignup> {
  const row = await findSignup(deps.db, id);
  if (!row) throw notFound();
  const { manages } = await loadCall(deps, ctx, row.call_id);
  if (!canSeeVolunteers(manages)) throw notFound();
  await deps.db.transaction().execute(async (trx) => {
    await updateSignup(trx, id, { hours: input.hours });
    await recordAudit(trx, deps.clock, ctx, { action: 'volunteer_signup.hours', resourceType: 'volunteer_signup', resourceId: id, details: { hours: input.hours } });
  });
  return presentSignup((await findSignup(deps.db, id))!);
}
