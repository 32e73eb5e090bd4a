import type { SuggestionAction } from '@samhandling/contracts';
import type { Actor } from '../../../platform/actor.ts';
import type { SpaceAccess } from '../../spaces/space/space.policy.ts';
import { canDecideSuggestions } from '../service-point/service-point.policy.ts';

export interface SuggestionAccess {
  proposedBy: string | null;
  status: 'pending' | 'accepted' | 'rejected';
}

const isProposer = (actor: Actor, s: SuggestionAccess) => actor.kind === 'user' && s.proposedBy === actor.user.id;

/** Leaders see every suggestion of their space; the proposer sees their own; others none. */
export const canViewSuggestion = (actor: Actor, space: SpaceAccess, s: SuggestionAccess): boolean => canDecideSuggestions(actor, space) || isProposer(actor, s);

export const canDecideSuggestion = (actor: Actor, space: SpaceAccess, s: SuggestionAccess): boolean => s.status === 'pending' && canDecideSuggestions(actor, space);

export function suggestionActions(actor: Actor, space: SpaceAccess, s: SuggestionAccess): SuggestionAction[] {
  return canDecideSuggestion(actor, space, s) ? ['accept', 'reject'] : [];
}
