import { goalsWithTargets, type CoverageEntry, type directoryQuery, type Initiative, type initiativeInput, type initiativePartnerInput, type initiativePatch, type InitiativeSummary, type initiativeUpdateInput } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import { actorId, type Actor, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, invalid, notFound } from '../../../platform/errors.ts';
import type { CoverageScope } from '../../agenda2030/coverage/coverage-scope.ts';
import { replaceDerivedCollaborations } from '../../actors/collaboration/collaboration.service.ts';
import { representativesOfAny } from '../../actors/organisation/organisation.service.ts';
import { includeOrganisationInSpace } from '../../actors/space-organisation/space-organisation.service.ts';
import { assertMunicipalitiesExist } from '../../geography/municipality/municipality.service.ts';
import type { SpaceAccess } from '../../spaces/space/space.policy.ts';
import { allianceMemberIds, getAllianceForActor, representedBy } from '../alliance/alliance.service.ts';
import { canManageInitiative, canPostUpdate, initiativeActions } from './initiative.policy.ts';
import { presentInitiative, presentInitiativeSummary, presentPartner } from './initiative.presenter.ts';
import {
  deletePartner,
  findInitiative,
  findInitiativeSummary,
  findPartner,
  initiativesInCoverageScope,
  insertInitiative,
  insertPartner,
  insertUpdate,
  listInitiativesOfAlliance,
  listPublicInitiatives,
  organisationExists,
  partnersOf,
  updateInitiative,
  updatePartner,
  updatesOf,
  type InitiativeRow,
} from './initiative.repository.ts';

export type { InitiativeRow } from './initiative.repository.ts';

/** The initiative and the caller's access (through its alliance); 404 when the caller may not see it. For the volunteer module too. */
export async function getInitiativeForActor(deps: Deps, actor: Actor, id: string, db: Kysely<Database> = deps.db): Promise<{ initiative: InitiativeRow; access: SpaceAccess; manages: boolean }> {
  const initiative = await findInitiative(db, id);
  if (!initiative) throw notFound();
  const { access } = await getAllianceForActor(deps, actor, initiative.alliance_id, db);
  const manages = canManageInitiative(actor, access, await representativesOfAny(deps, [initiative.lead_organisation_id]));
  return { initiative, access, manages };
}

async function present(deps: Deps, ctx: RequestContext, id: string, access: SpaceAccess, manages: boolean): Promise<Initiative> {
  const [row, partners, updates, represented] = await Promise.all([findInitiativeSummary(deps.db, id), partnersOf(deps.db, id), updatesOf(deps.db, id), representedBy(deps, ctx.actor)]);
  if (!row) throw notFound();
  const accepted = partners.filter((p) => p.status === 'accepted').map((p) => p.organisation_id);
  const partnerRepresentatives = accepted.length ? await representativesOfAny(deps, accepted) : [];
  return presentInitiative(row, {
    partners: partners.map(presentPartner),
    updates: updates.map((u) => ({ id: u.id, kind: u.kind, text: u.text, status: u.status, authorName: u.author_name ?? null, createdAt: u.created_at.toISOString() })),
    representedOrganisations: represented,
    allowedActions: initiativeActions(ctx.actor, access, { manages, representsAny: represented.length > 0, mayPost: canPostUpdate(ctx.actor, access, manages, partnerRepresentatives) }),
  });
}

export async function getInitiative(deps: Deps, ctx: RequestContext, id: string): Promise<Initiative> {
  const { access, manages } = await getInitiativeForActor(deps, ctx.actor, id);
  return present(deps, ctx, id, access, manages);
}

export async function getAllianceInitiatives(deps: Deps, ctx: RequestContext, allianceId: string): Promise<InitiativeSummary[]> {
  await getAllianceForActor(deps, ctx.actor, allianceId);
  return (await listInitiativesOfAlliance(deps.db, allianceId)).map(presentInitiativeSummary);
}

export async function getInitiativesDirectory(deps: Deps, _ctx: RequestContext, query: z.output<typeof directoryQuery>): Promise<InitiativeSummary[]> {
  return (await listPublicInitiatives(deps.db, query)).map(presentInitiativeSummary);
}

/**
 * The lead and its accepted partners collaborate through the initiative: derived ties in the
 * space's network from the day it was started; when it is done they end (on its end date, or the
 * day it was marked done), so today's network no longer shows them.
 */
