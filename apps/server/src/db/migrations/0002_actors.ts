import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('org_number', 'text', (c) => c.unique())
    .addColumn('sector', 'text', (c) => c.notNull().check(sql`sector in ('public', 'private', 'civil_society', 'academia')`))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('local', 'municipal', 'regional', 'national', 'eu')`))
    .addColumn('municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('contact_email', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('website', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('organisations_municipality_idx').on('organisations').column('municipality_code').execute();

  await db.schema
    .createTable('space_organisations')
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('space_organisations_pkey', ['space_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('space_organisations_org_idx').on('space_organisations').column('organisation_id').execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('youth_representative', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('age_group', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('space_people')
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('space_people_pkey', ['space_id', 'person_id'])
    .execute();
  await db.schema.createIndex('space_people_person_idx').on('space_people').column('person_id').execute();

  await db.schema
    .createTable('person_affiliations')
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('person_affiliations_pkey', ['person_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('person_consents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('text_version', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('form', 'paper', 'verbal')`))
    .addColumn('given_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('withdrawn_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('survey_recipients')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addColumn('responded_at', 'timestamptz')
    .addColumn('reminded_at', 'timestamptz')
    .addUniqueConstraint('survey_recipients_org_key', ['survey_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('collaborations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Undirected: stored with org_a < org_b so a pair has one canonical order.
    .addColumn('org_a', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('org_b', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('frequency', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('manual', 'survey', 'derived')`))
    .addColumn('confirmed_a', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('confirmed_b', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('example_data', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('survey_id', 'uuid', (c) => c.references('surveys.id').onDelete('set null'))
    .addColumn('reported_by_a', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('reported_by_b', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('collaborations_ordered', sql`org_a < org_b`)
    .execute();
  await db.schema.createIndex('collaborations_a_idx').on('collaborations').column('org_a').execute();
  await db.schema.createIndex('collaborations_b_idx').on('collaborations').column('org_b').execute();

  await db.schema
    .createTable('network_snapshots')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('at', 'date', (c) => c.notNull())
    .addColumn('taken_at', 'timestamptz', (c) => c.notNull())
    .addColumn('network', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
