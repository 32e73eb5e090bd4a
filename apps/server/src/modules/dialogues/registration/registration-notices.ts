import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { EventRow } from '../event/event.repository.ts';
import { queueRegistrationMail, type RegistrationMailKind } from './registration-mail.ts';
import { liveRegistrations } from './registration.repository.ts';

/**
 * Tells everyone still registered (and waitlisted) what happened to their event: one mail each,
 * queued inside the event command's transaction. Answers how many were told.
 */
export async function notifyRegistrants(
  deps: Deps,
  trx: Kysely<Database>,
  ctx: RequestContext,
  kind: Extract<RegistrationMailKind, 'event_cancelled' | 'event_rescheduled' | 'event_changed'>,
  event: EventRow,
  mail: { reason?: string | null; before?: { startsAt: Date; endsAt: Date } } = {},
): Promise<number> {
  const registrants = await liveRegistrations(trx, event.id);
  for (const row of registrants) await queueRegistrationMail(deps, trx, kind, event, row, { origin: ctx.origin, ...mail });
  return registrants.length;
}
