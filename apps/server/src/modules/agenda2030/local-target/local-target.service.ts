import { goalsWithTargets, normaliseTags, type CoverageEntry, type LocalTarget, type localTargetInput } from '@samhandling/contracts';
import type { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor, RequestContext } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { assertMunicipalitiesExist } from '../../geography/municipality/municipality.service.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import type { CoverageScope } from '../coverage/coverage-scope.ts';
import { canSetLocalTargets, canViewLocalTargets } from './local-target.policy.ts';
import { presentLocalTarget } from './local-target.presenter.ts';
import { findLocalTarget, insertLocalTarget, listLocalTargets, localTargetsInScope } from './local-target.repository.ts';

export async function getLocalTargets(deps: Deps, ctx: RequestContext, spaceId: string): Promise<LocalTarget[]> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canViewLocalTargets(ctx.actor, access)) throw notFound();
  return (await listLocalTargets(deps.db, spaceId)).map(presentLocalTarget);
}

export async function createLocalTarget(deps: Deps, ctx: RequestContext, spaceId: string, input: z.output<typeof localTargetInput>): Promise<LocalTarget> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canSetLocalTargets(ctx.actor, access)) throw forbidden();
  if (input.municipalityCode) await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
  const id = await deps.db.transaction().execute((trx) => storeLocalTarget(trx, deps.clock, ctx, spaceId, input));
  return presentLocalTarget((await findLocalTarget(deps.db, id))!);
}

/** Writes a local target inside the caller's transaction (the API and the demo). */
export async function storeLocalTarget(trx: Kysely<Database>, clock: Clock, ctx: { actor: Actor; requestId: string | null }, spaceId: string, input: z.output<typeof localTargetInput>): Promise<string> {
  const now = clock.now();
  const { id } = await insertLocalTarget(trx, {
    space_id: spaceId,
    municipality_code: input.municipalityCode ?? null,
    title: input.title,
    description: input.description,
    targets: normaliseTags([], input.targets).targets,
    indicator: JSON.stringify(input.indicator ?? null),
    created_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
    created_at: now,
    updated_at: now,
  });
  await recordAudit(trx, clock, ctx, { action: 'local_target.create', resourceType: 'local_target', resourceId: id, details: { spaceId, targets: input.targets } });
  return id;
}

/** Coverage source: local targets count for the targets (and goals) they serve. */
export async function localTargetCoverage(deps: Deps, scope: CoverageScope): Promise<CoverageEntry[]> {
  return (await localTargetsInScope(deps.db, scope)).map((row) => ({
    kind: 'local_target',
    id: row.id,
    title: row.title,
    status: null,
    date: row.created_at.toISOString().slice(0, 10),
    spaceId: row.space_id,
    municipalityCode: row.municipality_code,
    goals: goalsWithTargets([], row.targets),
    targets: row.targets,
  }));
}
