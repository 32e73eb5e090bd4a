import type { Follow, FollowKind } from '@samhandling/contracts';
import type { FollowRow } from './follow.repository.ts';

export function presentFollow(row: FollowRow, target: { label: string; spaceId: string | null }): Follow {
  return {
    id: row.id,
    kind: row.target_kind as FollowKind,
    targetId: row.target_id,
    label: target.label,
    spaceId: target.spaceId,
    confirmed: row.user_id !== null || row.confirmed_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}
