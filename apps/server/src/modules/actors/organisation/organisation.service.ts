import type { Organisation, organisationInput, organisationPatch } from '@samhandling/contracts';
import type { Insertable, Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, OrganisationsTable } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { assertMunicipalitiesExist } from '../../geography/municipality/municipality.service.ts';
import { loadSpaceAccess, spacesLedBy } from '../../spaces/space/space.service.ts';
import { stewardsOf } from '../representative/representative.repository.ts';
import { areSimilarNames } from './organisation-names.ts';
import { canCreateOrganisation, canDeleteOrganisation, canEditOrganisation, organisationActions, type OrganisationAccess } from './organisation.policy.ts';
import { presentOrganisation } from './organisation.presenter.ts';
import {
  countOrganisations,
  deleteOrganisation,
  findByOrgNumber,
  findOrganisation,
  findOrganisationsByIds,
  insertOrganisation,
  listNamesIn,
  listOrganisations,
  organisationInUse,
  spaceIdsOfOrganisation,
  updateOrganisation,
  type OrganisationFilter,
  type OrganisationRow,
} from './organisation.repository.ts';

type Steward = { organisation_id: string; user_id: string; status: 'pending' | 'confirmed' };

async function accessOf(deps: Deps, row: OrganisationRow, stewards?: Steward[]): Promise<OrganisationAccess> {
  const [spaces, inUse, all] = await Promise.all([spaceIdsOfOrganisation(deps.db, row.id), organisationInUse(deps.db, row.id), stewards ?? stewardsOf(deps.db, [row.id])]);
  const mine = all.filter((s) => s.organisation_id === row.id);
  return {
    createdBy: row.created_by,
    spaceIds: spaces.map((s) => s.space_id),
    inUse,
    representatives: mine.filter((s) => s.status === 'confirmed').map((s) => s.user_id),
    claimants: mine.filter((s) => s.status === 'pending').map((s) => s.user_id),
  };
}

/** An organisation with what its policies need, for this module's other entities (representatives, suggestions). */
export async function loadOrganisationAccess(deps: Deps, ctx: RequestContext, id: string) {
  const row = await findOrganisation(deps.db, id);
  if (!row) throw notFound();
  const [access, led] = await Promise.all([accessOf(deps, row), spacesLedBy(deps, ctx.actor)]);
  return { row, access, led };
}

export async function getOrganisations(deps: Deps, ctx: RequestContext, filter: OrganisationFilter, page: { limit: number; offset: number }) {
  // A filter by space is a look into the space: a members-only one does not exist for outsiders.
  if (filter.space) await loadSpaceAccess(deps, ctx.actor, filter.space);
  const [rows, total, led] = await Promise.all([listOrganisations(deps.db, filter, page), countOrganisations(deps.db, filter), spacesLedBy(deps, ctx.actor)]);
  const stewards = await stewardsOf(deps.db, rows.map((r) => r.id));
  const items = await Promise.all(rows.map(async (row) => presentOrganisation(row, organisationActions(ctx.actor, await accessOf(deps, row, stewards), led))));
  return { total, items };
}

export async function getOrganisation(deps: Deps, ctx: RequestContext, id: string): Promise<Organisation> {
  const { row, access, led } = await loadOrganisationAccess(deps, ctx, id);
  return presentOrganisation(row, organisationActions(ctx.actor, access, led));
}

/** Organisations by id for other modules (network, collaborations). */
export function organisationsByIds(deps: Deps, ids: string[]) {
  return findOrganisationsByIds(deps.db, ids);
}

export async function findDuplicates(deps: Deps, input: { name: string; orgNumber?: string | null | undefined; municipalityCode?: string | null | undefined }, exceptId?: string) {
  const duplicates: { id: string; name: string; orgNumber: string | null; municipalityCode: string | null; reason: 'org_number' | 'similar_name' }[] = [];
  if (input.orgNumber) {
    const same = await findByOrgNumber(deps.db, input.orgNumber);
    if (same && same.id !== exceptId) duplicates.push({ id: same.id, name: same.name, orgNumber: same.org_number, municipalityCode: same.municipality_code, reason: 'org_number' });
  }
  for (const candidate of await listNamesIn(deps.db, input.municipalityCode ?? null)) {
    if (candidate.id === exceptId || duplicates.some((d) => d.id === candidate.id)) continue;
    if (areSimilarNames(candidate.name, input.name)) {
      duplicates.push({ id: candidate.id, name: candidate.name, orgNumber: candidate.org_number, municipalityCode: candidate.municipality_code, reason: 'similar_name' });
    }
  }
  return duplicates;
}

/** The row for a new organisation from validated input (also used by the CSV import). */
export function organisationValues(input: z.output<typeof organisationInput>, createdBy: string | null, now: Date): Insertable<OrganisationsTable> {
  return {
    name: input.name,
    org_number: input.orgNumber ?? null,
    sector: input.sector,
    type: input.type,
    level: input.level,
    municipality_code: input.municipalityCode ?? null,
    contact_email: input.contactEmail ?? null,
    contact_phone: input.contactPhone ?? null,
    website: input.website ?? null,
    description: input.description ?? '',
    tags: input.tags ?? [],
    created_by: createdBy,
    updated_at: now,
  };
}

