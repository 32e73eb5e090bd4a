import {
  normaliseTags,
  type CoverageEntry,
  type LibraryFile,
  type LibraryItem,
  type LibraryItemSummary,
  type LibraryPage,
  type libraryItemInput,
  type libraryItemPatch,
  type libraryQuery,
} from '@samhandling/contracts';
import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import type { Database, LibraryItemsTable } from '../../../db/schema.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Upload } from '../../../http/upload.ts';
import { actorId, type Actor, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { openStoredFile, storeCheckedFile, uploadsDir, type CheckedFile, type IncomingFile } from '../../../platform/stored-files.ts';
import type { CoverageScope } from '../../agenda2030/coverage/coverage-scope.ts';
import { canManageEvent } from '../../dialogues/event/event.policy.ts';
import { getEventForActor } from '../../dialogues/event/event.service.ts';
import { getInitiativeForActor } from '../../alliances/initiative/initiative.service.ts';
import { getMeasure } from '../../plans/measure/measure.service.ts';
import { assertMunicipalitiesExist } from '../../geography/municipality/municipality.service.ts';
import { loadSpaceAccess, spacesVisibleTo } from '../../spaces/space/space.service.ts';
import { canEditLibraryItem, canViewLibraryItem, libraryItemActions, type LibraryItemAccess } from './library-item.policy.ts';
import { presentFile, presentItem, presentItemSummary, versionContent } from './library-item.presenter.ts';
import {
  countyExists,
  facetItems,
  findFile,
  findItem,
  findVersion,
  insertFile,
  insertItem,
  insertLink,
  insertVersion,
  itemAccess,
  itemsInCoverageScope,
  linkedItems,
  listFiles,
  listVersions,
  organisationExists,
  prefixQueryText,
  publicItemByTitle,
  publicItemIds,
  searchItems,
  updateItem,
  usesOf,
} from './library-item.repository.ts';

export function libraryFilesDir(deps: Pick<Deps, 'config'>): string {
  return uploadsDir(deps.config, 'library');
}

/** The item and the caller's access to it; 404 when it does not exist for them. */
async function loadItem(deps: Deps, actor: Actor, id: string): Promise<LibraryItemAccess> {
  const row = await itemAccess(deps.db, id, actorId(actor));
  if (!row) throw notFound();
  const access: LibraryItemAccess = { visibility: row.visibility, archived: row.archived_at !== null, role: row.role ?? null };
  if (!canViewLibraryItem(actor, access)) throw notFound();
  return access;
}

export async function searchLibrary(deps: Deps, ctx: RequestContext, query: z.output<typeof libraryQuery>): Promise<LibraryPage> {
  const spaces = await spacesVisibleTo(deps, ctx.actor);
  const q = query.q && prefixQueryText(query.q) ? query.q : undefined;
  const filter = { ...query, q, memberSpaceIds: spaces.member };
  const [rows, facets] = await Promise.all([searchItems(deps.db, filter, query.limit, query.offset), facetItems(deps.db, filter)]);
  const facet = (name: string) =>
    facets
      .filter((f) => f.facet === name)
      .map((f) => ({ value: f.value, count: Number(f.n) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'sv', { numeric: true }));
  return {
    items: rows.map(presentItemSummary),
    total: facets.filter((f) => f.facet === 'kind').reduce((n, f) => n + Number(f.n), 0),
    facets: { kind: facet('kind'), goal: facet('goal'), theme: facet('theme'), region: facet('region') },
  };
}

export async function getLibraryItem(deps: Deps, ctx: RequestContext, id: string): Promise<LibraryItem> {
  const access = await loadItem(deps, ctx.actor, id);
  const row = (await findItem(deps.db, id))!;
  const spaces = await spacesVisibleTo(deps, ctx.actor);
  const [files, usedIn, versions] = await Promise.all([listFiles(deps.db, id), usesOf(deps.db, id, spaces.viewable), listVersions(deps.db, id)]);
  return presentItem(row, { files, usedIn, versions, allowedActions: libraryItemActions(ctx.actor, access) });
}

type Fields = Partial<z.output<typeof libraryItemInput>>;

async function checkReferences(deps: Deps, input: Fields) {
  if (input.municipalityCode) await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
  if (input.countyCode && !(await countyExists(deps.db, input.countyCode))) throw invalid({ countyCode: 'validation.county_code' });
  if (input.organisationId && !(await organisationExists(deps.db, input.organisationId))) throw invalid({ organisationId: 'validation.organisation_unknown' });
}

function columns(input: Fields): Updateable<LibraryItemsTable> {
  const has = (key: keyof Fields) => input[key] !== undefined;
  return {
    ...(has('visibility') ? { visibility: input.visibility! } : {}),
    ...(has('kind') ? { kind: input.kind! } : {}),
    ...(has('title') ? { title: input.title! } : {}),
    ...(has('summary') ? { summary: input.summary! } : {}),
    ...(has('body') ? { body: input.body! } : {}),
    ...(has('links') ? { links: JSON.stringify(input.links) } : {}),
    ...(has('themes') ? { themes: [...new Set(input.themes)] } : {}),
    ...(has('goals') ? { goals: normaliseTags(input.goals!, []).goals } : {}),
    ...(has('targets') ? { targets: normaliseTags([], input.targets!).targets } : {}),
    ...(has('sectors') ? { sectors: [...new Set(input.sectors)] } : {}),
    ...(has('municipalityCode') ? { municipality_code: input.municipalityCode ?? null } : {}),
    ...(has('countyCode') ? { county_code: input.countyCode ?? null } : {}),
    ...(has('organisationId') ? { organisation_id: input.organisationId ?? null } : {}),
    ...(has('licence') ? { licence: input.licence! } : {}),
    ...(has('language') ? { language: input.language! } : {}),
    ...(has('publishedOn') ? { published_on: input.publishedOn ?? null } : {}),
  };
}

export async function createLibraryItem(deps: Deps, ctx: RequestContext, input: z.output<typeof libraryItemInput>): Promise<LibraryItem> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, input.spaceId);
  if (!canEditLibraryItem(ctx.actor, access)) throw forbidden();
  await checkReferences(deps, input);
  const id = await deps.db.transaction().execute((trx) => storeLibraryItem(trx, deps.clock, ctx, input));
  return getLibraryItem(deps, ctx, id);
}

