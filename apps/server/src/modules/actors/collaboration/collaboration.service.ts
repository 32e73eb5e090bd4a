import type { Collaboration, collaborationInput } from '@samhandling/contracts';
import type { z } from 'zod';
import { actorId, isPlatformAdmin, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { canLeadSpace } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess, spacesLedBy } from '../../spaces/space/space.service.ts';
import { representativesByOrganisation, representativesOfAny } from '../organisation/organisation.service.ts';
import { spaceOrganisationIds } from '../space-organisation/space-organisation.service.ts';
import { canDeleteCollaboration, canRecordCollaboration } from './collaboration.policy.ts';
import { presentCollaboration } from './collaboration.presenter.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { creatorsOf, deleteCollaboration, deleteDerived, insertDerived, type DerivedSource, findCollaboration, findSameCollaboration, insertCollaboration, listCollaborations, type CollaborationFilter, type CollaborationRow } from './collaboration.repository.ts';

/** Undirected: a pair is stored in one order, the smaller id first. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** Actions per row; representatives are looked up once for the registry's rows. */
async function withActions(deps: Deps, ctx: RequestContext, rows: CollaborationRow[]): Promise<Collaboration[]> {
  if (ctx.actor.kind !== 'user') return rows.map((row) => presentCollaboration(row, []));
  const led = await spacesLedBy(deps, ctx.actor);
  const registryRows = rows.filter((r) => r.space_id === null);
  const stewards = isPlatformAdmin(ctx.actor) || registryRows.length === 0 ? new Map<string, string[]>() : await representativesByOrganisation(deps, [...new Set(registryRows.flatMap((r) => [r.org_a, r.org_b]))]);
  return rows.map((row) => {
    const representatives = [...(stewards.get(row.org_a) ?? []), ...(stewards.get(row.org_b) ?? [])];
    return presentCollaboration(row, canDeleteCollaboration(ctx.actor, { spaceId: row.space_id, representatives }, led) ? ['delete'] : []);
  });
}

/** A collaboration recorded in a space exists only for those who may see that space. */
async function loadVisibleCollaboration(deps: Deps, ctx: RequestContext, id: string) {
  const row = await findCollaboration(deps.db, id);
  if (!row) throw notFound();
  if (row.space_id) await loadSpaceAccess(deps, ctx.actor, row.space_id);
  return row;
}

export async function getCollaborations(
  deps: Deps,
  ctx: RequestContext,
  query: { organisation?: string | undefined; space?: string | undefined; type?: string | undefined; source?: string | undefined },
): Promise<Collaboration[]> {
  const filter: CollaborationFilter = { organisation: query.organisation, type: query.type, source: query.source };
  if (query.space) {
    await loadSpaceAccess(deps, ctx.actor, query.space);
    filter.withinOrganisationIds = await spaceOrganisationIds(deps, query.space);
    filter.seenIn = query.space;
  } else if (!isPlatformAdmin(ctx.actor)) {
    filter.visibleTo = { userId: actorId(ctx.actor) };
  }
  return withActions(deps, ctx, await listCollaborations(deps.db, filter));
}

export async function getCollaboration(deps: Deps, ctx: RequestContext, id: string): Promise<Collaboration> {
  const row = await loadVisibleCollaboration(deps, ctx, id);
  return (await withActions(deps, ctx, [row]))[0]!;
}

/**
 * Records a collaboration. With a space it is that space's view, recorded by its leaders, and
 * other spaces do not show it; without one it is the registry's, recorded by a representative
 * of either organisation (their side counts as confirmed) or a platform admin.
 */
