import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
// analysis_id and scenario ids are plain uuids without foreign keys: their tables belong to the
// analyses module (another migration); the service validates them through that module's service.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;
  await db.schema
    .createTable('service_plans')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('municipality_code', 'text', (c) => c.notNull().references('municipalities.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'consultation', 'adopted')`))
    // The working copy, edited while the plan is a draft; versions freeze a copy of it.
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('analysis_id', 'uuid')
    .addColumn('consultation_ends_on', 'date')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('service_plans_period', sql`period_end >= period_start`)
    .execute();
  await db.schema.createIndex('service_plans_space_idx').on('service_plans').column('space_id').execute();
  await db.schema.createIndex('service_plans_municipality_idx').on('service_plans').column('municipality_code').execute();

  await db.schema
    .createTable('service_plan_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('service_plans.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('consultation', 'adopted')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('analysis_id', 'uuid')
    .addColumn('consultation_ends_on', 'date')
    .addColumn('decision_body', 'text')
    .addColumn('decision_date', 'date')
    .addColumn('minute_reference', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('service_plan_versions_number_key', ['plan_id', 'number'])
    .addCheckConstraint(
      'service_plan_versions_decision',
      sql`status <> 'adopted' or (decision_body is not null and decision_date is not null and minute_reference is not null)`,
    )
    .execute();

  await db.schema
    .createTable('service_plan_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('service_plans.id').onDelete('cascade'))
    .addColumn('version_id', 'uuid', (c) => c.notNull().references('service_plan_versions.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text')
    .addColumn('locality_id', 'uuid', (c) => c.references('localities.id').onDelete('set null'))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'published', 'rejected')`))
    .addColumn('response', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('moderated_at', 'timestamptz')
    .addColumn('moderated_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('service_plan_comments_plan_idx').on('service_plan_comments').column('plan_id').execute();

  await db.schema
    .createTable('service_plan_follow_ups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('service_plans.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('measures', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('service_plan_follow_ups_year_key', ['plan_id', 'year'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
