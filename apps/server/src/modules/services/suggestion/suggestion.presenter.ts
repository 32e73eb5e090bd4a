import type { Suggestion, SuggestionAction } from '@samhandling/contracts';
import type { Actor } from '../../../platform/actor.ts';
import type { SuggestionRow } from './suggestion.repository.ts';

export function presentSuggestion(row: SuggestionRow, actor: Actor, allowedActions: SuggestionAction[]): Suggestion {
  const mine = actor.kind === 'user' && row.proposed_by === actor.user.id;
  return {
    id: row.id,
    pointId: row.point_id,
    pointName: row.point_name,
    proposedAt: row.proposed_at.toISOString(),
    proposedByName: row.proposed_by_name,
    mine,
    changes: row.changes,
    comment: row.comment,
    status: row.status,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    decisionNote: row.decision_note,
    allowedActions,
  };
}
