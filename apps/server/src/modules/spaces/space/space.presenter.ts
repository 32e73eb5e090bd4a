import type { Space } from '@samhandling/contracts';
import type { Actor } from '../../../platform/actor.ts';
import { spaceActions } from './space.policy.ts';
import type { SpaceListRow } from './space.repository.ts';

export function accessOf(row: SpaceListRow) {
  return { visibility: row.visibility, joinPolicy: row.join_policy, archived: row.archived_at !== null, role: row.my_role ?? null };
}

export function presentSpace(row: SpaceListRow, actor: Actor): Space {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    visibility: row.visibility,
    joinPolicy: row.visibility === 'public' ? row.join_policy : 'invitation',
    archived: row.archived_at !== null,
    municipalityCodes: [...row.municipality_codes],
    goals: row.goals,
    targets: row.targets,
    memberCount: Number(row.member_count),
    myRole: row.my_role ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    allowedActions: spaceActions(actor, accessOf(row)),
  };
}
