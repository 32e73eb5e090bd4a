import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
// Joining a public space (issue 13 §2): openly, on request (a leader accepts or declines), or by
// invitation only, as the space says. Members-only spaces stay invitation-only whatever they say.
// And a profile: organisation(s), sector, municipality and a short presentation, shown to whom the
// person chooses (everyone, members of their spaces, nobody).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('spaces')
    .addColumn('join_policy', 'text', (c) =>
      c
        .notNull()
        .defaultTo('invitation')
        .check(sql`join_policy in ('open', 'request', 'invitation')`),
    )
    .execute();
  // A signed-in person's request to join; at most one open (pending) request per person and space.
  await db.schema
    .createTable('join_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'accepted', 'declined', 'withdrawn')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await sql`create unique index join_requests_one_pending on join_requests (space_id, user_id) where status = 'pending'`.execute(db);
  await db.schema.createIndex('join_requests_user_idx').on('join_requests').column('user_id').execute();

  await db.schema
    .createTable('profiles')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sector', 'text', (c) => c.check(sql`sector in ('public', 'private', 'civil_society', 'academia')`))
    .addColumn('municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('presentation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('visibility', 'text', (c) =>
      c
        .notNull()
        .defaultTo('members')
        .check(sql`visibility in ('everyone', 'members', 'nobody')`),
    )
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
