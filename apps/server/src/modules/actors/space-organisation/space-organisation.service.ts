import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { canLeadSpace } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { getOrganisations, organisationsByIds } from '../organisation/organisation.service.ts';
import { addOrganisationToSpace, organisationIdsOfSpace, removeOrganisationFromSpace } from './space-organisation.repository.ts';

export async function listSpaceOrganisations(deps: Deps, ctx: RequestContext, spaceId: string) {
  await loadSpaceAccess(deps, ctx.actor, spaceId);
  return (await getOrganisations(deps, ctx, { space: spaceId }, { limit: 100_000, offset: 0 })).items;
}

/** The organisations taking part in a space; for the network of other modules. */
export async function spaceOrganisationIds(deps: Deps, spaceId: string): Promise<string[]> {
  return organisationIdsOfSpace(deps.db, spaceId);
}

export async function addSpaceOrganisation(deps: Deps, ctx: RequestContext, spaceId: string, organisationId: string) {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canLeadSpace(ctx.actor, access)) throw forbidden();
  if ((await organisationsByIds(deps, [organisationId])).length === 0) throw invalid({ organisationId: 'errors.not_found' });
  await deps.db.transaction().execute(async (trx) => {
    await addOrganisationToSpace(trx, spaceId, organisationId, deps.clock.now());
    await recordAudit(trx, deps.clock, ctx, { action: 'space.add_organisation', resourceType: 'space', resourceId: spaceId, details: { organisationId } });
  });
}

export async function removeSpaceOrganisation(deps: Deps, ctx: RequestContext, spaceId: string, organisationId: string) {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canLeadSpace(ctx.actor, access)) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await removeOrganisationFromSpace(trx, spaceId, organisationId))) throw notFound();
    await recordAudit(trx, deps.clock, ctx, { action: 'space.remove_organisation', resourceType: 'space', resourceId: spaceId, details: { organisationId } });
  });
}

/** For other modules inside their own transaction (a working group's member brings their organisation into the space). */
export function includeOrganisationInSpace(trx: Kysely<Database>, spaceId: string, organisationId: string, now: Date) {
  return addOrganisationToSpace(trx, spaceId, organisationId, now);
}
