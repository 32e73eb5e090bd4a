import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;

  // A general job queue: claimed with FOR UPDATE SKIP LOCKED, so several instances share it.
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued').check(sql`status in ('queued', 'running', 'done', 'failed', 'cancelled')`))
    .addColumn('stage', 'text')
    .addColumn('percent', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('result', 'jsonb')
    .addColumn('error', 'text')
    .addColumn('cancel_requested', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_by', 'text')
    .addColumn('heartbeat_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('jobs_queued_idx').on('jobs').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('population_sets')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('grid', 'origins', 'localities')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('file_name', 'text')
    .addColumn('origin_count', 'integer', (c) => c.notNull())
    .addColumn('population', 'double precision', (c) => c.notNull())
    .addColumn('has_age', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('population_sets_space_idx').on('population_sets').column('space_id').execute();

  await db.schema
    .createTable('population_origins')
    .addColumn('set_id', 'uuid', (c) => c.notNull().references('population_sets.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('origin_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('population', 'double precision', (c) => c.notNull())
    .addColumn('municipality_code', 'text')
    .addColumn('men', 'double precision')
    .addColumn('women', 'double precision')
    .addColumn('under_20', 'double precision')
    .addColumn('age_65_plus', 'double precision')
    .addPrimaryKeyConstraint('population_origins_pkey', ['set_id', 'seq'])
    .addUniqueConstraint('population_origins_id_unique', ['set_id', 'origin_id'])
    .execute();

  await db.schema
    .createTable('road_networks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('job_id', 'uuid', (c) => c.references('jobs.id').onDelete('set null'))
    .addColumn('nodes', 'integer')
    .addColumn('edges', 'integer')
    .addColumn('dropped_nodes', 'integer')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('road_networks_space_idx').on('road_networks').column('space_id').execute();

  // An analysis keeps everything it was made from, so a figure can be traced and reproduced.
  await db.schema
    .createTable('analyses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('job_id', 'uuid', (c) => c.notNull().references('jobs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('points_as_of', 'timestamptz', (c) => c.notNull())
    .addColumn('points', 'jsonb', (c) => c.notNull())
    .addColumn('population_set_id', 'uuid', (c) => c.notNull().references('population_sets.id'))
    .addColumn('network_id', 'uuid', (c) => c.references('road_networks.id'))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('road', 'straight_line')`))
    .addColumn('types', sql`text[]`, (c) => c.notNull())
    .addColumn('profile', 'jsonb', (c) => c.notNull())
    .addColumn('thresholds_min', sql`integer[]`, (c) => c.notNull())
    .addColumn('vulnerable_min', 'integer', (c) => c.notNull())
    .addColumn('summary', 'jsonb')
    .addColumn('results_gz', 'bytea')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('analyses_space_idx').on('analyses').column('space_id').execute();

  await db.schema
    .createTable('scenarios')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('analysis_id', 'uuid', (c) => c.notNull().references('analyses.id').onDelete('cascade'))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('input', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('changed_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('scenarios_analysis_idx').on('scenarios').column('analysis_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['scenarios', 'analyses', 'road_networks', 'population_origins', 'population_sets', 'jobs']) {
    await db.schema.dropTable(table).execute();
  }
}
