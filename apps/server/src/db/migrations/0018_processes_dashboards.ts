import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
// Guided processes, test-session feedback, project goals and facts (issue 12 §1–3).
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;

  // A template's phases and steps live in one JSON document: a template is written and copied whole.
  await db.schema
    .createTable('process_templates')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phases', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('process_templates_space_idx').on('process_templates').column('space_id').execute();

  // A running process keeps the template's phases as they were when it started.
  await db.schema
    .createTable('processes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('template_id', 'uuid')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull().references('municipalities.code'))
    .addColumn('locality_id', 'uuid', (c) => c.references('localities.id').onDelete('set null'))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('phases', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('processes_space_idx').on('processes').columns(['space_id', 'municipality_code']).execute();

  // Per step: a facilitator's tick (for steps the platform cannot check), responsible and due date.
  await db.schema
    .createTable('process_steps')
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('ticked_at', 'timestamptz')
    .addColumn('ticked_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('responsible', 'text')
    .addColumn('due_date', 'date')
    .addPrimaryKeyConstraint('process_steps_pkey', ['process_id', 'step_id'])
    .execute();

  await db.schema
    .createTable('feedback_forms')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    // Forms copied from one another share a series: their sessions are compared side by side.
    .addColumn('series_id', 'uuid', (c) => c.notNull())
    .addColumn('event_id', 'uuid', (c) => c.references('events.id').onDelete('cascade'))
    .addColumn('process_id', 'uuid', (c) => c.references('processes.id').onDelete('set null'))
    .addColumn('step_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('questions', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('feedback_forms_space_idx').on('feedback_forms').column('space_id').execute();
  await db.schema.createIndex('feedback_forms_series_idx').on('feedback_forms').column('series_id').execute();
  await db.schema.createIndex('feedback_forms_event_idx').on('feedback_forms').column('event_id').execute();

  // Anonymous answers: no name, no e-mail; the phone's key makes a retry count once.
  await db.schema
    .createTable('feedback_answers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('form_id', 'uuid', (c) => c.notNull().references('feedback_forms.id').onDelete('cascade'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('sector', 'text')
    .addColumn('age_group', 'text')
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('feedback_answers_key_unique', ['form_id', 'idempotency_key'])
    .execute();

  await db.schema
    .createTable('feedback_changes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('form_id', 'uuid', (c) => c.references('feedback_forms.id').onDelete('set null'))
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('feedback_changes_space_idx').on('feedback_changes').column('space_id').execute();

  await db.schema
    .createTable('project_goals')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('figure_key', 'text', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('project_goals_space_idx').on('project_goals').column('space_id').execute();

  await db.schema
    .createTable('project_facts')
    .addColumn('space_id', 'uuid', (c) => c.primaryKey().references('spaces.id').onDelete('cascade'))
    .addColumn('period_start', 'date')
    .addColumn('period_end', 'date')
    .addColumn('budget', 'double precision')
    .addColumn('co_financiers', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('steering_group', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('spin_off_effects')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('spin_off_effects_space_idx').on('spin_off_effects').column('space_id').execute();

  // The dashboard's counts per municipality (50,000 inputs answer within 300 ms).
  await db.schema.createIndex('inputs_space_municipality_idx').on('inputs').columns(['space_id', 'municipality_code', 'status']).execute();
  await db.schema.createIndex('registrations_event_checked_in_idx').on('registrations').columns(['event_id']).where(sql.ref('checked_in_at'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('registrations_event_checked_in_idx').ifExists().execute();
  await db.schema.dropIndex('inputs_space_municipality_idx').ifExists().execute();
  for (const table of ['spin_off_effects', 'project_facts', 'project_goals', 'feedback_changes', 'feedback_answers', 'feedback_forms', 'process_steps', 'processes', 'process_templates'])
    await db.schema.dropTable(table).ifExists().execute();
}
