import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { watchedCacheOf, type WatchedCache } from '../../../db/write-watch.ts';
import type { findSessionWithUser } from './session.repository.ts';

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSessionWithUser>>>;

/**
 * Session rows (with their user) by token hash, so that a signed-in request does not pay a query
 * to learn who it is. Only on the embedded database: its write watch sees every write to users and
 * sessions (sign-out, revocation, a disabled account, a renamed user, the minute's last-seen touch)
 * and any such write empties the cache before it runs. On a PostgreSQL server other instances
 * write too, so there is no cache there: every request asks the database.
 */
export function sessionCacheOf(db: Kysely<Database>): WatchedCache<SessionRow> | undefined {
  return watchedCacheOf<SessionRow>(db, 'sessions', 'signIn');
}
