import { watchedCacheOf } from '../../../db/write-watch.ts';
import type { Deps } from '../../../platform/deps.ts';
import { listEventsOfSpaceWithSeats, type cohostsAndSeatCounts, type EventRow } from './event.repository.ts';

type SeatsAndCohosts = Awaited<ReturnType<typeof cohostsAndSeatCounts>>;
export interface SpaceEvents extends SeatsAndCohosts {
  rows: EventRow[];
}

/** The most events a list answers with (as the query's LIMIT). */
const LIST_LIMIT = 2000;

/**
 * A space's event list, filtered as `listEventsOfSpace` filters it. On the embedded database (PGlite)
 * all the space's events, their co-hosts and seat counts are kept in memory until any write to
 * events, co-hosts, organisations or registrations (db/write-watch.ts), and filtered here by the
 * request's own clock: a public event page is the busiest read there is, and each PGlite query costs
 * a round trip through the WebAssembly engine. On a PostgreSQL server, and for a space with more
 * events than one list holds, the database answers every time.
 */
export async function spaceEventList(
  deps: Deps,
  spaceId: string,
  filter: { when: 'upcoming' | 'past' | 'all'; kind?: string | undefined; now: Date },
): Promise<SpaceEvents> {
  const cache = watchedCacheOf<SpaceEvents>(deps.db, 'space-events', 'eventLists', { maxAgeMs: 60_000, maxEntries: 500 });
  let all = cache?.get(spaceId);
  if (!all && cache) {
    const mark = cache.mark();
    const loaded = await listEventsOfSpaceWithSeats(deps.db, spaceId, { when: 'all', now: filter.now }, LIST_LIMIT + 1);
    if (loaded.rows.length <= LIST_LIMIT) {
      all = loaded;
      cache.set(spaceId, all, mark);
    }
  }
  if (!all) return listEventsOfSpaceWithSeats(deps.db, spaceId, filter);
  const now = filter.now.getTime();
  const rows = all.rows.filter(
    (row) =>
      (filter.when === 'all' || (filter.when === 'upcoming' ? row.ends_at.getTime() >= now : row.ends_at.getTime() < now)) &&
      (!filter.kind || row.kind === filter.kind),
  );
  // The cached rows are in start order; past events are listed latest first.
  if (filter.when === 'past') rows.reverse();
  const ids = new Set(rows.map((row) => row.id));
  return { rows, cohosts: all.cohosts.filter((c) => ids.has(c.event_id)), counts: all.counts.filter((c) => ids.has(c.event_id)) };
}
