import type { OrganisationSuggestion, SuggestionAction } from '@samhandling/contracts';
import type { Actor } from '../../../platform/actor.ts';
import type { OrganisationSuggestionRow } from './organisation-suggestion.repository.ts';

export function presentOrganisationSuggestion(row: OrganisationSuggestionRow, actor: Actor, allowedActions: SuggestionAction[]): OrganisationSuggestion {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    proposedAt: row.proposed_at.toISOString(),
    proposedByName: row.proposed_by_name,
    mine: actor.kind === 'user' && row.proposed_by === actor.user.id,
    changes: row.changes,
    comment: row.comment,
    status: row.status,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    decisionNote: row.decision_note,
    allowedActions,
  };
}
