import { sql, type Insertable, type Kysely, type RawBuilder, type Updateable } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { inCoverageScope, tagged, type CoverageScope } from '../../agenda2030/coverage/coverage-scope.ts';
import type { LibraryFilesTable, LibraryItemsTable, LibraryKindValue } from './library-item.table.ts';

/** An item as read: every column but the search vector, the date as text, with its space and organisation names. */
export interface LibraryItemRead {
  id: string;
  space_id: string;
  space_name: string;
  visibility: 'public' | 'members';
  kind: LibraryKindValue;
  title: string;
  summary: string;
  body: string;
  links: { title: string; url: string }[];
  themes: string[];
  goals: number[];
  targets: string[];
  sectors: string[];
  municipality_code: string | null;
  county_code: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  licence: string;
  language: string;
  published_on: string | null;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  highlight: string | null;
}

const itemColumns = sql`i.id, i.space_id, s.name as space_name, i.visibility, i.kind, i.title, i.summary, i.body, i.links, i.themes, i.goals, i.targets, i.sectors,
  i.municipality_code, i.county_code, i.organisation_id, o.name as organisation_name, i.licence, i.language, to_char(i.published_on, 'YYYY-MM-DD') as published_on,
  i.version, i.created_by, i.created_at, i.updated_at`;

export interface LibraryFilter {
  /** Spaces whose members-only items the caller may read; public items are read by all. */
  memberSpaceIds: string[];
  q?: string | undefined;
  kind?: string | undefined;
  goal?: number | undefined;
  target?: string | undefined;
  theme?: string | undefined;
  spaceId?: string | undefined;
  municipalityCode?: string | undefined;
  countyCode?: string | undefined;
}

/**
 * The search words as a Swedish prefix query: each word is stemmed and then matched as a prefix
 * ("byaråd:*" & …), because the Snowball stemmer leaves the definite forms of many compounds
 * alone ("byarådet" stays "byarådet"): as a prefix of the stem, "byaråd" finds "byarådet" and
 * "servicepunkt" (stem "servicepunk") finds "servicepunkterna". Only letters and digits reach the
 * query text, so no tsquery syntax can be injected.
 */
export function prefixQueryText(q: string): string {
  return (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12).map((word) => `${word}:*`).join(' & ');
}

const query = (q: string) => sql`to_tsquery('swedish'::regconfig, ${prefixQueryText(q)})`;

/** The municipalities join, needed by the where clause only for the county filter. */
const regionJoin = (f: LibraryFilter) => (f.countyCode ? sql` left join municipalities m on m.code = i.municipality_code` : sql``);

