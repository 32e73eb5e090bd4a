import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
// Action plans, one measures table, indicators with values, yearly follow-ups (issue 10 §2–3),
// and inputs that point at the measure that answers them.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;
  await db.schema
    .createTable('action_plans')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    // An agreement of the agreements module (built in parallel): no foreign key here; checked through its service.
    .addColumn('agreement_id', 'uuid')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'active', 'ended')`))
    .addColumn('period_start', 'date')
    .addColumn('period_end', 'date')
    .addColumn('links', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('action_plans_space_idx').on('action_plans').column('space_id').execute();

  await db.schema
    .createTable('action_plan_goals')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('action_plan_goals_plan_idx').on('action_plan_goals').columns(['plan_id', 'position']).execute();

  // One measures table for the platform: an action plan's measures (and, later, a service plan's).
  await db.schema
    .createTable('measures')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('action_plan_id', 'uuid', (c) => c.references('action_plans.id').onDelete('cascade'))
    .addColumn('goal_id', 'uuid', (c) => c.references('action_plan_goals.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('responsible_organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('set null'))
    // [{ organisationId, what, hours, moneySek }]
    .addColumn('participants', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('locality_id', 'uuid', (c) => c.references('localities.id').onDelete('set null'))
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('milestones', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('budget_sek', 'bigint')
    .addColumn('funding', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned').check(sql`status in ('planned', 'ongoing', 'done', 'paused', 'cancelled')`))
    .addColumn('status_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('result', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('goals', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('targets', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('links', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // A service plan's measure (kommunal serviceplan): its plan, the scenario that is its reason, the plan's goals it serves.
    .addColumn('service_plan_id', 'uuid', (c) => c.references('service_plans.id').onDelete('cascade'))
    .addColumn('scenario_id', 'uuid')
    .addColumn('service_goal_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('measures_one_plan', sql`action_plan_id is null or service_plan_id is null`)
    .addCheckConstraint('measures_dates_ordered', sql`start_date is null or end_date is null or end_date >= start_date`)
    .execute();
  await db.schema.createIndex('measures_plan_idx').on('measures').columns(['action_plan_id', 'position']).execute();
  await db.schema.createIndex('measures_space_idx').on('measures').column('space_id').execute();
  await db.schema.createIndex('measures_service_plan_idx').on('measures').columns(['service_plan_id', 'position']).execute();
  await moveServicePlanMeasures(db);

  await db.schema
    .createTable('indicators')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('goal_id', 'uuid', (c) => c.references('action_plan_goals.id').onDelete('cascade'))
    .addColumn('measure_id', 'uuid', (c) => c.references('measures.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('baseline_value', 'double precision')
    .addColumn('baseline_date', 'date')
    .addColumn('target_value', 'double precision')
    .addColumn('target_date', 'date')
    .addColumn('direction', 'text', (c) => c.notNull().defaultTo('increase').check(sql`direction in ('increase', 'decrease', 'maintain')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('indicators_one_owner', sql`(goal_id is null) <> (measure_id is null)`)
    .execute();
  await db.schema.createIndex('indicators_measure_idx').on('indicators').column('measure_id').execute();
  await db.schema.createIndex('indicators_goal_idx').on('indicators').column('goal_id').execute();

  await db.schema
    .createTable('indicator_values')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('indicator_id', 'uuid', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('measured_on', 'date', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('indicator_values_indicator_idx').on('indicator_values').columns(['indicator_id', 'measured_on']).execute();

  // The yearly follow-up, kept as numbered versions: text per measure and the indicator values as of a date.
  await db.schema
    .createTable('action_plan_follow_ups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('action_plan_follow_ups_version_key', ['plan_id', 'version'])
    .execute();

  // Inputs point at the measure that answers them; what was free text before stays as a note.
  await db.schema.alterTable('inputs').addColumn('measure_id', 'uuid', (c) => c.references('measures.id').onDelete('set null')).execute();
  await db.schema.alterTable('inputs').addColumn('planned_note', 'text').execute();
  await db.schema.createIndex('inputs_measure_idx').on('inputs').column('measure_id').execute();
  await mapInputReferences(db);
}

/**
 * One measures model: the service plans' measures move out of their JSON content into the
 * measures table, keeping their ids (follow-ups, versions and inputs refer to them), order,
 * scenario and goals. Exported for the test that runs it on rows written the old way.
 */
export async function moveServicePlanMeasures(db: Kysely<any>): Promise<void> {
  await sql`
    insert into measures (id, space_id, service_plan_id, position, title, description, locality_id, place, participants,
                          start_date, end_date, budget_sek, status, scenario_id, service_goal_ids, created_at, updated_at)
    select (m.value->>'id')::uuid, p.space_id, p.id, (m.ordinality - 1)::integer, m.value->>'title', coalesce(m.value->>'description', ''),
           (m.value->>'localityId')::uuid, coalesce(m.value->>'place', ''),
           coalesce((select jsonb_agg(jsonb_build_object('organisationId', o.value, 'what', '', 'hours', null, 'moneySek', null, 'youth', false) order by o.ordinality)
                     from jsonb_array_elements_text(coalesce(m.value->'organisationIds', '[]'::jsonb)) with ordinality o), '[]'::jsonb),
           (m.value->>'startDate')::date, (m.value->>'endDate')::date, (m.value->>'costSek')::bigint,
           case m.value->>'status' when 'in_progress' then 'ongoing' when 'postponed' then 'paused' else coalesce(m.value->>'status', 'planned') end,
           (m.value->>'scenarioId')::uuid,
           coalesce(array(select jsonb_array_elements_text(coalesce(m.value->'goalIds', '[]'::jsonb))), '{}'),
           p.created_at, p.updated_at
    from service_plans p, jsonb_array_elements(coalesce(p.content->'measures', '[]'::jsonb)) with ordinality m`.execute(db);
  await sql`update service_plans set content = jsonb_set(content, '{measures}', '[]'::jsonb) where jsonb_array_length(coalesce(content->'measures', '[]'::jsonb)) > 0`.execute(db);
}

/**
 * Maps today's free-text references of planned inputs onto measures of the same space where the
 * id, the title or "plan: title" matches; keeps the label as a note where none does.
 */
export async function mapInputReferences(db: Kysely<any>): Promise<void> {
  await sql`
    update inputs set measure_id = m.id
    from measures m
    where inputs.planned_ref_id is not null and m.space_id = inputs.space_id
      and (m.id::text = inputs.planned_ref_id or lower(m.title) = lower(inputs.planned_ref_label) or lower(inputs.planned_ref_label) like '%: ' || lower(m.title))`.execute(db);
  await sql`update inputs set planned_note = planned_ref_label where planned_ref_id is not null and measure_id is null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
