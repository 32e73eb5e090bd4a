import type { Kysely } from 'kysely';

/**
 * Counts the writes that reach an embedded PGlite which may change given groups of tables: a
 * statement that inserts into or updates a table of the group, and every other kind of write
 * (DELETE and TRUNCATE, whose cascades may reach the group from elsewhere, schema changes, a writing
 * CTE, a rollback). PGlite is one connection in one process (a second process on the same directory
 * refuses to start), so every write passes here before it runs: a cache that checks its group's
 * generation before it answers can never serve a row a write has changed since. On a PostgreSQL
 * server other instances write too, so there is no watch and nothing may be cached that way.
 */
export class WriteWatch<G extends string = string> {
  private readonly generations = new Map<G, number>();
  private readonly names: [G, RegExp][];

  constructor(groups: Record<G, readonly string[]>) {
    this.names = (Object.entries(groups) as [G, readonly string[]][]).map(([group, tables]) => [
      group,
      new RegExp(`\\b(${tables.join('|')})\\b`, 'i'),
    ]);
    for (const [group] of this.names) this.generations.set(group, 0);
  }

  /** Grows with every write that may change a table of the group. */
  generation(group: G): number {
    return this.generations.get(group) ?? 0;
  }

  noteQuery(statement: string): void {
    const keyword = /^\s*\(?\s*([a-z]+)/i.exec(statement)?.[1]?.toLowerCase() ?? '';
    if (READS.has(keyword)) return;
    if (keyword === 'with' && !/\b(insert|update|delete|truncate)\b/i.test(statement)) return;
    // An insert or update changes only the table it names; any other write counts for every group.
    const targeted = keyword === 'insert' || keyword === 'update';
    for (const [group, names] of this.names) {
      if (!targeted || names.test(statement)) this.generations.set(group, this.generation(group) + 1);
    }
  }
}

/** Statements that change no row: reads, transaction control, and statistics and vacuuming (db/maintenance.ts). */
const READS = new Set(['select', 'begin', 'commit', 'savepoint', 'release', 'show', 'explain', 'values', 'analyze', 'vacuum']);

/** The groups of tables the embedded database's caches depend on. */
export const WATCHED_TABLES = {
  /** Who is signed in: the session cache. */
  signIn: ['users', 'sessions'],
  /** A space, its members and its municipalities: the space-access cache. */
  spaces: ['spaces', 'memberships', 'space_municipalities'],
  /** A space's events with their co-hosts and seat counts: the event-list cache. */
  eventLists: ['events', 'event_cohosts', 'organisations', 'registrations'],
  /**
   * What the dashboards' cached figures read (modules/dashboards/dashboard/figure-cache.ts): a
   * figure reading any other table is marked `live` there and never cached.
   */
  dashboards: [
    'spaces',
    'memberships',
    'space_municipalities',
    'working_groups',
    'working_group_members',
    'organisations',
    'events',
    'registrations',
    'inputs',
    'input_status_changes',
    'feedback_forms',
    'feedback_answers',
    'processes',
    'process_steps',
    'analyses',
    'action_plans',
    'action_plan_goals',
    'measures',
    'indicators',
    'indicator_values',
    'agreements',
  ],
} as const;

export type WatchedGroup = keyof typeof WATCHED_TABLES;

const watches = new WeakMap<Kysely<any>, WriteWatch<WatchedGroup>>();

export function registerWriteWatch(db: Kysely<any>, watch: WriteWatch<WatchedGroup>): void {
  watches.set(db, watch);
}

/** The write watch of an embedded database; none on a PostgreSQL server. */
export function writeWatchOf(db: Kysely<any>): WriteWatch<WatchedGroup> | undefined {
  return watches.get(db);
}

/**
 * Rows by key, kept only while nothing has written to their group of tables (and at most
 * `maxAgeMs`, a bound rather than the rule). Read with `get`; on a miss take a `mark()` before the
 * query and `set` the row with it: a row read across a write is not kept.
 */
export class WatchedCache<V> {
  private readonly rows = new Map<string, { value: V; storedAt: number }>();
  private seen: number;

  constructor(
    private readonly watch: WriteWatch<WatchedGroup>,
    private readonly group: WatchedGroup,
    private readonly limits: { maxAgeMs: number; maxEntries: number } = { maxAgeMs: 10_000, maxEntries: 10_000 },
  ) {
    this.seen = watch.generation(group);
  }

  get(key: string): V | undefined {
    this.forgetIfWritten();
    const entry = this.rows.get(key);
    if (!entry) return undefined;
    if (performance.now() - entry.storedAt > this.limits.maxAgeMs) {
      this.rows.delete(key);
      return undefined;
    }
    return entry.value;
  }

  mark(): number {
    return this.watch.generation(this.group);
  }

  set(key: string, value: V, mark: number): void {
    if (mark !== this.watch.generation(this.group)) return;
    this.forgetIfWritten();
    if (this.rows.size >= this.limits.maxEntries) this.rows.clear();
    this.rows.set(key, { value, storedAt: performance.now() });
  }

  private forgetIfWritten(): void {
    const now = this.watch.generation(this.group);
    if (this.seen === now) return;
    this.rows.clear();
    this.seen = now;
  }
}

const caches = new WeakMap<WriteWatch<WatchedGroup>, Map<string, WatchedCache<unknown>>>();

/**
 * The cache `name` over the group's tables of this database, or none where no write watch can keep
 * it true (PostgreSQL).
 */
export function watchedCacheOf<V>(
  db: Kysely<any>,
  name: string,
  group: WatchedGroup,
  limits?: { maxAgeMs: number; maxEntries: number },
): WatchedCache<V> | undefined {
  const watch = writeWatchOf(db);
  if (!watch) return undefined;
  let named = caches.get(watch);
  if (!named) caches.set(watch, (named = new Map()));
  let cache = named.get(name);
  if (!cache) named.set(name, (cache = new WatchedCache<unknown>(watch, group, limits)));
  return cache as WatchedCache<V>;
}
