import type { Alliance, allianceInput, allianceMemberInput, alliancePatch, AllianceSummary, directoryQuery } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import { actorId, type Actor, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { representativesOfAny } from '../../actors/organisation/organisation.service.ts';
import { includeOrganisationInSpace } from '../../actors/space-organisation/space-organisation.service.ts';
import type { SpaceAccess } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { allianceActions, canActForOrganisation, canManageAlliance, canSeeContactPeople, canViewAlliance } from './alliance.policy.ts';
import { presentAlliance, presentAllianceSummary, presentMember } from './alliance.presenter.ts';
import {
  deleteMember,
  findAlliance,
  findMember,
  initiativeCounts,
  insertAlliance,
  insertMember,
  listAlliancesOfSpace,
  listPublicAlliances,
  membersOf,
  organisationExists,
  organisationsRepresentedBy,
  personInSpace,
  spaceMunicipalities,
  spaceNames,
  updateAlliance,
  updateMember,
  type AllianceRow,
} from './alliance.repository.ts';

export type { AllianceRow } from './alliance.repository.ts';

/**
 * The alliance and the caller's access to its space; 404 when the caller may not see it. A public
 * alliance is seen by those who may not see its space: as outsiders, with no role. For the
 * initiative module: the one way to load an alliance with its access rules.
 */
export async function getAllianceForActor(deps: Deps, actor: Actor, id: string, db: Kysely<Database> = deps.db): Promise<{ alliance: AllianceRow; access: SpaceAccess }> {
  const alliance = await findAlliance(db, id);
  if (!alliance) throw notFound();
  const access = await loadSpaceAccess(deps, actor, alliance.space_id, db).then(
    (loaded) => loaded.access,
    (error: unknown) => {
      if (alliance.public && error instanceof AppError && error.code === 'not_found') return { visibility: 'members' as const, archived: false, role: null };
      throw error;
    },
  );
  if (!canViewAlliance(actor, access, alliance)) throw notFound();
  return { alliance, access };
}

/** Organisations whose membership is accepted (for initiatives: the lead must be one). */
export async function allianceMemberIds(deps: Deps, allianceId: string, db: Kysely<Database> = deps.db): Promise<Set<string>> {
  return new Set((await membersOf(db, [allianceId])).filter((m) => m.status === 'member').map((m) => m.organisation_id));
}

/** Organisations the caller is a confirmed representative of. */
export async function representedBy(deps: Deps, actor: Actor): Promise<{ id: string; name: string }[]> {
  const userId = actorId(actor);
  return userId ? organisationsRepresentedBy(deps.db, userId) : [];
}

async function summaries(deps: Deps, rows: AllianceRow[]): Promise<AllianceSummary[]> {
  const ids = rows.map((r) => r.id);
  const spaceIds = [...new Set(rows.map((r) => r.space_id))];
  const [members, counts, municipalities, names] = await Promise.all([membersOf(deps.db, ids), initiativeCounts(deps.db, ids), spaceMunicipalities(deps.db, spaceIds), spaceNames(deps.db, spaceIds)]);
  return rows.map((row) =>
    presentAllianceSummary(row, {
      spaceName: names.get(row.space_id) ?? '',
      memberCount: members.filter((m) => m.alliance_id === row.id && m.status === 'member').length,
      initiativeCount: counts.get(row.id) ?? 0,
      municipalityCodes: municipalities.get(row.space_id) ?? [],
    }),
  );
}

export async function getSpaceAlliances(deps: Deps, ctx: RequestContext, spaceId: string): Promise<AllianceSummary[]> {
  await loadSpaceAccess(deps, ctx.actor, spaceId);
  return summaries(deps, await listAlliancesOfSpace(deps.db, spaceId));
}

export async function getAlliancesDirectory(deps: Deps, _ctx: RequestContext, query: z.output<typeof directoryQuery>): Promise<AllianceSummary[]> {
  return summaries(deps, await listPublicAlliances(deps.db, query));
}

async function present(deps: Deps, ctx: RequestContext, alliance: AllianceRow, access: SpaceAccess): Promise<Alliance> {
  const [members, counts, municipalities, names, represented] = await Promise.all([
    membersOf(deps.db, [alliance.id]),
    initiativeCounts(deps.db, [alliance.id]),
    spaceMunicipalities(deps.db, [alliance.space_id]),
    spaceNames(deps.db, [alliance.space_id]),
    representedBy(deps, ctx.actor),
  ]);
  const memberIds = new Set(members.filter((m) => m.status === 'member').map((m) => m.organisation_id));
  const showContact = canSeeContactPeople(ctx.actor, access);
  return presentAlliance(alliance, {
    spaceName: names.get(alliance.space_id) ?? '',
    members: members.map((m) => presentMember(m, showContact)),
    initiativeCount: counts.get(alliance.id) ?? 0,
    municipalityCodes: municipalities.get(alliance.space_id) ?? [],
    representedOrganisations: represented,
    allowedActions: allianceActions(ctx.actor, access, { representsAny: represented.length > 0, representsMember: represented.some((o) => memberIds.has(o.id)) }),
  });
}

export async function getAlliance(deps: Deps, ctx: RequestContext, id: string): Promise<Alliance> {
  const { alliance, access } = await getAllianceForActor(deps, ctx.actor, id);
  return present(deps, ctx, alliance, access);
}

const uniqueGoals = (goals: number[] | undefined) => [...new Set(goals ?? [])].sort((a, b) => a - b);
const uniqueTargets = (targets: string[] | undefined) => [...new Set(targets ?? [])];

export async function createAlliance(deps: Deps, ctx: RequestContext, spaceId: string, input: z.output<typeof allianceInput>): Promise<Alliance> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canManageAlliance(ctx.actor, access)) throw forbidden();
  const id = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const { id } = await insertAlliance(trx, {
      space_id: spaceId,
      name: input.name,
      purpose: input.purpose ?? '',
      public: input.public ?? false,
      goals: uniqueGoals(input.goals),
      targets: uniqueTargets(input.targets),
      created_by: actorId(ctx.actor),
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'alliance.create', resourceType: 'alliance', resourceId: id, details: { spaceId } });
    return id;
  });
  return getAlliance(deps, ctx, id);
}

