import { type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // API token scopes, space-separated ("read write admin"). Tokens made before scopes existed keep
  // what they could do as ordinary users (read and write); admin rights need a new token.
  await db.schema.alterTable('api_tokens').addColumn('scopes', 'text', (c) => c.notNull().defaultTo('read write')).execute();

  // Browsers (a random id in a long-lived cookie) and client addresses that an account has signed
  // in from, as keyed hashes: they may pass the account's sign-in lock with the right password.
  await db.schema
    .createTable('known_sign_ins')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('known_sign_ins_pk', ['user_id', 'kind', 'key_hash'])
    .execute();
  await db.schema.createIndex('known_sign_ins_seen_idx').on('known_sign_ins').column('last_seen_at').execute();

  // At most one live link of each kind per account, and outstanding links are found by account.
  await db.schema.createIndex('auth_links_user_idx').on('auth_links').columns(['user_id', 'kind']).execute();

  // Failed sign-ins are counted in rate_limit_hits now (keyed hashes, not addresses in clear).
  await db.schema.dropTable('sign_in_failures').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
