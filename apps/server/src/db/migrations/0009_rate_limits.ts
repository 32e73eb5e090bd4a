import { type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per counted request of a rate limit (platform/rate-limit.ts): the limit's name, a
  // keyed hash of what it counts per (e.g. the client address and the event; never the address
  // itself) and when. Shared by every app instance on the database; rows older than their
  // window are deleted as new ones come in.
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_hits_key_idx').on('rate_limit_hits').columns(['bucket', 'key', 'at']).execute();
  await db.schema.createIndex('rate_limit_hits_at_idx').on('rate_limit_hits').columns(['bucket', 'at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
