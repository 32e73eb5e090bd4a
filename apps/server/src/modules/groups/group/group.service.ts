import {
  DEFAULT_TARGETS,
  type CompositionTargets,
  type Group,
  type groupInput,
  type groupMemberInput,
  type groupPatch,
} from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { replaceDerivedCollaborations } from '../../actors/collaboration/collaboration.service.ts';
import { includeOrganisationInSpace } from '../../actors/space-organisation/space-organisation.service.ts';
import { assertMunicipalitiesExist } from '../../geography/municipality/municipality.service.ts';
import type { SpaceAccess } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { canManageGroup, canSeeGroupMembers, canViewGroup, groupActions } from './group.policy.ts';
import { presentGroup } from './group.presenter.ts';
import {
  affiliationsOf,
  deleteMember,
  findGroup,
  findMember,
  groupsOfPerson,
  insertGroup,
  insertMember,
  listGroups,
  membersOf,
  organisationExists,
  personInSpace,
  updateGroup,
  type GroupRow,
} from './group.repository.ts';

/** A youth group aims for young members only; a local group for TALKO's 4 + 4 + 4 + 1. */
export function defaultTargets(kind: string): CompositionTargets {
  return kind === 'youth' ? { public: 0, private: 0, civil_society: 0, academia: 0, youth: 6 } : { ...DEFAULT_TARGETS };
}

async function present(deps: Deps, ctx: RequestContext, rows: GroupRow[], access: SpaceAccess): Promise<Group[]> {
  const members = await membersOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const options = { showMembers: canSeeGroupMembers(ctx.actor, access), allowedActions: groupActions(ctx.actor, access) };
  return rows.map((row) =>
    presentGroup(
      row,
      members.filter((m) => m.group_id === row.id),
      options,
    ),
  );
}

async function loadGroup(deps: Deps, ctx: RequestContext, id: string) {
  const row = await findGroup(deps.db, id);
  if (!row) throw notFound();
  const { access } = await loadSpaceAccess(deps, ctx.actor, row.space_id);
  if (!canViewGroup(ctx.actor, access)) throw notFound();
  return { row, access };
}

export async function getSpaceGroups(deps: Deps, ctx: RequestContext, spaceId: string): Promise<Group[]> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  return present(deps, ctx, await listGroups(deps.db, spaceId), access);
}

export async function getGroup(deps: Deps, ctx: RequestContext, id: string): Promise<Group> {
  const { row, access } = await loadGroup(deps, ctx, id);
  return (await present(deps, ctx, [row], access))[0]!;
}

export async function createGroup(deps: Deps, ctx: RequestContext, spaceId: string, input: z.output<typeof groupInput>): Promise<Group> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canManageGroup(ctx.actor, access)) throw forbidden();
  if (input.municipalityCode) await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
  const id = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const { id } = await insertGroup(trx, {
      space_id: spaceId,
      municipality_code: input.municipalityCode ?? null,
      name: input.name,
      kind: input.kind,
      description: input.description ?? '',
      targets: JSON.stringify({ ...defaultTargets(input.kind), ...input.targets }),
      created_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, deps.clock, ctx, {
      action: 'group.create',
      resourceType: 'working_group',
      resourceId: id,
      details: { spaceId, kind: input.kind },
    });
    return id;
  });
  return getGroup(deps, ctx, id);
}

export async function patchGroup(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof groupPatch>): Promise<Group> {
  const { row, access } = await loadGroup(deps, ctx, id);
  if (!canManageGroup(ctx.actor, access)) throw forbidden();
  if (input.municipalityCode) await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
  await deps.db.transaction().execute(async (trx) => {
    await updateGroup(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.municipalityCode !== undefined ? { municipality_code: input.municipalityCode } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.targets !== undefined ? { targets: JSON.stringify({ ...row.targets, ...input.targets }) } : {}),
      updated_at: deps.clock.now(),
    });
    if (input.name !== undefined) await rebuildDerived(trx, id, input.name, row.created_at);
    await recordAudit(trx, deps.clock, ctx, {
      action: 'group.update',
      resourceType: 'working_group',
      resourceId: id,
      details: { fields: Object.keys(input) },
    });
  });
  return getGroup(deps, ctx, id);
}

/** Every two organisations represented in the group collaborate through it: derived ties in the network. */
async function rebuildDerived(trx: Kysely<Database>, groupId: string, name: string, createdAt: Date) {
  const members = await membersOf(trx, [groupId]);
  const organisations = members.map((m) => m.organisation_id).filter((id): id is string => id !== null);
  const group = await findGroup(trx, groupId);
  if (!group) return;
  await replaceDerivedCollaborations(
    trx,
    { kind: 'working_group', id: groupId, spaceId: group.space_id, description: `Arbetsgrupp: ${name}`, startDate: createdAt.toISOString().slice(0, 10), endDate: null, type: 'network_membership' },
    organisations,
  );
}

export async function addGroupMember(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof groupMemberInput>,
): Promise<Group> {
  const { row, access } = await loadGroup(deps, ctx, id);
  if (!canManageGroup(ctx.actor, access)) throw forbidden();
  const person = await personInSpace(deps.db, input.personId, row.space_id);
  if (!person) throw invalid({ personId: 'errors.person_not_in_space' });
  let organisationId = input.organisationId ?? null;
  if (input.organisationId === undefined) {
    const affiliations = await affiliationsOf(deps.db, input.personId);
    if (affiliations.length === 1) organisationId = affiliations[0]!.organisation_id;
  }
  if (organisationId && !(await organisationExists(deps.db, organisationId))) throw invalid({ organisationId: 'errors.not_found' });
  if (await findMember(deps.db, id, input.personId))
    throw new AppError('conflict', 'errors.already_group_member', { personId: 'errors.already_group_member' });
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await insertMember(trx, {
      groupId: id,
      personId: input.personId,
      organisationId,
      role: input.role ?? '',
      youthRepresentative: input.youthRepresentative ?? person.youth_representative,
      joinedAt: now,
    });
    if (organisationId) await includeOrganisationInSpace(trx, row.space_id, organisationId, now);
    await rebuildDerived(trx, id, row.name, row.created_at);
    await recordAudit(trx, deps.clock, ctx, {
      action: 'group.add_member',
      resourceType: 'working_group',
      resourceId: id,
      details: { personId: input.personId, organisationId },
    });
  });
  return getGroup(deps, ctx, id);
}

export async function removeGroupMember(deps: Deps, ctx: RequestContext, id: string, personId: string): Promise<void> {
  const { row, access } = await loadGroup(deps, ctx, id);
  if (!canManageGroup(ctx.actor, access)) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteMember(trx, id, personId))) throw notFound();
    await rebuildDerived(trx, id, row.name, row.created_at);
    await recordAudit(trx, deps.clock, ctx, {
      action: 'group.remove_member',
      resourceType: 'working_group',
      resourceId: id,
      details: { personId },
    });
  });
}

/**
 * For the people module, inside its transaction, before a person is erased: they leave every
 * group, and the collaborations those groups derive are rebuilt without them.
 */
export async function removePersonFromGroups(trx: Kysely<Database>, personId: string): Promise<void> {
  const memberships = await groupsOfPerson(trx, personId);
  for (const { group_id } of memberships) {
    await deleteMember(trx, group_id, personId);
    const row = await findGroup(trx, group_id);
    if (row) await rebuildDerived(trx, group_id, row.name, row.created_at);
  }
}
