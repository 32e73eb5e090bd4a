import { sql, type Kysely } from 'kysely';
import type { Deps } from '../platform/deps.ts';
import type { JobHandler } from '../platform/jobs.ts';

/**
 * Planner statistics for the embedded database. A PostgreSQL server's autovacuum keeps them; PGlite
 * has no autovacuum, so without this its tables never get statistics and the planner guesses: the
 * dashboards' median days to answer ran as 50,000 index lookups (≈ 1 s) where a hash join takes
 * under 0.2 s. So on PGlite the app runs `ANALYZE` at start-up when a table has no statistics yet
 * (`analyzeIfNeeded`), after the demo is seeded and after a restore, and then every hour as a job;
 * the tables that grow fastest are also vacuumed, which marks their pages all-visible so that
 * index-only scans need not visit the heap.
 * PGlite is one process, so the job needs no coordination between instances.
 */
export const DB_MAINTENANCE_JOB = 'db.maintenance';

/** The tables that grow with use, vacuumed by the hourly job (all tables are analyzed). */
export const BUSY_TABLES = [
  'inputs',
  'input_status_changes',
  'registrations',
  'events',
  'audit_log',
  'outbox',
  'jobs',
  'notifications',
] as const;

export const hourOf = (now: Date): string => now.toISOString().slice(0, 13);

/** Statistics for every table of the database. */
export async function analyzeDatabase(db: Kysely<any>): Promise<void> {
  await sql`analyze`.execute(db);
}

/**
 * At start-up: statistics for every table if any table has none yet (a new database, new tables from
 * a migration). Otherwise the statistics stored with the tables stand, as the hourly job left them;
 * they survive a restart, also an abrupt one, so a start need not spend half a second redoing them.
 */
export async function analyzeIfNeeded(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ missing: string }>`
    select count(*) as missing from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname = current_schema() and c.reltuples < 0`.execute(db);
  if (Number(rows[0]?.missing ?? 0) === 0) return false;
  await analyzeDatabase(db);
  return true;
}

/** Vacuums the busy tables that exist, then analyzes every table; returns what it did and how long it took. */
export async function maintainDatabase(db: Kysely<any>): Promise<{ vacuumed: string[]; ms: number }> {
  const started = Date.now();
  const existing = new Set(
    (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db)).rows.map(
      (r) => r.name,
    ),
  );
  const vacuumed = BUSY_TABLES.filter((t) => existing.has(t));
  for (const table of vacuumed) await sql`vacuum ${sql.table(table)}`.execute(db);
  await analyzeDatabase(db);
  return { vacuumed, ms: Date.now() - started };
}

export function maintenanceJobHandler(deps: Pick<Deps, 'db'>): JobHandler {
  return async () => maintainDatabase(deps.db);
}
