import type { Collaboration, CollaborationAction, collaborationInput } from '@samhandling/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { loadSpaceAccess, spacesLedBy } from '../../spaces/space/space.service.ts';
import { spaceOrganisationIds } from '../space-organisation/space-organisation.service.ts';
import { canDeleteCollaboration, canRecordCollaboration, type CollaborationAccess } from './collaboration.policy.ts';
import { presentCollaboration } from './collaboration.presenter.ts';
import {
  creatorsOf,
  deleteCollaboration,
  findCollaboration,
  findSameCollaboration,
  insertCollaboration,
  listCollaborations,
  spaceIdsOfOrganisations,
  type CollaborationFilter,
  type CollaborationRow,
} from './collaboration.repository.ts';

/** Undirected: a pair is stored in one order, the smaller id first. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

async function accessOf(deps: Deps, orgIds: string[], createdBy: string | null): Promise<CollaborationAccess> {
  const [spaces, creators] = await Promise.all([spaceIdsOfOrganisations(deps.db, orgIds), creatorsOf(deps.db, orgIds)]);
  return { spaceIds: spaces.map((s) => s.space_id), organisationCreators: creators.map((c) => c.created_by), createdBy };
}

async function actionsFor(deps: Deps, ctx: RequestContext, row: CollaborationRow, led: Set<string>): Promise<CollaborationAction[]> {
  if (ctx.actor.kind !== 'user') return [];
  return canDeleteCollaboration(ctx.actor, await accessOf(deps, [row.org_a, row.org_b], row.created_by), led) ? ['delete'] : [];
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
  }
  const rows = await listCollaborations(deps.db, filter);
  const led = await spacesLedBy(deps, ctx.actor);
  return Promise.all(rows.map(async (row) => presentCollaboration(row, await actionsFor(deps, ctx, row, led))));
}

export async function getCollaboration(deps: Deps, ctx: RequestContext, id: string): Promise<Collaboration> {
  const row = await findCollaboration(deps.db, id);
  if (!row) throw notFound();
  return presentCollaboration(row, await actionsFor(deps, ctx, row, await spacesLedBy(deps, ctx.actor)));
}

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
  if (!canRecordCollaboration(ctx.actor, await accessOf(deps, [a, b], null), await spacesLedBy(deps, ctx.actor))) throw forbidden();
  if (await findSameCollaboration(deps.db, a, b, input.type, 'manual')) {
    throw new AppError('conflict', 'errors.collaboration_exists', { type: 'errors.collaboration_exists' });
  }
  const userId = ctx.actor.user.id;
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
      confirmed_a: input.confirmed ?? false,
      confirmed_b: input.confirmed ?? false,
      example_data: input.exampleData ?? false,
      survey_id: null,
      created_by: userId,
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'collaboration.create', resourceType: 'collaboration', resourceId: id, details: { organisationIds: [a, b], type: input.type } });
    return id;
  });
  return getCollaboration(deps, ctx, id);
}

export async function removeCollaboration(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  const row = await findCollaboration(deps.db, id);
  if (!row) throw notFound();
  if (!canDeleteCollaboration(ctx.actor, await accessOf(deps, [row.org_a, row.org_b], row.created_by), await spacesLedBy(deps, ctx.actor))) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    await deleteCollaboration(trx, id);
    await recordAudit(trx, deps.clock, ctx, { action: 'collaboration.delete', resourceType: 'collaboration', resourceId: id });
  });
}

/** For the network module: collaborations among a set of organisations, active on a date. */
export function collaborationsAmong(deps: Deps, organisationIds: string[], filter: { type?: string | undefined; source?: string | undefined; at?: string | undefined }) {
  return listCollaborations(deps.db, { withinOrganisationIds: organisationIds, ...filter });
}
