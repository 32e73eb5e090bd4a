import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;
  await db.schema
    .createTable('inputs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    // A short number per space ("inspel 12") that people can quote on the phone.
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('need', 'idea')`))
    .addColumn('theme', 'text')
    .addColumn('service_type', 'text', (c) => c.check(sql`service_type in ('groceries', 'fuel', 'pharmacy', 'post', 'payment', 'other')`))
    .addColumn('goals', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('locality_id', 'uuid', (c) => c.references('localities.id').onDelete('set null'))
    .addColumn('lon', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('form', 'facilitator', 'board')`))
    .addColumn('channel', 'text', (c) => c.check(sql`channel in ('paper', 'phone', 'meeting', 'email', 'other')`))
    // What the source calls it (e.g. a board note id), so a board closed twice adds nothing twice.
    .addColumn('source_ref', 'text')
    // The event (meeting, workshop) it came from, if any; the input outlives the event.
    .addColumn('event_id', 'uuid', (c) => c.references('events.id').onDelete('set null'))
    .addColumn('submitter_sector', 'text', (c) => c.check(sql`submitter_sector in ('resident', 'public', 'private', 'civil_society', 'academia')`))
    .addColumn('submitter_age_group', 'text')
    // Personal data: only for notices; erased when the input is closed (done or declined).
    .addColumn('submitter_email', 'text')
    .addColumn('submitter_language', 'text', (c) => c.notNull().defaultTo('sv').check(sql`submitter_language in ('sv', 'en')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('received').check(sql`status in ('received', 'being_assessed', 'planned', 'done', 'declined')`))
    // The plan measure or action that answers it: a plain id and label (plans live in another module).
    .addColumn('planned_ref_id', 'text')
    .addColumn('planned_ref_label', 'text')
    .addColumn('status_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('entered_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('inputs_space_number_key', ['space_id', 'number'])
    .addUniqueConstraint('inputs_source_ref_key', ['space_id', 'source', 'source_ref'])
    .addCheckConstraint('inputs_point_whole', sql`(lon is null) = (lat is null)`)
    .addCheckConstraint('inputs_planned_has_ref', sql`status <> 'planned' or planned_ref_id is not null`)
    .execute();
  await db.schema.createIndex('inputs_space_status_idx').on('inputs').columns(['space_id', 'status']).execute();
  await db.schema.createIndex('inputs_event_idx').on('inputs').column('event_id').execute();

  await db.schema
    .createTable('input_status_changes')
    // A sequence, so changes made in the same instant keep their order on the public timeline.
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('input_id', 'uuid', (c) => c.notNull().references('inputs.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('planned_ref_id', 'text')
    .addColumn('planned_ref_label', 'text')
    .addColumn('changed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('input_status_changes_input_idx').on('input_status_changes').columns(['input_id', 'at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
