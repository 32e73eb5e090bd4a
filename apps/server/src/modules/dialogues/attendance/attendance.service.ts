import type { EventStatistics, checkInInput, registrationPatch } from '@samhandling/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { safeEqual } from '../../../platform/secrets.ts';
import { canCheckIn, canSeeRegistrations, canSeeStatistics } from '../event/event.policy.ts';
import { getEventForActor } from '../event/event.service.ts';
import { checkInCode } from '../registration/registration-mail.ts';
import { presentRegistration } from '../registration/registration.presenter.ts';
import { findRegistration, listRegistrations, lockRegistration, updateRegistration } from '../registration/registration.repository.ts';

/** The registration and its event, for someone who runs the event; others are told it does not exist. */
async function loadForFacilitator(deps: Deps, ctx: RequestContext, id: string, allowed: typeof canCheckIn) {
  const row = await findRegistration(deps.db, id);
  if (!row) throw notFound();
  const { event, access } = await getEventForActor(deps, ctx.actor, row.event_id);
  if (!allowed(ctx.actor, access)) throw access.role ? forbidden() : notFound();
  return { row, event };
}

/**
 * Check-in at the door: the facilitator's phone opens the URL in the participant's QR. The code
 * is tied to the registration; scanning twice is harmless and says so.
 */
export async function checkIn(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof checkInInput>) {
  const { row } = await loadForFacilitator(deps, ctx, id, canCheckIn);
  if (!safeEqual(checkInCode(deps, id), input.code))
    throw new AppError('invalid', 'errors.check_in_invalid', { code: 'errors.check_in_invalid' });
  if (row.status !== 'confirmed') throw new AppError('conflict', 'errors.check_in_not_confirmed');
  if (row.checked_in_at) return { registration: presentRegistration(row, null), alreadyCheckedIn: true };
  const updated = await deps.db.transaction().execute(async (trx) => {
    const locked = (await lockRegistration(trx, id))!;
    if (locked.checked_in_at) return locked;
    const updated = await updateRegistration(trx, id, {
      checked_in_at: deps.clock.now(),
      checked_in_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      check_in_method: 'qr',
    });
    await recordAudit(trx, deps.clock, ctx, {
      action: 'registration.check_in',
      resourceType: 'registration',
      resourceId: id,
      details: { eventId: row.event_id, method: 'qr' },
    });
    return updated;
  });
  return { registration: presentRegistration(updated, null), alreadyCheckedIn: false };
}

/** Manual marking from the attendance list (someone without their QR, or who took part online). */
export async function markAttendance(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof registrationPatch>) {
  const { row } = await loadForFacilitator(deps, ctx, id, canSeeRegistrations);
  if (row.status === 'cancelled') throw new AppError('conflict', 'errors.registration_cancelled');
  const updated = await deps.db.transaction().execute(async (trx) => {
    const updated = await updateRegistration(
      trx,
      id,
      input.attended
        ? {
            checked_in_at: row.checked_in_at ?? deps.clock.now(),
            checked_in_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
            check_in_method: row.check_in_method ?? 'manual',
          }
        : { checked_in_at: null, checked_in_by: null, check_in_method: null },
    );
    await recordAudit(trx, deps.clock, ctx, {
      action: 'registration.attendance',
      resourceType: 'registration',
      resourceId: id,
      details: { eventId: row.event_id, attended: input.attended },
    });
    return updated;
  });
  return presentRegistration(updated, null);
}

function tally(map: EventStatistics['bySector'], key: string, attended: boolean) {
  const entry = (map[key] ??= { registered: 0, attended: 0 });
  entry.registered += 1;
  if (attended) entry.attended += 1;
}

/** The figures a project reports: confirmed registrations and attendance by sector, age group and mode. */
export async function getEventStatistics(deps: Deps, ctx: RequestContext, eventId: string): Promise<EventStatistics> {
  const { event, access } = await getEventForActor(deps, ctx.actor, eventId);
  if (!canSeeStatistics(ctx.actor, access, event)) throw forbidden();
  const rows = await listRegistrations(deps.db, eventId);
  const stats: EventStatistics = {
    registered: 0,
    waitlisted: 0,
    cancelled: 0,
    attended: 0,
    bySector: {},
    byAgeGroup: {},
    byMode: {},
    sectorsPresent: 0,
    unknown: { sector: 0, ageGroup: 0 },
  };
  for (const row of rows) {
    if (row.status === 'cancelled') {
      stats.cancelled += 1;
      continue;
    }
    if (row.status === 'waitlisted' && !row.checked_in_at) {
      stats.waitlisted += 1;
      continue;
    }
    const attended = row.checked_in_at !== null;
    stats.registered += 1;
    if (attended) stats.attended += 1;
    tally(stats.bySector, row.sector ?? 'unknown', attended);
    tally(stats.byAgeGroup, row.age_group ?? 'unknown', attended);
    tally(stats.byMode, row.mode, attended);
    if (!row.sector) stats.unknown.sector! += 1;
    if (!row.age_group) stats.unknown.ageGroup! += 1;
  }
  stats.sectorsPresent = Object.entries(stats.bySector).filter(([key, v]) => key !== 'unknown' && v.attended > 0).length;
  return stats;
}
