import type { BalanceLine, CompositionTargets, Group, GroupAction, GroupMember } from '@samhandling/contracts';
import type { GroupRow, membersOf } from './group.repository.ts';

type MemberRow = Awaited<ReturnType<typeof membersOf>>[number];

const BALANCE_KEYS = ['public', 'private', 'civil_society', 'academia', 'youth'] as const;

/** What the group aims for against who is in it, by the sector of the organisation each member represents. */
export function balanceOf(targets: CompositionTargets, members: Pick<MemberRow, 'sector' | 'youth_representative'>[]): BalanceLine[] {
  return BALANCE_KEYS.map((key) => {
    const actual = key === 'youth' ? members.filter((m) => m.youth_representative).length : members.filter((m) => m.sector === key).length;
    const target = targets[key];
    return { key, target, actual, missing: Math.max(0, target - actual) };
  });
}

export function presentGroup(row: GroupRow, members: MemberRow[], options: { showMembers: boolean; allowedActions: GroupAction[] }): Group {
  const balance = balanceOf(row.targets, members);
  const organisations = [
    ...new Map(
      members
        .filter((m) => m.organisation_id && m.sector)
        .map((m) => [m.organisation_id!, { id: m.organisation_id!, name: m.organisation_name!, sector: m.sector! }]),
    ).values(),
  ].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return {
    id: row.id,
    spaceId: row.space_id,
    name: row.name,
    kind: row.kind,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    description: row.description,
    targets: row.targets,
    memberCount: members.length,
    balance,
    complete: balance.every((line) => line.missing === 0),
    organisations,
    members: options.showMembers
      ? members.map((m): GroupMember => ({
          personId: m.person_id,
          name: m.name,
          organisationId: m.organisation_id,
          organisationName: m.organisation_name,
          sector: m.sector,
          ageGroup: m.age_group as GroupMember['ageGroup'],
          role: m.role,
          youthRepresentative: m.youth_representative,
          joinedAt: m.joined_at.toISOString(),
        }))
      : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    allowedActions: options.allowedActions,
  };
}
