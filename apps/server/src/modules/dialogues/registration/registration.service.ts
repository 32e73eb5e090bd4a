import { randomUUID } from 'node:crypto';
import type { registrationInput, RegistrationStatus } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { consumeRateLimits } from '../../../platform/rate-limit.ts';
import { hashToken, safeEqual } from '../../../platform/secrets.ts';
import { canSeeRegistrations } from '../event/event.policy.ts';
import { isRegistrationOpen, modesOf } from '../event/event.presenter.ts';
import { findEvent, lockEvent, type EventRow } from '../event/event.repository.ts';
import { getEventForActor, type EventChangeHooks } from '../event/event.service.ts';
import { registrationsPerAddressRule, registrationsPerEventRule } from './registration-limits.ts';
import { cancelToken, checkInQrSvg, queueRegistrationMail } from './registration-mail.ts';
import { presentRegistration, waitlistPositions } from './registration.presenter.ts';
import {
  countConfirmed,
  findLiveByEmail,
  findRegistration,
  firstWaitlisted,
  insertRegistration,
  listRegistrations,
  liveRegistrations,
  lockRegistration,
  organisationSector,
  updateRegistration,
  waitlistPosition,
  type RegistrationRow,
} from './registration.repository.ts';

const capacityOf = (event: EventRow, mode: string) => (mode === 'online' ? event.online_capacity : event.capacity);

/**
 * Registers someone for an event, with or without an account. The event row is locked for the
 * transaction, so concurrent registrations are counted one after another and seats are never
 * given out twice: the rest go to the waitlist in order of arrival.
 */
export async function register(deps: Deps, ctx: RequestContext, eventId: string, input: z.output<typeof registrationInput>) {
  const { access } = await getEventForActor(deps, ctx.actor, eventId);
  // Everyone but the event's leaders (who register people at the door or by phone) is counted
  // per client address, for this event and for all events together.
  const counted = !(ctx.actor.kind === 'user' && canSeeRegistrations(ctx.actor, access));
  let sector = input.sector ?? null;
  let organisationName = input.organisation ?? null;
  if (input.organisationId) {
    const organisation = await organisationSector(deps.db, input.organisationId);
    if (!organisation) throw invalid({ organisationId: 'errors.not_found' });
    sector ??= organisation.sector;
    organisationName ??= organisation.name;
  }
  const id = randomUUID();
  const token = cancelToken(deps, id);
  const result = await deps.db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, eventId);
    if (!event) throw notFound();
    if (event.status === 'cancelled') throw new AppError('conflict', 'errors.event_cancelled');
    if (!isRegistrationOpen(event, deps.clock.now())) throw new AppError('conflict', 'errors.registration_closed');
    const modes = modesOf(event);
    const mode = input.mode ?? modes[0]!;
    if (!modes.includes(mode)) throw invalid({ mode: 'errors.mode_not_offered' });
    // In the transaction: a refused or failed registration is not counted, and it changes nothing.
    if (counted)
      await consumeRateLimits(
        trx,
        deps.config.sessionSecret,
        deps.clock.now(),
        [
          { rule: registrationsPerEventRule, key: `${eventId}:${ctx.ip}` },
          { rule: registrationsPerAddressRule, key: ctx.ip },
        ],
        'errors.registrations_rate_limited',
      );
    // One live registration per e-mail address and event (also a unique index): a second try
    // answers 409 and sends nothing; the first confirmation e-mail holds the link.
    if (await findLiveByEmail(trx, eventId, input.email))
      throw new AppError('conflict', 'errors.already_registered', { email: 'errors.already_registered' });
    const capacity = capacityOf(event, mode);
    const status: RegistrationStatus = capacity === null || (await countConfirmed(trx, eventId, mode)) < capacity ? 'confirmed' : 'waitlisted';
    const row = await insertRegistration(trx, {
      id,
      event_id: eventId,
      user_id: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      name: input.name,
      email: input.email,
      mode,
      status,
      organisation_name: organisationName || null,
      organisation_id: input.organisationId ?? null,
      sector,
      age_group: input.ageGroup ?? null,
      dietary_needs: input.dietaryNeeds || null,
      accessibility_needs: input.accessibilityNeeds || null,
      language: input.language ?? ctx.language,
      cancel_token_hash: hashToken(deps.config.sessionSecret, token),
      check_in_token_hash: hashToken(deps.config.sessionSecret, `check-in:${id}`),
      created_at: deps.clock.now(),
    });
    const position = status === 'waitlisted' ? await waitlistPosition(trx, row) : null;
    await queueRegistrationMail(deps, trx, status === 'confirmed' ? 'registration_confirmed' : 'registration_waitlisted', event, row, {
      origin: ctx.origin,
      position: position ?? 0,
    });
    // Ids only in the audit log: names and addresses are personal data.
    await recordAudit(trx, deps.clock, ctx, {
      action: 'registration.create',
      resourceType: 'registration',
      resourceId: id,
      details: { eventId, status, mode },
    });
    return { status, mode, position };
  });
  await deps.mailer.deliverPending();
  return { id, eventId, status: result.status, mode: result.mode, waitlistPosition: result.position, cancelToken: token };
}

