import { sql, type Kysely } from 'kysely';
import { ident, tablesInDependencyOrder } from '../db/backup/catalog.ts';

export type DatabaseDigest = Record<string, { rows: number; digest: string }>;

/**
 * Every table's row count and a digest of all its rows (to_jsonb in UTC, sorted), so two databases
 * can be compared row for row: a restored one and the one it was backed up from, on either kind.
 */
export async function databaseDigest(db: Kysely<any>): Promise<DatabaseDigest> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    const out: DatabaseDigest = {};
    for (const table of await tablesInDependencyOrder(trx)) {
      const { rows } = await sql<{ n: number; d: string }>`
        select count(*)::int as n, md5(coalesce(string_agg(to_jsonb(x)::text, '|' order by to_jsonb(x)::text), '')) as d
        from ${sql.raw(`public.${ident(table)}`)} x`.execute(trx);
      out[table] = { rows: rows[0]!.n, digest: rows[0]!.d };
    }
    return out;
  });
}
