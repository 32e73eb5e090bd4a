import type { Kysely } from 'kysely';

/**
 * Counts the writes that reach an embedded PGlite which may change given tables: a statement that
 * writes and names one of them, every DELETE or TRUNCATE (a cascade may reach them from elsewhere)
 * and every schema change. PGlite is one connection in one process (a second process on the same
 * directory refuses to start), so every write passes here: a cache that checks the generation
 * before it answers can never serve a row a committed write has changed. On a PostgreSQL server
 * other instances write too, so there is no watch and nothing may be cached that way.
 */
export class WriteWatch {
  /** Grows with every write that may change a watched table. */
  generation = 0;
  private readonly names: RegExp;

  constructor(tables: readonly string[]) {
    this.names = new RegExp(`\\b(${tables.join('|')})\\b`, 'i');
  }

  noteQuery(statement: string): void {
    const keyword = /^\s*\(?\s*([a-z]+)/i.exec(statement)?.[1]?.toLowerCase() ?? '';
    if (READS.has(keyword)) return;
    if (keyword === 'with' && !/\b(insert|update|delete|truncate)\b/i.test(statement)) return;
    // An insert or update changes only the table it names; anything else that writes (delete,
    // truncate, DDL, a writing CTE, a rollback) counts whatever tables it names.
    if ((keyword === 'insert' || keyword === 'update') && !this.names.test(statement)) return;
    this.generation += 1;
  }
}

const READS = new Set(['select', 'begin', 'commit', 'savepoint', 'release', 'show', 'explain', 'values']);

/** Tables whose rows say who is signed in: a session-cache entry depends on these. */
export const SIGN_IN_TABLES = ['users', 'sessions'] as const;

const watches = new WeakMap<Kysely<any>, WriteWatch>();

export function registerWriteWatch(db: Kysely<any>, watch: WriteWatch): void {
  watches.set(db, watch);
}

/** The write watch of an embedded database; none on a PostgreSQL server. */
export function writeWatchOf(db: Kysely<any>): WriteWatch | undefined {
  return watches.get(db);
}
