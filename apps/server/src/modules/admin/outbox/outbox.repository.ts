import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export function listOutbox(db: Kysely<Database>, filter: { to?: string | undefined; limit: number }) {
  let query = db.selectFrom('outbox').selectAll();
  if (filter.to) query = query.where(sql<boolean>`recipients @> ${JSON.stringify([filter.to.toLowerCase()])}::jsonb`);
  return query.orderBy('created_at', 'desc').limit(filter.limit).execute();
}

// --- people's data: export, erasure and retention ---

export function outboxTo(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('outbox')
    .select(['id', 'created_at', 'subject', 'text', 'status', 'sent_at', 'purged_at'])
    .where(sql<boolean>`recipients @> ${JSON.stringify([email.toLowerCase()])}::jsonb`)
    .orderBy('created_at')
    .limit(5000)
    .execute();
}

/** Empties messages to an address: body, attachments and recipients go; the subject and status stay. */
export async function purgeOutboxTo(db: Kysely<Database>, email: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ text: '', attachments: '[]', recipients: '[]', purged_at: now, status: sql`case when status = 'queued' then 'failed' else status end` })
    .where(sql<boolean>`recipients @> ${JSON.stringify([email.toLowerCase()])}::jsonb`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Empties messages older than `cutoff` that are no longer waiting to go out. */
export async function purgeOutboxBefore(db: Kysely<Database>, cutoff: Date, now: Date): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ text: '', attachments: '[]', recipients: '[]', purged_at: now })
    .where('created_at', '<', cutoff)
    .where('status', '<>', 'queued')
    .where('purged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
