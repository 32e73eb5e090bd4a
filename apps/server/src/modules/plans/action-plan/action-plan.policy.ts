import type { ActionPlanAction, MeasureAction } from '@samhandling/contracts';
import type { Actor } from '../../../platform/actor.ts';
import { canLeadSpace, canViewSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';

/** Action plans, their measures and indicators are seen with their space (public space: by everyone). */
export const canViewActionPlans = (actor: Actor, access: SpaceAccess): boolean => canViewSpace(actor, access);

/** The space's leaders write the plans, their measures, indicators, values and follow-ups. */
export const canManageActionPlans = (actor: Actor, access: SpaceAccess): boolean => canLeadSpace(actor, access);

export function actionPlanActions(actor: Actor, access: SpaceAccess): ActionPlanAction[] {
  const actions: ActionPlanAction[] = ['view'];
  if (canManageActionPlans(actor, access)) actions.push('update', 'add_measure', 'add_indicator', 'follow_up');
  return actions;
}

export function measureActions(actor: Actor, access: SpaceAccess): MeasureAction[] {
  const actions: MeasureAction[] = ['view'];
  if (canManageActionPlans(actor, access)) actions.push('update', 'add_indicator', 'add_value');
  return actions;
}
