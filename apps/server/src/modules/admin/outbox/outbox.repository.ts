import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export function listOutbox(db: Kysely<Database>, filter: { to?: string | undefined; limit: number }) {
  let query = db.selectFrom('outbox').selectAll();
  if (filter.to) query = query.where(sql<boolean>`recipients @> ${JSON.stringify([filter.to.toLowerCase()])}::jsonb`);
  return query.orderBy('created_at', 'desc').limit(filter.limit).execute();
}
