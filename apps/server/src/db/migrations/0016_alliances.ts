import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
// Issue 11 §2: alliances, joint initiatives, calls for volunteers, and derived collaborations from any source.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;

  await db.schema
    .createTable('alliances')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
    // A public alliance has a page anyone can see, even in a members-only space.
    .addColumn('public', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('goals', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'::integer[]`))
    .addColumn('targets', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('alliances_space_idx').on('alliances').column('space_id').execute();

  await db.schema
    .createTable('alliance_members')
    .addColumn('alliance_id', 'uuid', (c) => c.notNull().references('alliances.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    // invited: a leader asked, the organisation has not answered; requested: the organisation asked, no leader has accepted.
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('invited', 'requested', 'member')`))
    .addColumn('contact_person_id', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('joined_at', 'timestamptz')
    .addPrimaryKeyConstraint('alliance_members_pkey', ['alliance_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('alliance_members_organisation_idx').on('alliance_members').column('organisation_id').execute();

  await db.schema
    .createTable('initiatives')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('alliance_id', 'uuid', (c) => c.notNull().references('alliances.id').onDelete('cascade'))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // An initiative without its lead is no initiative: removing the organisation from the registry removes what it led.
    .addColumn('lead_organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('idea').check(sql`status in ('idea', 'planned', 'ongoing', 'done')`))
    .addColumn('goals', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'::integer[]`))
    .addColumn('targets', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('place_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lon', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('results', 'text', (c) => c.notNull().defaultTo(''))
    // [{ name, value, unit }]
    .addColumn('indicators', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('initiatives_alliance_idx').on('initiatives').column('alliance_id').execute();
  await db.schema.createIndex('initiatives_municipality_idx').on('initiatives').column('municipality_code').execute();

  await db.schema
    .createTable('initiative_partners')
    .addColumn('initiative_id', 'uuid', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('commitment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('requested', 'accepted')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('accepted_at', 'timestamptz')
    .addPrimaryKeyConstraint('initiative_partners_pkey', ['initiative_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('initiative_updates')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('initiative_id', 'uuid', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    // The log's order: entries written in the same instant keep the order they were written in.
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('note', 'status')`))
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text')
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('initiative_updates_initiative_idx').on('initiative_updates').column('initiative_id').execute();

  await db.schema
    .createTable('initiative_documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('initiative_id', 'uuid', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull().unique())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('initiative_documents_initiative_idx').on('initiative_documents').column('initiative_id').execute();

  await db.schema
    .createTable('volunteer_calls')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('initiative_id', 'uuid', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('place_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('wanted', 'integer', (c) => c.notNull().check(sql`wanted > 0`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('volunteer_calls_initiative_idx').on('volunteer_calls').column('initiative_id').execute();

  await db.schema
    .createTable('volunteer_signups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('volunteer_calls.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'confirmed', 'cancelled')`))
    .addColumn('confirm_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('cancel_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('hours', 'numeric')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('volunteer_signups_call_idx').on('volunteer_signups').column('call_id').execute();
  await sql`create unique index volunteer_signups_call_email_key on volunteer_signups (call_id, lower(email)) where status <> 'cancelled'`.execute(db);

  // Derived collaborations from any shared activity: the source's kind and id (working group, initiative, event, agreement …).
  await db.schema.alterTable('collaborations').addColumn('derived_kind', 'text').execute();
  await db.schema.alterTable('collaborations').addColumn('derived_id', 'uuid').execute();
  await sql`update collaborations set derived_kind = 'working_group', derived_id = working_group_id where source = 'derived' and working_group_id is not null`.execute(db);
  await db.schema.createIndex('collaborations_derived_idx').on('collaborations').columns(['derived_kind', 'derived_id']).execute();
}

export async function down(): Promise<void> {
  // Forward-only.
}