export async function recordCollaboration(deps: Deps, ctx: RequestContext, input: z.output<typeof collaborationInput>): Promise<Collaboration> {
  if (ctx.actor.kind !== 'user') throw forbidden();
  const [a, b] = orderedPair(input.organisationIds[0], input.organisationIds[1]);
  const existing = await creatorsOf(deps.db, [a, b]);
  if (existing.length !== 2) {
    const known = new Set(existing.map((e) => e.id));
    const problems: Record<string, string> = {};
    input.organisationIds.forEach((id, index) => {
      if (!known.has(id)) problems[`organisationIds.${index}`] = 'errors.not_found';
    });
    throw invalid(problems);
  }
  const spaceId = input.spaceId ?? null;
  const userId = ctx.actor.user.id;
  let confirmed: { a: boolean; b: boolean };
  if (spaceId) {
    const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
    if (!canLeadSpace(ctx.actor, access)) throw forbidden();
    const inSpace = new Set(await spaceOrganisationIds(deps, spaceId));
    const problems: Record<string, string> = {};
    input.organisationIds.forEach((id, index) => {
      if (!inSpace.has(id)) problems[`organisationIds.${index}`] = 'errors.collaboration_not_in_space';
    });
    if (Object.keys(problems).length) throw invalid(problems);
    confirmed = { a: input.confirmed ?? false, b: input.confirmed ?? false };
  } else {
    const [ofA, ofB] = await Promise.all([representativesOfAny(deps, [a]), representativesOfAny(deps, [b])]);
    if (!canRecordCollaboration(ctx.actor, { spaceId: null, representatives: [...ofA, ...ofB] }, new Set())) throw forbidden();
    const admin = isPlatformAdmin(ctx.actor) && (input.confirmed ?? false);
    confirmed = { a: admin || ofA.includes(userId), b: admin || ofB.includes(userId) };
  }
  if (await findSameCollaboration(deps.db, a, b, input.type, 'manual', spaceId)) {
    throw new AppError('conflict', 'errors.collaboration_exists', { type: 'errors.collaboration_exists' });
  }
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await insertCollaboration(trx, {
      org_a: a,
      org_b: b,
      type: input.type,
      level: input.level ?? null,
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      description: input.description ?? '',
      frequency: input.frequency ?? null,
      source: 'manual',
      confirmed_a: confirmed.a,
      confirmed_b: confirmed.b,
      example_data: input.exampleData ?? false,
      survey_id: null,
      created_by: userId,
      space_id: spaceId,
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'collaboration.create', resourceType: 'collaboration', resourceId: id, details: { organisationIds: [a, b], type: input.type, spaceId } });
    return id;
  });
  return getCollaboration(deps, ctx, id);
}

/** Removing: the leaders of the space whose view it is, or (the registry's) its organisations' representatives; admins always. */
export async function removeCollaboration(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  const row = await loadVisibleCollaboration(deps, ctx, id);
  const representatives = row.space_id ? [] : await representativesOfAny(deps, [row.org_a, row.org_b]);
  if (!canDeleteCollaboration(ctx.actor, { spaceId: row.space_id, representatives }, await spacesLedBy(deps, ctx.actor))) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    await deleteCollaboration(trx, id);
    await recordAudit(trx, deps.clock, ctx, { action: 'collaboration.delete', resourceType: 'collaboration', resourceId: id, details: { spaceId: row.space_id } });
  });
}

/**
 * For the network module: collaborations among a set of organisations, active on a date, as
 * seen in a space (the registry's and the space's own) or, with null, the registry's only.
 */
export function collaborationsAmong(deps: Deps, organisationIds: string[], seenIn: string | null, filter: { type?: string | undefined; source?: string | undefined; at?: string | undefined }) {
  return listCollaborations(deps.db, { withinOrganisationIds: organisationIds, seenIn, ...filter });
}

export type { DerivedSource } from './collaboration.repository.ts';

/**
 * Derived collaborations (issue 11 §2): every two organisations sharing an activity — sitting in a
 * working group, partners in a joint initiative, co-hosts of an event, parties to an agreement,
 * sharing a measure — collaborate through it. Call with the activity's organisations whenever they
 * change (inside the caller's transaction); with none, or via removeDerivedCollaborations, the
 * ties are gone. The ties are the activity's space's view, never the registry's.
 */
export async function replaceDerivedCollaborations(db: Kysely<Database>, source: DerivedSource, organisationIds: string[]): Promise<void> {
  await deleteDerived(db, source.kind, source.id);
  const organisations = [...new Set(organisationIds)].sort();
  const pairs: [string, string][] = [];
  for (let i = 0; i < organisations.length; i++) for (let j = i + 1; j < organisations.length; j++) pairs.push([organisations[i]!, organisations[j]!]);
  await insertDerived(db, source, pairs);
}

/** The shared activity is gone (deleted, cancelled): so are its derived collaborations. */
export async function removeDerivedCollaborations(db: Kysely<Database>, kind: string, id: string): Promise<void> {
  await deleteDerived(db, kind, id);
}
