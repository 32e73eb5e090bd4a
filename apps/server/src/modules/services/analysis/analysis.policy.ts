import type { AnalysisAction, ManagedAction } from '@samhandling/contracts';
import { isPlatformAdmin, type Actor } from '../../../platform/actor.ts';
import { canLeadSpace, canViewSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';

/**
 * Population, road networks, analyses and scenarios of a space. Anyone who may see the space sees
 * its analyses (they hold no personal data: people are counted per cell, never named); those who
 * lead the space bring in data and run analyses; members try scenarios and save them.
 */
export const canViewAnalyses = (actor: Actor, access: SpaceAccess): boolean => canViewSpace(actor, access);

export const canManageAnalyses = (actor: Actor, access: SpaceAccess): boolean => canLeadSpace(actor, access);

/** Trying a scenario computes on the server: members of the space (observers too) and platform admins. */
export const canTryScenario = (actor: Actor, access: SpaceAccess): boolean => access.role !== null || isPlatformAdmin(actor);

export const canSaveScenario = (actor: Actor, access: SpaceAccess): boolean =>
  !access.archived && (isPlatformAdmin(actor) || access.role === 'member' || access.role === 'facilitator' || access.role === 'space_admin');

export function analysisActions(actor: Actor, access: SpaceAccess, status: string): AnalysisAction[] {
  const actions: AnalysisAction[] = ['view'];
  if (canManageAnalyses(actor, access) && (status === 'queued' || status === 'running')) actions.push('cancel');
  if (status === 'done' && canTryScenario(actor, access)) actions.push('try_scenario');
  if (status === 'done' && canSaveScenario(actor, access)) actions.push('save_scenario');
  return actions;
}

export const managerActions = (actor: Actor, access: SpaceAccess): ManagedAction[] => (canManageAnalyses(actor, access) ? ['view', 'use'] : ['view']);
