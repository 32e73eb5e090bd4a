import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // Who keeps an organisation in the shared registry true: people who say they represent it,
  // confirmed by a leader of one of its spaces, a platform admin or another representative.
  // Existing organisations start without representatives: platform admins keep them.
  await db.schema
    .createTable('organisation_representatives')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'confirmed')`))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('confirmed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('confirmed_at', 'timestamptz')
    .addPrimaryKeyConstraint('organisation_representatives_pkey', ['organisation_id', 'user_id'])
    .execute();
  await db.schema.createIndex('organisation_representatives_user_idx').on('organisation_representatives').column('user_id').execute();

  // Changes a space leader proposes to an organisation; a representative (or an admin) decides.
  await db.schema
    .createTable('organisation_suggestions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('proposed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('proposed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('changes', 'jsonb', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'accepted', 'rejected')`))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('organisation_suggestions_org_idx').on('organisation_suggestions').columns(['organisation_id', 'status']).execute();

  // A collaboration recorded in a space is that space's view; null means the registry's own
  // (recorded by a representative or an admin) and shows wherever both organisations are.
  await db.schema.alterTable('collaborations').addColumn('space_id', 'uuid', (c) => c.references('spaces.id').onDelete('cascade')).execute();
  await db.schema.createIndex('collaborations_space_idx').on('collaborations').column('space_id').execute();
  // Survey answers and working-group ties came from one space: they stay there.
  await sql`update collaborations c set space_id = s.space_id from surveys s where c.source = 'survey' and c.survey_id = s.id`.execute(db);
  await sql`update collaborations c set space_id = g.space_id from working_groups g where c.source = 'derived' and c.working_group_id = g.id`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
