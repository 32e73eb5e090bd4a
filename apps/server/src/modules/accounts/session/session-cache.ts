import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { writeWatchOf, type WriteWatch } from '../../../db/write-watch.ts';
import type { findSessionWithUser } from './session.repository.ts';

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSessionWithUser>>>;

/** An entry is dropped after this long even if nothing wrote (a bound, not the rule). */
const MAX_AGE_MS = 10_000;
const MAX_ENTRIES = 10_000;

/**
 * Session rows (with their user) by token hash, so that a signed-in request does not pay a query
 * to learn who it is. Only on the embedded database: its write watch sees every write to users and
 * sessions (sign-out, revocation, a disabled account, a renamed user, the minute's last-seen touch)
 * and any such write empties the cache before it runs. On a PostgreSQL server other instances
 * write too, so there is no cache there: every request asks the database.
 */
export class SessionCache {
  private readonly rows = new Map<string, { row: SessionRow; storedAt: number }>();
  private seen: number;

  constructor(private readonly watch: WriteWatch) {
    this.seen = watch.generation;
  }

  get(tokenHash: string): SessionRow | undefined {
    this.forgetIfWritten();
    const entry = this.rows.get(tokenHash);
    if (!entry) return undefined;
    if (performance.now() - entry.storedAt > MAX_AGE_MS) {
      this.rows.delete(tokenHash);
      return undefined;
    }
    return entry.row;
  }

  /** Where the watch stands before a read; `set` keeps the row only if nothing wrote meanwhile. */
  mark(): number {
    return this.watch.generation;
  }

  set(tokenHash: string, row: SessionRow, mark: number): void {
    if (mark !== this.watch.generation) return;
    this.forgetIfWritten();
    if (this.rows.size >= MAX_ENTRIES) this.rows.clear();
    this.rows.set(tokenHash, { row, storedAt: performance.now() });
  }

  private forgetIfWritten(): void {
    if (this.seen === this.watch.generation) return;
    this.rows.clear();
    this.seen = this.watch.generation;
  }
}

const caches = new WeakMap<WriteWatch, SessionCache>();

/** The session cache of this database, or none where no write watch can keep it true. */
export function sessionCacheOf(db: Kysely<Database>): SessionCache | undefined {
  const watch = writeWatchOf(db);
  if (!watch) return undefined;
  let cache = caches.get(watch);
  if (!cache) caches.set(watch, (cache = new SessionCache(watch)));
  return cache;
}
