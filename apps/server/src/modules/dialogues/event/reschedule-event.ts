import type { Event, eventRescheduleInput } from '@samhandling/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { notifyRegistrants } from '../registration/registration-notices.ts';
import { canManageEvent } from './event.policy.ts';
import { bumpSequence, findEvent, lockEvent } from './event.repository.ts';
import { getEvent, getEventForActor, rebuildCohostCollaborations } from './event.service.ts';

/** Moves an event: everyone registered (and waitlisted) gets the new time and an updated calendar file. */
export async function rescheduleEvent(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof eventRescheduleInput>,
): Promise<Event> {
  const { access } = await getEventForActor(deps, ctx.actor, id);
  if (!canManageEvent(ctx.actor, access)) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockEvent(trx, id);
    if (!before) throw notFound();
    if (before.status === 'cancelled') throw new AppError('conflict', 'errors.event_cancelled');
    const now = deps.clock.now();
    await bumpSequence(trx, id, {
      starts_at: new Date(input.startsAt),
      ends_at: new Date(input.endsAt),
      rescheduled_at: now,
      updated_at: now,
    });
    const event = (await findEvent(trx, id))!;
    await rebuildCohostCollaborations(trx, id);
    const notified = await notifyRegistrants(deps, trx, ctx, 'event_rescheduled', event, {
      reason: input.reason ?? null,
      before: { startsAt: before.starts_at, endsAt: before.ends_at },
    });
    await recordAudit(trx, deps.clock, ctx, {
      action: 'event.reschedule',
      resourceType: 'event',
      resourceId: id,
      details: {
        from: before.starts_at.toISOString(),
        to: event.starts_at.toISOString(),
        notified,
        sequence: event.sequence,
      },
    });
  });
  await deps.mailer.deliverPending();
  return getEvent(deps, ctx, id);
}
