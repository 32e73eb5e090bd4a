import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;

  // A collaboration model: its current version's content (description + template) as JSON.
  await db.schema
    .createTable('models')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('origin_municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('imported', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  // Every version a model has had, as it was: a use records the version it applied.
  await db.schema
    .createTable('model_versions')
    .addColumn('model_id', 'uuid', (c) => c.notNull().references('models.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('model_versions_pkey', ['model_id', 'version'])
    .execute();

  // A model in use in a space for one municipality: applying again finds this row.
  await db.schema
    .createTable('model_uses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('model_id', 'uuid', (c) => c.notNull().references('models.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('municipality_code', 'text', (c) => c.notNull().references('municipalities.code'))
    .addColumn('adaptation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('applied_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('applied_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('model_uses_once', ['model_id', 'space_id', 'municipality_code'])
    .execute();
  await db.schema.createIndex('model_uses_space_idx').on('model_uses').column('space_id').execute();

  // What applying created, by the template item's key: each key is created once per use.
  await db.schema
    .createTable('model_use_items')
    .addColumn('use_id', 'uuid', (c) => c.notNull().references('model_uses.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('item_type', 'text', (c) =>
      c.notNull().check(sql`item_type in ('working_group', 'event', 'board', 'service_plan', 'survey', 'action_plan_goal')`),
    )
    .addColumn('resource_id', 'uuid')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('model_use_items_pkey', ['use_id', 'item_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('model_use_items').execute();
  await db.schema.dropTable('model_uses').execute();
  await db.schema.dropTable('model_versions').execute();
  await db.schema.dropTable('models').execute();
}
