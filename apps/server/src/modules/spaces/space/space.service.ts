import { normaliseTags, type Space, type spaceInput, type spacePatch } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import { watchedCacheOf } from '../../../db/write-watch.ts';
import { actorId, isPlatformAdmin, type Actor, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { bySwedishName } from '../../../platform/sort.ts';
import { assertMunicipalitiesExist } from '../../geography/municipality/municipality.service.ts';
import { insertMembership } from '../membership/membership.repository.ts';
import { accessOf, presentSpace } from './space.presenter.ts';
import { canArchiveSpace, canCreateSpace, canEditSpace, canViewSpace, type SpaceAccess } from './space.policy.ts';
import { findSpaceFor, findSpaceId, insertSpace, listLedSpaceIds, listSpacesFor, replaceSpaceMunicipalities, updateSpace, type SpaceListRow } from './space.repository.ts';

export async function listSpaces(
  deps: Deps,
  ctx: RequestContext,
  filter: { archived?: boolean | undefined; mine?: boolean | undefined } = {},
): Promise<Space[]> {
  const rows = await listSpacesFor(deps.db, actorId(ctx.actor));
  return rows
    .filter((row) => canViewSpace(ctx.actor, accessOf(row)))
    .filter((row) => (row.archived_at !== null) === (filter.archived ?? false))
    .filter((row) => !filter.mine || row.my_role !== null)
    .map((row) => presentSpace(row, ctx.actor))
    .sort(bySwedishName);
}

/**
 * The space with the caller's role. On the embedded database, outside a transaction, from a cache
 * that any write to spaces, memberships or space municipalities empties before it runs (see
 * db/write-watch.ts): nearly every request in a space asks this first.
 */
async function findSpaceForCaller(deps: Deps, db: Kysely<Database>, spaceId: string, userId: string | null): Promise<SpaceListRow | undefined> {
  const cache = db === deps.db ? watchedCacheOf<SpaceListRow>(db, 'space-access', 'spaces') : undefined;
  const key = `${spaceId}:${userId ?? ''}`;
  const cached = cache?.get(key);
  if (cached) return cached;
  const mark = cache?.mark();
  const row = await findSpaceFor(db, spaceId, userId);
  if (cache && row && mark !== undefined) cache.set(key, row, mark);
  return row;
}

/** The space and the caller's access to it; 404 when the caller may not see it. */
export async function loadSpaceAccess(deps: Deps, actor: Actor, spaceId: string, db: Kysely<Database> = deps.db) {
  const row = await findSpaceForCaller(deps, db, spaceId, actorId(actor));
  if (!row) throw notFound();
  const access: SpaceAccess = accessOf(row);
  if (!canViewSpace(actor, access)) throw notFound();
  return { row, access };
}

export async function getSpace(deps: Deps, ctx: RequestContext, spaceId: string): Promise<Space> {
  const { row } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  return presentSpace(row, ctx.actor);
}

type SpaceInputOut = z.output<typeof spaceInput>;

/** Goals and targets may be left out by callers inside the server (e.g. applying a model): none then. */
export async function createSpace(
  deps: Deps,
  ctx: RequestContext,
  input: Omit<SpaceInputOut, 'goals' | 'targets' | 'joinPolicy'> & Partial<Pick<SpaceInputOut, 'goals' | 'targets' | 'joinPolicy'>>,
): Promise<Space> {
  if (!canCreateSpace(ctx.actor) || ctx.actor.kind !== 'user') throw forbidden();
  await assertMunicipalitiesExist(deps, input.municipalityCodes, 'municipalityCodes');
  const creatorId = ctx.actor.user.id;
  const id = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const { id } = await insertSpace(trx, { ...input, joinPolicy: input.joinPolicy ?? 'invitation', ...normaliseTags(input.goals ?? [], input.targets ?? []), createdBy: creatorId, now });
    await replaceSpaceMunicipalities(trx, id, input.municipalityCodes);
    // The creator leads the space from the start.
    await insertMembership(trx, id, creatorId, 'space_admin', now);
    await recordAudit(trx, deps.clock, ctx, {
      action: 'space.create',
      resourceType: 'space',
      resourceId: id,
      details: { kind: input.kind, visibility: input.visibility, joinPolicy: input.joinPolicy ?? 'invitation', municipalityCodes: input.municipalityCodes },
    });
    return id;
  });
  return getSpace(deps, ctx, id);
}

export async function patchSpace(deps: Deps, ctx: RequestContext, spaceId: string, input: z.output<typeof spacePatch>): Promise<Space> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  const { archived, municipalityCodes, joinPolicy, ...fields } = input;
  if (fields.goals) fields.goals = normaliseTags(fields.goals, []).goals;
  if (fields.targets) fields.targets = normaliseTags([], fields.targets).targets;
  const changesContent = Object.keys(fields).length > 0 || municipalityCodes !== undefined || joinPolicy !== undefined;
  if (archived !== undefined && !canArchiveSpace(ctx.actor, access)) throw forbidden();
  if (changesContent) {
    // Unarchiving and editing in one request is allowed to whoever may restore it.
    const wouldBeArchived = archived ?? access.archived;
    if (!canEditSpace(ctx.actor, { ...access, archived: wouldBeArchived })) {
      throw access.archived && !isPlatformAdmin(ctx.actor) && access.role === 'space_admin'
        ? new AppError('conflict', 'errors.space_archived')
        : forbidden();
    }
  }
  if (municipalityCodes) await assertMunicipalitiesExist(deps, municipalityCodes, 'municipalityCodes');
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await updateSpace(
      trx,
      spaceId,
      { ...fields, ...(joinPolicy !== undefined ? { join_policy: joinPolicy } : {}), ...(archived !== undefined ? { archived_at: archived ? now : null } : {}) },
      now,
    );
    if (municipalityCodes) await replaceSpaceMunicipalities(trx, spaceId, municipalityCodes);
    await recordAudit(trx, deps.clock, ctx, {
      action: archived === undefined ? 'space.update' : archived ? 'space.archive' : 'space.restore',
      resourceType: 'space',
      resourceId: spaceId,
      details: { fields: Object.keys(input) },
    });
  });
  return getSpace(deps, ctx, spaceId);
}

/** Ids of the spaces the actor leads (space admin or facilitator); for other modules' policies. */
/** Whether the space exists, whoever asks; for the command line, which has no caller to check. */
export async function spaceExists(deps: Deps, spaceId: string): Promise<boolean> {
  return (await findSpaceId(deps.db, spaceId)) !== undefined;
}

export async function spacesLedBy(deps: Deps, actor: Actor): Promise<Set<string>> {
  if (actor.kind !== 'user') return new Set();
  const rows = await listLedSpaceIds(deps.db, actor.user.id);
  return new Set(rows.map((r) => r.space_id));
}

/**
 * The spaces the caller may see, and among them those whose members-only content they may read
 * (their own spaces; every space for a platform admin). Cross-space views (coverage, library) filter by these.
 */
export async function spacesVisibleTo(deps: Deps, actor: Actor): Promise<{ viewable: string[]; member: string[]; names: Map<string, string> }> {
  const rows = (await listSpacesFor(deps.db, actorId(actor))).filter((row) => canViewSpace(actor, accessOf(row)));
  return {
    viewable: rows.map((row) => row.id),
    member: rows.filter((row) => row.my_role !== null || isPlatformAdmin(actor)).map((row) => row.id),
    names: new Map(rows.map((row) => [row.id, row.name])),
  };
}