async function rebuildDerived(deps: Deps, trx: Kysely<Database>, id: string) {
  const row = await findInitiative(trx, id);
  if (!row) return;
  const partners = await partnersOf(trx, id);
  const today = deps.clock.now().toISOString().slice(0, 10);
  const start = row.created_at.toISOString().slice(0, 10);
  const end = row.status === 'done' ? (row.end_date && row.end_date >= start && row.end_date < today ? row.end_date : today) : null;
  await replaceDerivedCollaborations(
    trx,
    { kind: 'initiative', id, spaceId: row.space_id, description: `Initiativ: ${row.title}`, startDate: start, endDate: end, type: 'joint_project' },
    [row.lead_organisation_id, ...partners.filter((p) => p.status === 'accepted').map((p) => p.organisation_id)],
  );
}

function pointProblems(lon: number | null | undefined, lat: number | null | undefined) {
  if ((lon === null || lon === undefined) !== (lat === null || lat === undefined)) throw invalid(lon === null || lon === undefined ? { lon: 'validation.required' } : { lat: 'validation.required' });
}

const uniqueGoals = (goals: number[]) => [...new Set(goals)].sort((a, b) => a - b);

type Fields = Partial<z.output<typeof initiativePatch>>;
function columns(input: Fields) {
  const has = (key: keyof Fields) => input[key] !== undefined;
  return {
    ...(has('title') ? { title: input.title! } : {}),
    ...(has('description') ? { description: input.description! } : {}),
    ...(has('status') ? { status: input.status! } : {}),
    ...(has('goals') ? { goals: uniqueGoals(input.goals!) } : {}),
    ...(has('targets') ? { targets: [...new Set(input.targets!)] } : {}),
    ...(has('municipalityCode') ? { municipality_code: input.municipalityCode ?? null } : {}),
    ...(has('placeName') ? { place_name: input.placeName! } : {}),
    ...(has('lon') ? { lon: input.lon ?? null } : {}),
    ...(has('lat') ? { lat: input.lat ?? null } : {}),
    ...(has('startDate') ? { start_date: input.startDate ?? null } : {}),
    ...(has('endDate') ? { end_date: input.endDate ?? null } : {}),
    ...(has('results') ? { results: input.results! } : {}),
    ...(has('indicators') ? { indicators: JSON.stringify(input.indicators!.map((i) => ({ name: i.name, value: i.value, unit: i.unit ?? '' }))) } : {}),
  };
}

export async function createInitiative(deps: Deps, ctx: RequestContext, allianceId: string, input: z.output<typeof initiativeInput>): Promise<Initiative> {
  const { alliance, access } = await getAllianceForActor(deps, ctx.actor, allianceId);
  if (!canManageInitiative(ctx.actor, access, await representativesOfAny(deps, [input.leadOrganisationId]))) throw forbidden();
  if (!(await allianceMemberIds(deps, allianceId)).has(input.leadOrganisationId)) throw invalid({ leadOrganisationId: 'errors.not_alliance_member' });
  pointProblems(input.lon, input.lat);
  if (input.municipalityCode) await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
  const id = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const { id } = await insertInitiative(trx, {
      alliance_id: allianceId,
      space_id: alliance.space_id,
      lead_organisation_id: input.leadOrganisationId,
      title: input.title,
      municipality_code: null,
      lon: null,
      lat: null,
      start_date: null,
      end_date: null,
      indicators: '[]',
      ...columns(input),
      created_by: actorId(ctx.actor),
      created_at: now,
      updated_at: now,
    });
    await insertUpdate(trx, { initiative_id: id, kind: 'status', status: input.status ?? 'idea', author_id: actorId(ctx.actor), created_at: now });
    await rebuildDerived(deps, trx, id);
    await recordAudit(trx, deps.clock, ctx, { action: 'initiative.create', resourceType: 'initiative', resourceId: id, details: { allianceId, leadOrganisationId: input.leadOrganisationId } });
    return id;
  });
  return getInitiative(deps, ctx, id);
}

export async function patchInitiative(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof initiativePatch>): Promise<Initiative> {
  const { initiative, manages } = await getInitiativeForActor(deps, ctx.actor, id);
  if (!manages) throw forbidden();
  const lon = input.lon !== undefined ? input.lon : initiative.lon;
  const lat = input.lat !== undefined ? input.lat : initiative.lat;
  pointProblems(lon, lat);
  const start = input.startDate !== undefined ? input.startDate : initiative.start_date;
  const end = input.endDate !== undefined ? input.endDate : initiative.end_date;
  if (start && end && start > end) throw invalid({ endDate: 'validation.end_before_start' });
  if (input.municipalityCode) await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await updateInitiative(trx, id, { ...columns(input), updated_at: now });
    if (input.status !== undefined && input.status !== initiative.status) {
      await insertUpdate(trx, { initiative_id: id, kind: 'status', status: input.status, author_id: actorId(ctx.actor), created_at: now });
    }
    await rebuildDerived(deps, trx, id);
    await recordAudit(trx, deps.clock, ctx, { action: 'initiative.update', resourceType: 'initiative', resourceId: id, details: { fields: Object.keys(input), status: input.status } });
  });
  return getInitiative(deps, ctx, id);
}

