import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // Agenda 2030 tags (goals by number, targets by code such as '11.a') on spaces, events and inputs.
  await db.schema
    .alterTable('spaces')
    .addColumn('goals', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('targets', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
  await db.schema
    .alterTable('events')
    .addColumn('goals', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('targets', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
  await db.schema
    .alterTable('inputs')
    .addColumn('targets', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();

  // Local targets (lokala mål) of a space, optionally for one municipality, under global targets.
  await db.schema
    .createTable('local_targets')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('targets', sql`text[]`, (c) => c.notNull())
    // { name, unit, baseline, target, values: [{ date, value }] } or null
    .addColumn('indicator', 'jsonb')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('local_targets_space').on('local_targets').columns(['space_id']).execute();

  // The knowledge library.
  await db.schema
    .createTable('library_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('public', 'members')`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('method', 'material', 'good_example', 'report', 'template')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('links', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'`))
    .addColumn('themes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('goals', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('targets', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('sectors', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('county_code', 'text')
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('licence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('sv'))
    .addColumn('published_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // Swedish full-text search: the title weighs most, then the summary, then the body.
    .addColumn('search', sql`tsvector`, (c) =>
      c.generatedAlwaysAs(
        sql`setweight(to_tsvector('swedish'::regconfig, title), 'A') || setweight(to_tsvector('swedish'::regconfig, summary), 'B') || setweight(to_tsvector('swedish'::regconfig, body), 'C')`,
      ).stored(),
    )
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index library_items_search on library_items using gin (search)`.execute(db);
  await db.schema.createIndex('library_items_space').on('library_items').columns(['space_id']).execute();

  // Every version of an item as it was saved (the item's fields as JSON).
  await db.schema
    .createTable('library_item_versions')
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('library_items.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('saved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('saved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('library_item_versions_pk', ['item_id', 'version'])
    .execute();

  await db.schema
    .createTable('library_files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('library_items.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // "Used in": an item linked from an event, a measure, an initiative or a model (target_kind names the table's owner).
  await db.schema
    .createTable('library_links')
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('library_items.id').onDelete('cascade'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'uuid', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('library_links_pk', ['item_id', 'target_kind', 'target_id'])
    .execute();
  await db.schema.createIndex('library_links_target').on('library_links').columns(['target_kind', 'target_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