function where(f: LibraryFilter): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`(i.visibility = 'public' or i.space_id = any(${f.memberSpaceIds}::uuid[]))`];
  if (f.q) parts.push(sql`i.search @@ ${query(f.q)}`);
  if (f.kind) parts.push(sql`i.kind = ${f.kind}`);
  // goal_set: the goals an item covers, those named and those of its targets (a generated column, GIN-indexed as are themes).
  if (f.goal) parts.push(sql`i.goal_set @> array[${f.goal}::int]`);
  if (f.target) parts.push(sql`${f.target}::text = any(i.targets)`);
  if (f.theme) parts.push(sql`i.themes @> array[${f.theme}::text]`);
  if (f.spaceId) parts.push(sql`i.space_id = ${f.spaceId}::uuid`);
  if (f.municipalityCode) parts.push(sql`i.municipality_code = ${f.municipalityCode}`);
  if (f.countyCode) parts.push(sql`coalesce(i.county_code, m.county_code) = ${f.countyCode}`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

/** One page of hits, best first (a title hit weighs more than a summary hit, which weighs more than a body hit), with highlighted fragments. */
export async function searchItems(db: Kysely<Database>, f: LibraryFilter, limit: number, offset: number): Promise<LibraryItemRead[]> {
  const rank = f.q ? sql`ts_rank(i.search, ${query(f.q)})` : sql`0`;
  const highlight = f.q
    ? sql`ts_headline('swedish'::regconfig, concat_ws(' — ', i.title, nullif(i.summary, ''), nullif(left(i.body, 20000), '')), ${query(f.q)},
        'StartSel=«, StopSel=», MaxFragments=2, MaxWords=25, MinWords=8, FragmentDelimiter=" … "')`
    : sql`null`;
  // Without search words every rank is 0: newest first, which the (updated_at desc, id) index serves.
  const order = f.q ? sql`rank desc, i.updated_at desc, i.id` : sql`i.updated_at desc, i.id`;
  const result = await sql<LibraryItemRead>`
    with hits as (
      select i.id, ${rank} as rank, i.updated_at
      from library_items i${regionJoin(f)}
      where ${where(f)}
      order by ${order}
      limit ${limit} offset ${offset})
    select ${itemColumns}, ${highlight} as highlight
    from hits h join library_items i on i.id = h.id join spaces s on s.id = i.space_id left join organisations o on o.id = i.organisation_id
    order by h.rank desc, h.updated_at desc, i.id`.execute(db);
  return result.rows;
}

/**
 * The facets (kind, goal, theme, region = county) of everything the filter finds, in one pass over
 * the hits; the total is the sum of the kind facet (every item has one kind). Arrays are unnested in
 * the select list (one ProjectSet), not as a lateral function scan per hit, which on 7,000 hits cost
 * several times as much.
 */
export async function facetItems(db: Kysely<Database>, f: LibraryFilter) {
  const result = await sql<{ facet: string; value: string; n: number }>`
    with found as materialized (
      select i.kind, i.goal_set, i.themes, coalesce(i.county_code, m.county_code) as region
      from library_items i left join municipalities m on m.code = i.municipality_code
      where ${where(f)})
    select 'kind' as facet, kind as value, count(*)::int as n from found group by kind
    union all select 'goal', g::text, count(*)::int from (select unnest(goal_set) as g from found) goals group by g
    union all select 'theme', t, count(*)::int from (select unnest(themes) as t from found) themes group by t
    union all select 'region', region, count(*)::int from found where region is not null group by region`.execute(db);
  return result.rows;
}

export async function findItem(db: Kysely<Database>, id: string): Promise<LibraryItemRead | undefined> {
  const result = await sql<LibraryItemRead>`
    select ${itemColumns}, null as highlight
    from library_items i join spaces s on s.id = i.space_id left join organisations o on o.id = i.organisation_id
    where i.id = ${id}::uuid`.execute(db);
  return result.rows[0];
}

/** The item's space and the caller's role in it (null without one). */
export function itemAccess(db: Kysely<Database>, id: string, userId: string | null) {
  return db
    .selectFrom('library_items as i')
    .innerJoin('spaces as s', 's.id', 'i.space_id')
    .leftJoin('memberships as mine', (join) => join.onRef('mine.space_id', '=', 'i.space_id').on('mine.user_id', '=', userId ?? '00000000-0000-0000-0000-000000000000'))
    .select(['i.id', 'i.space_id', 'i.visibility', 's.archived_at', 'mine.role'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export function insertItem(db: Kysely<Database>, values: Insertable<LibraryItemsTable>) {
  return db.insertInto('library_items').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Saves the changes as the next version (answers its number). */
export function updateItem(db: Kysely<Database>, id: string, values: Updateable<LibraryItemsTable>) {
  return db
    .updateTable('library_items')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) })).where('id', '=', id).returning('version').executeTakeFirstOrThrow();
}

export function insertVersion(db: Kysely<Database>, itemId: string, version: number, content: Record<string, unknown>, savedBy: string | null, at: Date) {
  return db.insertInto('library_item_versions').values({ item_id: itemId, version, content: JSON.stringify(content), saved_by: savedBy, saved_at: at }).execute();
}

export function listVersions(db: Kysely<Database>, itemId: string) {
  return db.selectFrom('library_item_versions').select(['version', 'saved_at']).where('item_id', '=', itemId).orderBy('version', 'desc').execute();
}

export function findVersion(db: Kysely<Database>, itemId: string, version: number) {
  return db.selectFrom('library_item_versions').select(['version', 'saved_at', 'content']).where('item_id', '=', itemId).where('version', '=', version).executeTakeFirst();
}

export function listFiles(db: Kysely<Database>, itemId: string) {
  return db.selectFrom('library_files').selectAll().where('item_id', '=', itemId).orderBy('created_at').orderBy('id').execute();
}

export function findFile(db: Kysely<Database>, itemId: string, fileId: string) {
  return db.selectFrom('library_files').selectAll().where('item_id', '=', itemId).where('id', '=', fileId).executeTakeFirst();
}

export function insertFile(db: Kysely<Database>, values: Insertable<LibraryFilesTable>) {
  return db.insertInto('library_files').values(values).returning('id').executeTakeFirstOrThrow();
}

export function organisationExists(db: Kysely<Database>, id: string) {
  return db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
}

export function countyExists(db: Kysely<Database>, code: string) {
  return db.selectFrom('counties').select('code').where('code', '=', code).executeTakeFirst();
}

export function insertLink(db: Kysely<Database>, itemId: string, targetKind: string, targetId: string, createdBy: string | null, at: Date) {
  return db
    .insertInto('library_links')
    .values({ item_id: itemId, target_kind: targetKind, target_id: targetId, created_by: createdBy, created_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The items linked to one target (e.g. an event) that the filter lets the caller read. */
export async function linkedItems(db: Kysely<Database>, targetKind: string, targetId: string, memberSpaceIds: string[]): Promise<LibraryItemRead[]> {
  const result = await sql<LibraryItemRead>`
    select ${itemColumns}, null as highlight
    from library_links l join library_items i on i.id = l.item_id join spaces s on s.id = i.space_id left join organisations o on o.id = i.organisation_id
    where l.target_kind = ${targetKind} and l.target_id = ${targetId}::uuid and (i.visibility = 'public' or i.space_id = any(${memberSpaceIds}::uuid[]))
    order by l.created_at, i.title`.execute(db);
  return result.rows;
}

/** "Used in": the events, measures and initiatives that link the item which the caller may see (public ones or those of the given spaces). */
export async function usesOf(db: Kysely<Database>, itemId: string, viewableSpaceIds: string[]) {
  const result = await sql<{ kind: string; id: string; title: string }>`
    select kind, id, title from (
      select 'event' as kind, e.id, e.title, e.starts_at as at
      from library_links l join events e on l.target_kind = 'event' and e.id = l.target_id
      where l.item_id = ${itemId}::uuid and (e.public or e.space_id = any(${viewableSpaceIds}::uuid[]))
      union all
      select 'measure' as kind, m.id, m.title, l.created_at as at
      from library_links l join measures m on l.target_kind = 'measure' and m.id = l.target_id
      where l.item_id = ${itemId}::uuid and m.space_id = any(${viewableSpaceIds}::uuid[])
      union all
      select 'initiative' as kind, i.id, i.title, l.created_at as at
      from library_links l join initiatives i on l.target_kind = 'initiative' and i.id = l.target_id join alliances a on a.id = i.alliance_id
      where l.item_id = ${itemId}::uuid and (a.public or i.space_id = any(${viewableSpaceIds}::uuid[]))
      union all
      select 'model' as kind, m.id, m.title, m.updated_at as at
      from models m
      where exists (select 1 from jsonb_array_elements(coalesce(m.content->'material', '[]'::jsonb)) x where x->>'libraryItemId' = ${itemId})
    ) uses
    order by at desc, title`.execute(db);
  return result.rows;
}

/** Of these ids, the public items (what a model, public to all, may name as its material). */
export async function publicItemIds(db: Kysely<Database>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('library_items as i')
    .innerJoin('spaces as s', 's.id', 'i.space_id')
    .select('i.id')
    .where('i.id', 'in', ids)
    .where('i.visibility', '=', 'public')
    .where('s.archived_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** A public item by its exact title (the demo links its models' material by title). */
export function publicItemByTitle(db: Kysely<Database>, title: string) {
  return db.selectFrom('library_items').select('id').where('title', '=', title).where('visibility', '=', 'public').executeTakeFirst();
}

/** Agenda 2030 coverage: tagged items in the scope (members-only ones only in the caller's own spaces). */
export function itemsInCoverageScope(db: Kysely<Database>, scope: CoverageScope) {
  return db
    .selectFrom('library_items')
    .select(['id', 'space_id', 'municipality_code', 'title', 'kind', 'goals', 'targets', 'updated_at'])
    .where(tagged('library_items.goals', 'library_items.targets'))
    .where(inCoverageScope(scope, 'library_items.space_id', 'library_items.municipality_code'))
    .where((eb) => eb.or([eb('visibility', '=', 'public'), eb('space_id', 'in', scope.memberSpaceIds.length ? scope.memberSpaceIds : ['00000000-0000-0000-0000-000000000000'])]))
    .execute();
}

/** Personal data: the items a user created and the versions they saved (titles only; the content is shared material). */
export function itemsCreatedBy(db: Kysely<Database>, userId: string) {
  return db.selectFrom('library_items').select(['id', 'title', 'space_id', 'created_at']).where('created_by', '=', userId).orderBy('created_at').execute();
}

/** On erasure the material stays (it belongs to the space), without the link to the person. */
export async function forgetAuthor(db: Kysely<Database>, userId: string): Promise<number> {
  const items = await db.updateTable('library_items').set({ created_by: null }).where('created_by', '=', userId).executeTakeFirst();
  const versions = await db.updateTable('library_item_versions').set({ saved_by: null }).where('saved_by', '=', userId).executeTakeFirst();
  const files = await db.updateTable('library_files').set({ uploaded_by: null }).where('uploaded_by', '=', userId).executeTakeFirst();
  const links = await db.updateTable('library_links').set({ created_by: null }).where('created_by', '=', userId).executeTakeFirst();
  return [items, versions, files, links].reduce((n, r) => n + Number(r.numUpdatedRows), 0);
}
