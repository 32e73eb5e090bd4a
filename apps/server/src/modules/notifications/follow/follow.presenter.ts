import type { Follow, FollowKind } from '@samhandling/contracts';
import type { FollowRow } from './follow.repository.ts';

export function presentFollow(row: FollowRow, label: string): Follow {
  return {
    id: row.id,
    kind: row.target_kind as FollowKind,
    targetId: row.target_id,
    label,
    confirmed: row.user_id !== null || row.confirmed_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}