/** Fills free seats from the waitlist, first come first served, and tells each person promoted. */
export async function promoteWaitlisted(deps: Deps, trx: Kysely<Database>, ctx: RequestContext, event: EventRow): Promise<number> {
  if (event.status !== 'scheduled' || event.ends_at.getTime() <= deps.clock.now().getTime()) return 0;
  let promoted = 0;
  for (const mode of ['on_site', 'online'] as const) {
    const capacity = capacityOf(event, mode);
    const free = capacity === null ? null : capacity - (await countConfirmed(trx, event.id, mode));
    if (free !== null && free <= 0) continue;
    for (const waiting of await firstWaitlisted(trx, event.id, mode, free)) {
      const row = await updateRegistration(trx, waiting.id, { status: 'confirmed', promoted_at: deps.clock.now() });
      await queueRegistrationMail(deps, trx, 'registration_promoted', event, row, { origin: ctx.origin });
      await recordAudit(trx, deps.clock, ctx, {
        action: 'registration.promote',
        resourceType: 'registration',
        resourceId: row.id,
        details: { eventId: event.id, mode },
      });
      promoted += 1;
    }
  }
  return promoted;
}

/** What a change of the event means for its registrants; handed to the event service. */
export function registrationHooks(deps: Deps): EventChangeHooks {
  return {
    async notifyChanged(trx, ctx, before, after) {
      for (const row of await liveRegistrations(trx, after.id)) {
        const timeMoved = before.starts_at.getTime() !== after.starts_at.getTime() || before.ends_at.getTime() !== after.ends_at.getTime();
        await queueRegistrationMail(deps, trx, timeMoved ? 'event_rescheduled' : 'event_changed', after, row, {
          origin: ctx.origin,
          before: { startsAt: before.starts_at, endsAt: before.ends_at },
        });
      }
    },
    async promoteWaitlisted(trx, ctx, event) {
      await promoteWaitlisted(deps, trx, ctx, event);
    },
  };
}

function tokenMatches(deps: Deps, row: RegistrationRow, token: string | undefined): boolean {
  return token !== undefined && safeEqual(hashToken(deps.config.sessionSecret, token), row.cancel_token_hash);
}

/**
 * The registration through the participant's link (token), or for the event's leaders.
 * Anyone else is told it does not exist.
 */
async function loadForParticipantOrLeader(deps: Deps, ctx: RequestContext, id: string, token: string | undefined) {
  const row = await findRegistration(deps.db, id);
  if (!row) throw notFound();
  if (tokenMatches(deps, row, token)) return { row, viaToken: true };
  if (ctx.actor.kind !== 'user') throw notFound();
  const { access } = await getEventForActor(deps, ctx.actor, row.event_id);
  if (!canSeeRegistrations(ctx.actor, access)) throw notFound();
  return { row, viaToken: false };
}

export async function getOwnRegistration(deps: Deps, ctx: RequestContext, id: string, token: string | undefined) {
  const { row } = await loadForParticipantOrLeader(deps, ctx, id, token);
  const event = (await findEvent(deps.db, row.event_id))!;
  const seat = row.status === 'confirmed' && row.mode === 'on_site' && event.status === 'scheduled';
  return {
    id: row.id,
    event: {
      id: event.id,
      title: event.title,
      startsAt: event.starts_at.toISOString(),
      endsAt: event.ends_at.toISOString(),
      status: event.status,
      placeName: event.place_name,
      address: event.address,
      onlineUrl: row.status === 'confirmed' ? event.online_url : null,
    },
    name: row.name,
    status: row.status,
    mode: row.mode,
    waitlistPosition: row.status === 'waitlisted' ? await waitlistPosition(deps.db, row) : null,
    checkedIn: row.checked_in_at !== null,
    checkInQrSvg: seat ? await checkInQrSvg(deps, ctx.origin, row.id) : null,
  };
}

/**
 * Cancels a registration (the participant with their link, or a leader). A freed seat goes to
 * the first on the waitlist, who is e-mailed. Cancelling twice changes nothing.
 */
export async function cancelRegistration(deps: Deps, ctx: RequestContext, id: string, token: string | undefined): Promise<void> {
  const { row: found } = await loadForParticipantOrLeader(deps, ctx, id, token);
  await deps.db.transaction().execute(async (trx) => {
    const event = (await lockEvent(trx, found.event_id))!;
    const row = (await lockRegistration(trx, id))!;
    if (row.status === 'cancelled') return;
    const cancelled = await updateRegistration(trx, id, { status: 'cancelled', cancelled_at: deps.clock.now() });
    await queueRegistrationMail(deps, trx, 'registration_cancelled', event, cancelled, { origin: ctx.origin });
    await recordAudit(trx, deps.clock, ctx, {
      action: 'registration.cancel',
      resourceType: 'registration',
      resourceId: id,
      details: { eventId: event.id, was: row.status },
    });
    if (row.status === 'confirmed') await promoteWaitlisted(deps, trx, ctx, event);
  });
  await deps.mailer.deliverPending();
}

export async function getEventRegistrations(deps: Deps, ctx: RequestContext, eventId: string) {
  const { access } = await getEventForActor(deps, ctx.actor, eventId);
  if (!canSeeRegistrations(ctx.actor, access)) throw forbidden();
  const rows = await listRegistrations(deps.db, eventId);
  const positions = waitlistPositions(rows);
  return rows.map((row) => presentRegistration(row, positions.get(row.id) ?? null));
}

/** For the event commands (cancel, reschedule): everyone still registered. */
export function liveRegistrationsOf(db: Kysely<Database>, eventId: string) {
  return liveRegistrations(db, eventId);
}

export { findRegistration, listRegistrations, lockRegistration, updateRegistration, type RegistrationRow };
