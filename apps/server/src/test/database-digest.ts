import { sql, type Kysely } from 'kysely';
import { ident, tablesInDependencyOrder } from '../db/backup/catalog.ts';

/**
 * Every table's row count and a digest of all its rows (to_jsonb, sorted), so two databases can be
 * compared row for row: a restored one and the one it was backed up from.
 */
export async function databaseDigest(db: Kysely<any>): Promise<Record<string, { rows: number; digest: string }>> {
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const table of await tablesInDependencyOrder(db)) {
    const { rows } = await sql<{ n: number; d: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(to_jsonb(x)::text, '|' order by to_jsonb(x)::text), '')) as d
      from ${sql.raw(`public.${ident(table)}`)} x`.execute(db);
    out[table] = { rows: rows[0]!.n, digest: rows[0]!.d };
  }
  return out;
}
