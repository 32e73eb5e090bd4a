import type { Event, eventCancelInput } from '@samhandling/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { notifyRegistrants } from '../registration/registration-notices.ts';
import { canManageEvent } from './event.policy.ts';
import { bumpSequence, findEvent, lockEvent } from './event.repository.ts';
import { getEvent, getEventForActor, rebuildCohostCollaborations } from './event.service.ts';

/**
 * Calls an event off: every registrant is e-mailed a calendar file with the same UID, a higher
 * SEQUENCE and METHOD:CANCEL, so the entry disappears from their calendar.
 */
export async function cancelEvent(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof eventCancelInput>): Promise<Event> {
  const { access } = await getEventForActor(deps, ctx.actor, id);
  if (!canManageEvent(ctx.actor, access)) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    const locked = await lockEvent(trx, id);
    if (!locked) throw notFound();
    if (locked.status === 'cancelled') throw new AppError('conflict', 'errors.event_cancelled');
    const now = deps.clock.now();
    await bumpSequence(trx, id, { status: 'cancelled', cancelled_at: now, cancel_reason: input.reason || null, updated_at: now });
    const event = (await findEvent(trx, id))!;
    await rebuildCohostCollaborations(trx, id);
    const notified = await notifyRegistrants(deps, trx, ctx, 'event_cancelled', event, { reason: event.cancel_reason });
    await recordAudit(trx, deps.clock, ctx, {
      action: 'event.cancel',
      resourceType: 'event',
      resourceId: id,
      details: { notified, sequence: event.sequence },
    });
  });
  await deps.mailer.deliverPending();
  return getEvent(deps, ctx, id);
}
