import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
// News (Aktuellt), follows, notification preferences and digests, unsubscribe (issue 12 §4–5).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('news_posts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('public', 'members')`))
    .addColumn('pinned', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('emailed_at', 'timestamptz')
    .execute();
  // A post's images: resized and re-encoded on upload (no EXIF kept), stored under a generated
  // name in DATA_DIR/uploads/news, each with its required alt text.
  await db.schema
    .createTable('news_post_images')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('post_id', 'uuid', (c) => c.notNull().references('news_posts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('news_post_images_post_idx').on('news_post_images').column('post_id').execute();
  await db.schema.createIndex('news_posts_space_idx').on('news_posts').columns(['space_id', 'published_at']).execute();

  // Who follows what: a signed-in user (user_id) or, for a space's news, an e-mail address
  // confirmed by a link (double opt-in: confirmed_at stays null until the link is opened).
  await db.schema
    .createTable('follows')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('email', 'text')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('sv').check(sql`language in ('sv', 'en')`))
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('follows_one_follower', sql`(user_id is null) <> (email is null)`)
    .execute();
  await sql`create unique index follows_user_unique on follows (target_kind, target_id, user_id) where user_id is not null`.execute(db);
  await sql`create unique index follows_email_unique on follows (target_kind, target_id, email) where email is not null`.execute(db);
  await db.schema.createIndex('follows_target_idx').on('follows').columns(['target_kind', 'target_id']).execute();

  // How each person wants to hear of each kind of notice: immediately, a daily or weekly digest, or not at all.
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('immediate', 'daily', 'weekly', 'none')`))
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
    .execute();

  // Notices waiting for a person's next digest; sent_at is set in the transaction that mails the digest.
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('space_id', 'uuid', (c) => c.references('spaces.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await sql`create index notifications_pending_idx on notifications (user_id, created_at) where sent_at is null`.execute(db);

  // Addresses that asked for no more e-mail of any kind except what they ask for themselves (sign-in links).
  await db.schema
    .createTable('mail_suppressions')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // Each outbox message carries its own headers (List-Unsubscribe, List-Unsubscribe-Post).
  await db.schema.alterTable('outbox').addColumn('headers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
