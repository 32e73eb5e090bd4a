import type { OrganisationRepresentative, RepresentativeAction } from '@samhandling/contracts';
import type { Actor } from '../../../platform/actor.ts';
import type { RepresentativeRow } from './representative.repository.ts';

export function presentRepresentative(row: RepresentativeRow, actor: Actor, allowedActions: RepresentativeAction[]): OrganisationRepresentative {
  return {
    userId: row.user_id,
    name: row.name,
    role: row.role,
    status: row.status,
    requestedAt: row.requested_at.toISOString(),
    confirmedAt: row.confirmed_at ? row.confirmed_at.toISOString() : null,
    confirmedByName: row.confirmed_by_name,
    mine: actor.kind === 'user' && actor.user.id === row.user_id,
    allowedActions,
  };
}
