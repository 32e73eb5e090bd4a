import type { PlanComment, PlanCommentAction } from '@samhandling/contracts';
import type { CommentRow } from './service-plan-comment.repository.ts';

export function presentComment(row: CommentRow, allowedActions: PlanCommentAction[]): PlanComment {
  return {
    id: row.id,
    versionNumber: row.version_number,
    body: row.body,
    authorName: row.author_name,
    localityName: row.locality_name,
    status: row.status,
    response: row.response,
    createdAt: row.created_at.toISOString(),
    moderatedAt: row.moderated_at?.toISOString() ?? null,
    allowedActions,
  };
}