/**
 * Two sides again: an organisation's representative asks to join with its commitment; the lead (its
 * representatives, or the space's leaders) adds it directly or accepts the request. Accepted partners
 * become derived collaborations with the lead and each other.
 */
export async function addInitiativePartner(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof initiativePartnerInput>): Promise<Initiative> {
  const { initiative, access, manages } = await getInitiativeForActor(deps, ctx.actor, id);
  const userId = actorId(ctx.actor);
  const actsFor = !access.archived && userId !== null && (await representativesOfAny(deps, [input.organisationId])).includes(userId);
  if (!manages && !actsFor) throw forbidden();
  if (!(await organisationExists(deps.db, input.organisationId))) throw invalid({ organisationId: 'errors.not_found' });
  if (input.organisationId === initiative.lead_organisation_id) throw invalid({ organisationId: 'errors.lead_cannot_be_partner' });
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const existing = await findPartner(trx, id, input.organisationId);
    const status = manages ? 'accepted' : (existing?.status ?? 'requested');
    const commitment = input.commitment !== undefined ? { commitment: input.commitment } : {};
    if (!existing) await insertPartner(trx, { initiative_id: id, organisation_id: input.organisationId, status, ...commitment, created_at: now, accepted_at: status === 'accepted' ? now : null });
    else await updatePartner(trx, id, input.organisationId, { status, ...commitment, ...(status === 'accepted' && existing.status !== 'accepted' ? { accepted_at: now } : {}) });
    if (status === 'accepted') await includeOrganisationInSpace(trx, initiative.space_id, input.organisationId, now);
    await rebuildDerived(deps, trx, id);
    await recordAudit(trx, deps.clock, ctx, { action: `initiative.partner_${status}`, resourceType: 'initiative', resourceId: id, details: { organisationId: input.organisationId } });
  });
  return getInitiative(deps, ctx, id);
}

export async function removeInitiativePartner(deps: Deps, ctx: RequestContext, id: string, organisationId: string): Promise<void> {
  const { access, manages } = await getInitiativeForActor(deps, ctx.actor, id);
  const userId = actorId(ctx.actor);
  const actsFor = !access.archived && userId !== null && (await representativesOfAny(deps, [organisationId])).includes(userId);
  if (!manages && !actsFor) throw forbidden();
  if (!(await findPartner(deps.db, id, organisationId))) throw notFound();
  await deps.db.transaction().execute(async (trx) => {
    await deletePartner(trx, id, organisationId);
    await rebuildDerived(deps, trx, id);
    await recordAudit(trx, deps.clock, ctx, { action: 'initiative.partner_remove', resourceType: 'initiative', resourceId: id, details: { organisationId } });
  });
}

export async function postInitiativeUpdate(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof initiativeUpdateInput>): Promise<Initiative> {
  const { access, manages } = await getInitiativeForActor(deps, ctx.actor, id);
  const accepted = (await partnersOf(deps.db, id)).filter((p) => p.status === 'accepted').map((p) => p.organisation_id);
  if (!canPostUpdate(ctx.actor, access, manages, accepted.length ? await representativesOfAny(deps, accepted) : [])) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    await insertUpdate(trx, { initiative_id: id, kind: 'note', text: input.text, status: null, author_id: actorId(ctx.actor), created_at: deps.clock.now() });
    await recordAudit(trx, deps.clock, ctx, { action: 'initiative.post_update', resourceType: 'initiative', resourceId: id });
  });
  return getInitiative(deps, ctx, id);
}

/** Agenda 2030 coverage source: joint initiatives count for their goals and targets, with their status. */
export async function initiativeCoverage(deps: Deps, scope: CoverageScope): Promise<CoverageEntry[]> {
  return (await initiativesInCoverageScope(deps.db, scope)).map((row) => ({
    kind: 'initiative',
    id: row.id,
    title: row.title,
    status: row.status,
    date: row.start_date ?? row.updated_at.toISOString(),
    spaceId: row.space_id,
    municipalityCode: row.municipality_code,
    goals: goalsWithTargets(row.goals, row.targets),
    targets: row.targets,
  }));
}
