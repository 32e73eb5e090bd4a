import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;

  await db.schema
    .createTable('working_groups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('local', 'youth', 'steering', 'other')`))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // Composition targets per sector and for youth representatives: { public, private, civil_society, academia, youth }.
    .addColumn('targets', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('working_groups_space_idx').on('working_groups').column('space_id').execute();

  await db.schema
    .createTable('working_group_members')
    .addColumn('group_id', 'uuid', (c) => c.notNull().references('working_groups.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // The organisation the person represents in this group (one of theirs, or none).
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('youth_representative', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('working_group_members_pkey', ['group_id', 'person_id'])
    .execute();
  await db.schema.createIndex('working_group_members_person_idx').on('working_group_members').column('person_id').execute();

  // Collaborations derived from a working group are removed with it and rebuilt when its members change.
  await db.schema
    .alterTable('collaborations')
    .addColumn('working_group_id', 'uuid', (c) => c.references('working_groups.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('collaborations_working_group_idx').on('collaborations').column('working_group_id').execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('kick_off', 'village_forum', 'knowledge_dialogue', 'workshop', 'seminar', 'test_session', 'other')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // A public event has a page anyone can see and register on, even in a members-only space.
    .addColumn('public', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Stockholm'))
    .addColumn('municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('working_group_id', 'uuid', (c) => c.references('working_groups.id').onDelete('set null'))
    .addColumn('place_name', 'text')
    .addColumn('address', 'text')
    .addColumn('lon', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('online_url', 'text')
    // Seats on site and places online; null means no limit for that mode.
    .addColumn('capacity', 'integer', (c) => c.check(sql`capacity >= 0`))
    .addColumn('online_capacity', 'integer', (c) => c.check(sql`online_capacity >= 0`))
    .addColumn('registration_opens_at', 'timestamptz')
    .addColumn('registration_closes_at', 'timestamptz')
    .addColumn('questions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('agenda', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('scheduled')
        .check(sql`status in ('scheduled', 'cancelled')`),
    )
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text')
    .addColumn('rescheduled_at', 'timestamptz')
    // iCalendar: the UID never changes, SEQUENCE rises with every change attendees must see.
    .addColumn('ical_uid', 'text', (c) => c.notNull().unique())
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('events_end_after_start', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('events_space_idx').on('events').columns(['space_id', 'starts_at']).execute();

  await db.schema
    .createTable('event_cohosts')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('event_cohosts_pkey', ['event_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('registrations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    // Order of arrival: the waitlist is promoted in this order.
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('on_site', 'online')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('confirmed', 'waitlisted', 'cancelled')`))
    .addColumn('organisation_name', 'text')
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('sector', 'text')
    .addColumn('age_group', 'text')
    .addColumn('dietary_needs', 'text')
    .addColumn('accessibility_needs', 'text')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('sv'))
    .addColumn('cancel_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('check_in_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email_confirmed_at', 'timestamptz')
    .addColumn('promoted_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('checked_in_at', 'timestamptz')
    .addColumn('checked_in_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('check_in_method', 'text', (c) => c.check(sql`check_in_method in ('qr', 'manual')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('registrations_event_idx').on('registrations').columns(['event_id', 'status', 'seq']).execute();
  // One live registration per address and event.
  await sql`create unique index registrations_event_email_key on registrations (event_id, lower(email)) where status <> 'cancelled'`.execute(
    db,
  );

  await db.schema
    .createTable('event_documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('minutes', 'presentation', 'document')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull().unique())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('event_documents_event_idx').on('event_documents').column('event_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