export async function patchAlliance(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof alliancePatch>): Promise<Alliance> {
  const { access } = await getAllianceForActor(deps, ctx.actor, id);
  if (!canManageAlliance(ctx.actor, access)) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    await updateAlliance(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
      ...(input.public !== undefined ? { public: input.public } : {}),
      ...(input.goals !== undefined ? { goals: uniqueGoals(input.goals) } : {}),
      ...(input.targets !== undefined ? { targets: uniqueTargets(input.targets) } : {}),
      updated_at: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'alliance.update', resourceType: 'alliance', resourceId: id, details: { fields: Object.keys(input) } });
  });
  return getAlliance(deps, ctx, id);
}

/**
 * Membership has two sides. A leader of the space invites (or accepts a request); a representative
 * of the organisation asks (or accepts the invitation). Both sides having said yes makes a member,
 * and a member is listed among the space's organisations so the network shows it.
 */
export async function addAllianceMember(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof allianceMemberInput>): Promise<Alliance> {
  const { alliance, access } = await getAllianceForActor(deps, ctx.actor, id);
  const manages = canManageAlliance(ctx.actor, access);
  const actsFor = !access.archived && canActForOrganisation(ctx.actor, await representativesOfAny(deps, [input.organisationId]));
  if (!manages && !actsFor) throw forbidden();
  if (!(await organisationExists(deps.db, input.organisationId))) throw invalid({ organisationId: 'errors.not_found' });
  // The contact person is one of the space's people: a leader's choice.
  if (input.contactPersonId !== undefined && input.contactPersonId !== null) {
    if (!manages) throw forbidden();
    if (!(await personInSpace(deps.db, input.contactPersonId, alliance.space_id))) throw invalid({ contactPersonId: 'errors.person_not_in_space' });
  }
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const existing = await findMember(trx, id, input.organisationId);
    const contact = input.contactPersonId !== undefined && manages ? { contact_person_id: input.contactPersonId } : {};
    let status = existing?.status ?? (manages && actsFor ? 'member' : manages ? 'invited' : 'requested');
    if (existing?.status === 'requested' && manages) status = 'member';
    if (existing?.status === 'invited' && actsFor) status = 'member';
    if (!existing) {
      await insertMember(trx, { alliance_id: id, organisation_id: input.organisationId, status, contact_person_id: input.contactPersonId ?? null, created_at: now, joined_at: status === 'member' ? now : null });
    } else {
      await updateMember(trx, id, input.organisationId, { status, ...contact, ...(status === 'member' && existing.status !== 'member' ? { joined_at: now } : {}) });
    }
    if (status === 'member') await includeOrganisationInSpace(trx, alliance.space_id, input.organisationId, now);
    await recordAudit(trx, deps.clock, ctx, {
      action: `alliance.member_${status}`,
      resourceType: 'alliance',
      resourceId: id,
      details: { organisationId: input.organisationId, by: manages ? 'leader' : 'representative' },
    });
  });
  return getAlliance(deps, ctx, id);
}

export async function removeAllianceMember(deps: Deps, ctx: RequestContext, id: string, organisationId: string): Promise<void> {
  const { access } = await getAllianceForActor(deps, ctx.actor, id);
  const manages = canManageAlliance(ctx.actor, access);
  const actsFor = !access.archived && canActForOrganisation(ctx.actor, await representativesOfAny(deps, [organisationId]));
  if (!manages && !actsFor) throw forbidden();
  if (!(await findMember(deps.db, id, organisationId))) throw notFound();
  await deps.db.transaction().execute(async (trx) => {
    await deleteMember(trx, id, organisationId);
    await recordAudit(trx, deps.clock, ctx, { action: 'alliance.member_remove', resourceType: 'alliance', resourceId: id, details: { organisationId } });
  });
}
