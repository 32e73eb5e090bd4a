import type { SuggestionAction } from '@samhandling/contracts';
import type { Actor } from '../../../platform/actor.ts';
import { canDecideOrganisationSuggestions, type OrganisationAccess } from '../organisation/organisation.policy.ts';

export interface OrganisationSuggestionAccess {
  proposedBy: string | null;
  status: 'pending' | 'accepted' | 'rejected';
}

const isProposer = (actor: Actor, s: OrganisationSuggestionAccess) => actor.kind === 'user' && s.proposedBy === actor.user.id;

/** Those who keep the organisation see every suggestion; the proposer sees their own; others none. */
export const canViewOrganisationSuggestion = (actor: Actor, access: OrganisationAccess, s: OrganisationSuggestionAccess): boolean =>
  canDecideOrganisationSuggestions(actor, access) || isProposer(actor, s);

export const canDecideOrganisationSuggestion = (actor: Actor, access: OrganisationAccess, s: OrganisationSuggestionAccess): boolean =>
  s.status === 'pending' && canDecideOrganisationSuggestions(actor, access);

export function organisationSuggestionActions(actor: Actor, access: OrganisationAccess, s: OrganisationSuggestionAccess): SuggestionAction[] {
  return canDecideOrganisationSuggestion(actor, access, s) ? ['accept', 'reject'] : [];
}