/** Writes a new item and its first version inside the caller's transaction (the API and the demo); references are the caller's to check. */
export async function storeLibraryItem(trx: Kysely<Database>, clock: Clock, ctx: { actor: Actor; requestId: string | null }, input: z.output<typeof libraryItemInput>): Promise<string> {
  const userId = actorId(ctx.actor);
  const now = clock.now();
  const { id } = await insertItem(trx, {
    space_id: input.spaceId,
    visibility: input.visibility,
    kind: input.kind,
    title: input.title,
    links: '[]',
    ...columns(input),
    created_by: userId,
    created_at: now,
    updated_at: now,
  });
  await insertVersion(trx, id, 1, versionContent((await findItem(trx, id))!), userId, now);
  await recordAudit(trx, clock, ctx, { action: 'library_item.create', resourceType: 'library_item', resourceId: id, details: { spaceId: input.spaceId, kind: input.kind, visibility: input.visibility } });
  return id;
}

/** Every edit is a new version; the earlier ones stay readable. */
export async function patchLibraryItem(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof libraryItemPatch>): Promise<LibraryItem> {
  const access = await loadItem(deps, ctx.actor, id);
  if (!canEditLibraryItem(ctx.actor, access)) throw forbidden();
  await checkReferences(deps, input);
  const userId = actorId(ctx.actor);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const { version } = await updateItem(trx, id, { ...columns(input), updated_at: now });
    await insertVersion(trx, id, version, versionContent((await findItem(trx, id))!), userId, now);
    await recordAudit(trx, deps.clock, ctx, { action: 'library_item.update', resourceType: 'library_item', resourceId: id, details: { fields: Object.keys(input), version } });
  });
  return getLibraryItem(deps, ctx, id);
}

export async function getLibraryItemVersion(deps: Deps, ctx: RequestContext, id: string, version: number) {
  await loadItem(deps, ctx.actor, id);
  const row = await findVersion(deps.db, id, version);
  if (!row) throw notFound();
  return { version: row.version, savedAt: row.saved_at.toISOString(), content: row.content };
}

/** Stores a file under a generated name after checking its type by content (as event documents). */
export async function uploadLibraryFile(deps: Deps, ctx: RequestContext, id: string, readFile: () => Promise<Upload>): Promise<LibraryFile> {
  const access = await loadItem(deps, ctx.actor, id);
  if (!canEditLibraryItem(ctx.actor, access)) throw forbidden();
  const file = await readFile();
  const fileId = await storeCheckedFile(libraryFilesDir(deps), file, (checked) => deps.db.transaction().execute((trx) => recordLibraryFile(trx, deps.clock, ctx, id, checked)));
  return presentFile((await findFile(deps.db, id, fileId))!);
}

async function recordLibraryFile(trx: Kysely<Database>, clock: Clock, ctx: { actor: Actor; requestId: string | null }, itemId: string, checked: CheckedFile): Promise<string> {
  const { id } = await insertFile(trx, { ...checked, item_id: itemId, uploaded_by: actorId(ctx.actor), created_at: clock.now() });
  await recordAudit(trx, clock, ctx, { action: 'library_file.upload', resourceType: 'library_file', resourceId: id, details: { itemId, contentType: checked.content_type, size: checked.size } });
  return id;
}

/**
 * A file for an item inside the caller's transaction (the demo): checked by content and stored as
 * uploads are; access is the caller's to check. If the row cannot be written the file is removed.
 */