/**
 * Creates an organisation in the shared registry. The same organisation number is refused;
 * a very similar name in the same municipality is refused with the existing ones offered,
 * unless the caller confirms it is another organisation.
 */
export async function createOrganisation(deps: Deps, ctx: RequestContext, input: z.output<typeof organisationInput>): Promise<Organisation> {
  if (!canCreateOrganisation(ctx.actor) || ctx.actor.kind !== 'user') throw forbidden();
  if (input.municipalityCode) await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
  const duplicates = await findDuplicates(deps, input);
  const sameNumber = duplicates.some((d) => d.reason === 'org_number');
  if (sameNumber || (duplicates.length > 0 && !input.confirmDuplicate)) {
    throw new AppError(
      'conflict',
      sameNumber ? 'errors.org_number_taken' : 'errors.organisation_duplicate',
      sameNumber ? { orgNumber: 'errors.org_number_taken' } : { name: 'errors.organisation_duplicate' },
      {},
      undefined,
      { duplicates },
    );
  }
  const userId = ctx.actor.user.id;
  const id = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const { id } = await insertOrganisation(trx, organisationValues(input, userId, now));
    await recordAudit(trx, deps.clock, ctx, { action: 'organisation.create', resourceType: 'organisation', resourceId: id, details: { sector: input.sector, type: input.type } });
    return id;
  });
  return getOrganisation(deps, ctx, id);
}

/** Checks a change before it is applied: the municipality exists, the number is no one else's. */
export async function assertOrganisationPatch(deps: Deps, row: OrganisationRow, input: z.output<typeof organisationPatch>): Promise<void> {
  if (input.municipalityCode) await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
  if (input.orgNumber && input.orgNumber !== row.org_number) {
    const same = await findByOrgNumber(deps.db, input.orgNumber);
    if (same && same.id !== row.id) {
      throw new AppError('conflict', 'errors.org_number_taken', { orgNumber: 'errors.org_number_taken' }, {}, undefined, {
        duplicates: [{ id: same.id, name: same.name, orgNumber: same.org_number, municipalityCode: same.municipality_code, reason: 'org_number' }],
      });
    }
  }
}

/** Applies a checked change inside the caller's transaction, with its audit entry (an edit, or an accepted suggestion). */
export async function applyOrganisationPatch(deps: Deps, trx: Kysely<Database>, ctx: RequestContext, id: string, input: z.output<typeof organisationPatch>, details: Record<string, unknown> = {}) {
  await updateOrganisation(trx, id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.orgNumber !== undefined ? { org_number: input.orgNumber } : {}),
    ...(input.sector !== undefined ? { sector: input.sector } : {}),
    ...(input.type !== undefined ? { type: input.type } : {}),
    ...(input.level !== undefined ? { level: input.level } : {}),
    ...(input.municipalityCode !== undefined ? { municipality_code: input.municipalityCode } : {}),
    ...(input.contactEmail !== undefined ? { contact_email: input.contactEmail } : {}),
    ...(input.contactPhone !== undefined ? { contact_phone: input.contactPhone } : {}),
    ...(input.website !== undefined ? { website: input.website } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.tags !== undefined ? { tags: input.tags } : {}),
    updated_at: deps.clock.now(),
  });
  await recordAudit(trx, deps.clock, ctx, { action: 'organisation.update', resourceType: 'organisation', resourceId: id, details: { fields: Object.keys(input), ...details } });
}

export async function patchOrganisation(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof organisationPatch>): Promise<Organisation> {
  const { row, access, led } = await loadOrganisationAccess(deps, ctx, id);
  if (!canEditOrganisation(ctx.actor, access, led)) throw forbidden();
  await assertOrganisationPatch(deps, row, input);
  await deps.db.transaction().execute((trx) => applyOrganisationPatch(deps, trx, ctx, id, input));
  return getOrganisation(deps, ctx, id);
}

export async function removeOrganisation(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  const { access } = await loadOrganisationAccess(deps, ctx, id);
  if (!canDeleteOrganisation(ctx.actor, access)) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    await deleteOrganisation(trx, id);
    await recordAudit(trx, deps.clock, ctx, { action: 'organisation.delete', resourceType: 'organisation', resourceId: id });
  });
}

/** Confirmed representatives of any of these organisations (user ids), for the collaborations' policies. */
export async function representativesOfAny(deps: Deps, organisationIds: string[]): Promise<string[]> {
  return (await stewardsOf(deps.db, organisationIds)).filter((s) => s.status === 'confirmed').map((s) => s.user_id);
}

/** Confirmed representatives per organisation, in one query. */
export async function representativesByOrganisation(deps: Deps, organisationIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  for (const s of await stewardsOf(deps.db, organisationIds)) {
    if (s.status === 'confirmed') map.set(s.organisation_id, [...(map.get(s.organisation_id) ?? []), s.user_id]);
  }
  return map;
}
