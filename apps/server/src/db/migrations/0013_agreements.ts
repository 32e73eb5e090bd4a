import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
// Agreements (överenskommelser): versions of sections, parties, per-party decisions, signatories,
// signatures, remiss comments and accession requests.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;
  await db.schema
    .createTable('agreements')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'remiss', 'adoption', 'in_force', 'ended', 'replaced')`))
    .addColumn('current_version', 'integer', (c) => c.notNull().defaultTo(1))
    // The last version every required party adopted (kept when a revision goes out for adoption again).
    .addColumn('in_force_version', 'integer')
    .addColumn('in_force_since', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('agreements_space_idx').on('agreements').column('space_id').execute();

  await db.schema
    .createTable('agreement_versions')
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('sections', 'jsonb', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('agreement_versions_pkey', ['agreement_id', 'number'])
    .execute();

  await db.schema
    .createTable('agreement_parties')
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('contact_person_id', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('party', 'supporting')`))
    .addColumn('acceded', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('agreement_parties_pkey', ['agreement_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('agreement_adoptions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('adopted', 'declined')`))
    .addColumn('decision_body', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'date', (c) => c.notNull())
    .addColumn('minute_reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reason', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  // A party decides on a version once: a second try is a conflict, however many arrive at once.
  await db.schema.createIndex('agreement_adoptions_once').on('agreement_adoptions').columns(['agreement_id', 'organisation_id', 'version']).unique().execute();

  await db.schema
    .createTable('agreement_signatories')
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('named_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('named_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('agreement_signatories_pkey', ['agreement_id', 'organisation_id', 'user_id'])
    .execute();

  // What was signed is kept as it was (name, title, organisation, hash), even if the account or the
  // organisation's registry entry goes later. A party removed from the registry (by a platform admin)
  // leaves the agreement with its decisions.
  await db.schema
    .createTable('agreement_signatures')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('signed_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('agreement_signatures_once').on('agreement_signatures').columns(['agreement_id', 'organisation_id', 'user_id', 'version']).unique().execute();

  await db.schema
    .createTable('agreement_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('section', 'integer')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('agreement_comments_agreement_idx').on('agreement_comments').column('agreement_id').execute();

  await db.schema
    .createTable('agreement_accessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('applicant_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('motivation', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'approved', 'declined')`))
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('agreement_accessions_agreement_idx').on('agreement_accessions').column('agreement_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['agreement_accessions', 'agreement_comments', 'agreement_signatures', 'agreement_signatories', 'agreement_adoptions', 'agreement_parties', 'agreement_versions', 'agreements'])
    await db.schema.dropTable(table).execute();
}
