import type { Event, eventPatch } from '@samhandling/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, invalid } from '../../../platform/errors.ts';
import { notifyRegistrants } from '../registration/registration-notices.ts';
import { promoteWaitlisted } from '../registration/registration.service.ts';
import { canManageEvent } from './event.policy.ts';
import { bumpSequence, findEvent, replaceCohosts, updateEvent, type EventRow } from './event.repository.ts';
import { checkReferences, eventColumns, getEvent, getEventForActor, pointProblems, rebuildCohostCollaborations } from './event.service.ts';

const noticeFields = ['startsAt', 'endsAt', 'placeName', 'address', 'onlineUrl', 'lon', 'lat'] as const;

/** Whether registrants must hear of the change: the time, the place or the link moved. */
function movedForRegistrants(before: EventRow, after: EventRow): boolean {
  return (
    after.starts_at.getTime() !== before.starts_at.getTime() ||
    after.ends_at.getTime() !== before.ends_at.getTime() ||
    after.place_name !== before.place_name ||
    after.address !== before.address ||
    after.online_url !== before.online_url ||
    after.lon !== before.lon ||
    after.lat !== before.lat
  );
}

/**
 * Changes an event. When the time, place or link of a scheduled event moves, the calendar
 * SEQUENCE goes up and every registrant is told; seats that grew go to the waitlist.
 */
export async function patchEvent(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof eventPatch>): Promise<Event> {
  const { event, access } = await getEventForActor(deps, ctx.actor, id);
  if (!canManageEvent(ctx.actor, access)) throw forbidden();
  const startsAt = input.startsAt ?? event.starts_at.toISOString();
  const endsAt = input.endsAt ?? event.ends_at.toISOString();
  if (Date.parse(endsAt) <= Date.parse(startsAt)) throw invalid({ endsAt: 'validation.end_before_start' });
  pointProblems(input.lon !== undefined ? input.lon : event.lon, input.lat !== undefined ? input.lat : event.lat);
  await checkReferences(deps, event.space_id, input);
  await deps.db.transaction().execute(async (trx) => {
    const before = event;
    const mustNotify = noticeFields.some((f) => input[f] !== undefined) && event.status === 'scheduled';
    await updateEvent(trx, id, { ...eventColumns(input), updated_at: deps.clock.now() });
    if (input.cohostIds) await replaceCohosts(trx, id, input.cohostIds);
    await rebuildCohostCollaborations(trx, id);
    let after = (await findEvent(trx, id))!;
    if (mustNotify && movedForRegistrants(before, after)) {
      await bumpSequence(trx, id, {});
      after = (await findEvent(trx, id))!;
      const timeMoved = before.starts_at.getTime() !== after.starts_at.getTime() || before.ends_at.getTime() !== after.ends_at.getTime();
      await notifyRegistrants(deps, trx, ctx, timeMoved ? 'event_rescheduled' : 'event_changed', after, {
        before: { startsAt: before.starts_at, endsAt: before.ends_at },
      });
    }
    await promoteWaitlisted(deps, trx, ctx, after);
    await recordAudit(trx, deps.clock, ctx, {
      action: 'event.update',
      resourceType: 'event',
      resourceId: id,
      details: { fields: Object.keys(input) },
    });
  });
  return getEvent(deps, ctx, id);
}
