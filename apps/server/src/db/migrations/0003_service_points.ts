import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;
  await db.schema
    .createTable('service_points')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    // The id given at import (CSV `id`, OSM `n123`/`w456`) or made at creation; analyses and scenarios use it.
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull().check(sql`lon between -180 and 180`))
    .addColumn('lat', 'double precision', (c) => c.notNull().check(sql`lat between -90 and 90`))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('kinds', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('operator_organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('staffed', 'boolean')
    .addColumn('opening_hours', 'text')
    .addColumn('seasonal', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('season_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'at_risk', 'closed')`))
    .addColumn('status_date', 'date')
    .addColumn('opened_on', 'date')
    .addColumn('supports', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('sources', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('service_points_external_key', ['space_id', 'external_id'])
    .execute();

  // The full history of a point: every change, with the values before and after and who made it.
  await db.schema
    .createTable('service_point_changes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('point_id', 'uuid', (c) => c.notNull().references('service_points.id').onDelete('cascade'))
    // Order of changes made at the same instant (e.g. a suggestion and its acceptance in one test clock tick).
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('created', 'updated', 'imported', 'suggested', 'suggestion_accepted', 'suggestion_rejected')`),
    )
    .addColumn('changes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('suggestion_id', 'uuid')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('service_point_changes_point_idx').on('service_point_changes').columns(['point_id', 'at']).execute();

  await db.schema
    .createTable('service_point_suggestions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('point_id', 'uuid', (c) => c.notNull().references('service_points.id').onDelete('cascade'))
    .addColumn('proposed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('proposed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('changes', 'jsonb', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'accepted', 'rejected')`))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('service_point_suggestions_point_idx').on('service_point_suggestions').columns(['point_id', 'status']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
