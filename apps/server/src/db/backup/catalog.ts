import { sql, type Kysely } from 'kysely';

/** Kysely's own bookkeeping: the migration level goes into the manifest, not into the rows. */
const NOT_DATA = new Set(['schema_migrations', 'schema_migrations_lock']);

/** Reference data that `migrate` loads into an otherwise empty database (the shipped geography). */
export const REFERENCE_TABLES = new Set(['counties', 'municipalities']);

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** A quoted identifier for names read from the catalog. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Every table of the schema, referenced tables before the tables that refer to them. */
export async function tablesInDependencyOrder(db: Kysely<any>): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`.execute(db)
  ).rows
    .map((r) => r.name)
    .filter((name) => !NOT_DATA.has(name));
  const edges = (
    await sql<{ child: string; parent: string }>`
      select ch.relname as child, pa.relname as parent from pg_constraint k
      join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
      join pg_namespace n on n.oid = k.connamespace
      where k.contype = 'f' and n.nspname = 'public'`.execute(db)
  ).rows;
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of edges) if (child !== parent && parents.has(parent)) parents.get(child)?.add(parent);
  // Kahn's algorithm, alphabetical among equals so the order is stable; a cycle (none today) falls
  // back to name order, which a restore handles since it loads with foreign keys set aside.
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    const next = ready.length ? ready : tables.filter((t) => !placed.has(t)).slice(0, 1);
    for (const t of next) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

/** The columns a row can be inserted with (generated columns are computed, never inserted). */
export async function insertableColumns(db: Kysely<any>, table: string): Promise<string[]> {
  return (
    await sql<{ name: string }>`
      select a.attname as name from pg_attribute a
      where a.attrelid = ${`public.${ident(table)}`}::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by a.attnum`.execute(db)
  ).rows.map((r) => r.name);
}

export async function foreignKeys(db: Kysely<any>): Promise<ForeignKey[]> {
  return (
    await sql<ForeignKey>`
      select c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = k.connamespace
      where k.contype = 'f' and n.nspname = 'public' order by c.relname, k.conname`.execute(db)
  ).rows;
}

export interface SequenceState {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

/** Every sequence's position, so ids a restored database hands out never repeat old ones. */
export async function sequenceStates(db: Kysely<any>): Promise<SequenceState[]> {
  const names = (
    await sql<{ name: string }>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'S' order by c.relname`.execute(db)
  ).rows.map((r) => r.name);
  const states: SequenceState[] = [];
  for (const name of names) {
    const row = (await sql<{ last_value: string; is_called: boolean }>`select last_value::text as last_value, is_called from ${sql.raw(`public.${ident(name)}`)}`.execute(db)).rows[0]!;
    states.push({ name, lastValue: row.last_value, isCalled: row.is_called });
  }
  return states;
}
