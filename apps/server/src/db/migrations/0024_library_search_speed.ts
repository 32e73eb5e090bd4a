import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // Library search on many items (issue 11 §6): the goals an item covers (those named and those of
  // its targets, "12.5" → 12) are stored with the item instead of being worked out per row and
  // request, so the goal facet and the goal filter read a column; GIN indexes serve the goal and
  // theme filters, and a (updated_at, id) index the newest-first listing without a search word.
  await sql`
    create function library_goal_set(goals integer[], targets text[]) returns integer[]
    language sql immutable parallel safe
    as $$ select array(select distinct g from unnest(goals || array(select split_part(t, '.', 1)::int from unnest(targets) t)) g order by g) $$`.execute(
    db,
  );
  await sql`alter table library_items add column goal_set integer[] generated always as (library_goal_set(goals, targets)) stored`.execute(
    db,
  );
  await sql`create index library_items_goal_set on library_items using gin (goal_set) with (fastupdate = off)`.execute(db);
  await sql`create index library_items_themes on library_items using gin (themes) with (fastupdate = off)`.execute(db);
  // The full-text index without its pending list: new entries otherwise wait in an unordered list
  // that every search reads through until a VACUUM merges them, and PGlite has no autovacuum; with
  // a few hundred pending pages the planner (rightly) preferred matching every row's tsvector,
  // 10–20 times slower. Items are written rarely, so writing their entries into the index at once
  // costs little.
  await sql`alter index library_items_search set (fastupdate = off)`.execute(db);
  await sql`select gin_clean_pending_list('library_items_search'::regclass)`.execute(db);
  await sql`create index library_items_recent on library_items (updated_at desc, id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