export function storeLibraryFile(trx: Kysely<Database>, deps: Pick<Deps, 'config' | 'clock'>, ctx: { actor: Actor; requestId: string | null }, itemId: string, file: IncomingFile): Promise<string> {
  return storeCheckedFile(libraryFilesDir(deps), file, (checked) => recordLibraryFile(trx, deps.clock, ctx, itemId, checked));
}

export async function openLibraryFile(deps: Deps, ctx: RequestContext, id: string, fileId: string) {
  await loadItem(deps, ctx.actor, id);
  const row = await findFile(deps.db, id, fileId);
  if (!row) throw notFound();
  return { row, stream: await openStoredFile(libraryFilesDir(deps), row.stored_name) };
}

/**
 * The things library items are linked to ("used in"): each kind says whether the caller may see
 * the thing (404 otherwise) and whether they may link material to it. docs/adr/0015.
 */
export type LibraryLinkKind = 'event' | 'measure' | 'initiative';
const LINKABLE: Record<LibraryLinkKind, (deps: Deps, ctx: RequestContext, id: string) => Promise<{ mayLink: boolean }>> = {
  event: async (deps, ctx, id) => {
    const { access } = await getEventForActor(deps, ctx.actor, id);
    return { mayLink: canManageEvent(ctx.actor, access) };
  },
  measure: async (deps, ctx, id) => ({ mayLink: (await getMeasure(deps, ctx, id)).allowedActions.includes('update') }),
  initiative: async (deps, ctx, id) => ({ mayLink: (await getInitiativeForActor(deps, ctx.actor, id)).manages }),
};

export async function getLinkedLibraryItems(deps: Deps, ctx: RequestContext, kind: LibraryLinkKind, targetId: string): Promise<LibraryItemSummary[]> {
  await LINKABLE[kind](deps, ctx, targetId);
  const spaces = await spacesVisibleTo(deps, ctx.actor);
  return (await linkedItems(deps.db, kind, targetId, spaces.member)).map(presentItemSummary);
}

/** Material for an event, a measure or an initiative: those who keep it link an item they may read. */
export async function linkLibraryItem(deps: Deps, ctx: RequestContext, kind: LibraryLinkKind, targetId: string, itemId: string): Promise<LibraryItemSummary[]> {
  if (!(await LINKABLE[kind](deps, ctx, targetId)).mayLink) throw forbidden();
  await loadItem(deps, ctx.actor, itemId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'not_found' ? invalid({ itemId: 'validation.unknown_library_item' }) : error;
  });
  await deps.db.transaction().execute((trx) => storeLibraryLink(trx, deps.clock, ctx, kind, targetId, itemId));
  return getLinkedLibraryItems(deps, ctx, kind, targetId);
}

/** Links an item to an event, a measure or an initiative inside the caller's transaction (the API and the demo); access is the caller's to check. */
export async function storeLibraryLink(trx: Kysely<Database>, clock: Clock, ctx: { actor: Actor; requestId: string | null }, kind: LibraryLinkKind, targetId: string, itemId: string): Promise<void> {
  await insertLink(trx, itemId, kind, targetId, actorId(ctx.actor), clock.now());
  await recordAudit(trx, clock, ctx, { action: 'library_item.link', resourceType: 'library_item', resourceId: itemId, details: { targetKind: kind, targetId } });
}

export const getEventLibraryItems = (deps: Deps, ctx: RequestContext, eventId: string) => getLinkedLibraryItems(deps, ctx, 'event', eventId);
export const linkEventLibraryItem = (deps: Deps, ctx: RequestContext, eventId: string, itemId: string) => linkLibraryItem(deps, ctx, 'event', eventId, itemId);

/** Agenda 2030 coverage source: library items count for their goals and targets. */
export async function libraryCoverage(deps: Deps, scope: CoverageScope): Promise<CoverageEntry[]> {
  return (await itemsInCoverageScope(deps.db, scope)).map((row) => ({
    kind: 'library_item',
    id: row.id,
    title: row.title,
    status: row.kind,
    date: row.updated_at.toISOString(),
    spaceId: row.space_id,
    municipalityCode: row.municipality_code,
    goals: [...new Set([...row.goals, ...row.targets.map((t) => Number(t.split('.')[0]))])].sort((a, b) => a - b),
    targets: row.targets,
  }));
}

/** Of these ids, the public library items: a model (public to all) may name only those as material. Stable for other modules. */
export function publicLibraryItemIds(deps: Pick<Deps, 'db'>, ids: string[]): Promise<Set<string>> {
  return publicItemIds(deps.db, [...new Set(ids)]);
}

/** A public item's id by its exact title, for the demo's models. */
export async function publicLibraryItemIdByTitle(deps: Pick<Deps, 'db'>, title: string): Promise<string | null> {
  return (await publicItemByTitle(deps.db, title))?.id ?? null;
}
