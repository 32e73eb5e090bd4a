import type { ServicePlanAction } from '@samhandling/contracts';
import { isPlatformAdmin, type Actor } from '../../../platform/actor.ts';
import { canLeadSpace, canViewSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';

/** What the plan policies need: the space's access and where the plan is in its life. */
export interface PlanAccess {
  space: SpaceAccess;
  status: 'draft' | 'consultation' | 'adopted';
  /** Has a version been put out (consultation or adopted)? Only then does the public see it. */
  hasPublicVersion: boolean;
  hasConsultation: boolean;
  hasAdoptedVersion: boolean;
  consultationOpen: boolean;
}

/** The working copy (the draft being edited) is the members' own: the public sees versions only. */
export const canViewWorkingCopy = (actor: Actor, access: PlanAccess): boolean =>
  canViewSpace(actor, access.space) && (access.space.role !== null || isPlatformAdmin(actor));

/** A plan the caller may not see answers 404: members see every plan, the public those put out. */
export const canViewPlan = (actor: Actor, access: PlanAccess): boolean =>
  canViewWorkingCopy(actor, access) || (canViewSpace(actor, access.space) && access.hasPublicVersion);

/** Leaders of the space (facilitators, space admins) write the plan and lead its process. */
export const canManagePlan = (actor: Actor, access: PlanAccess): boolean => canLeadSpace(actor, access.space);

/** Anyone who can see the plan may comment while its consultation is open, signed in or not. */
export const canCommentOnPlan = (actor: Actor, access: PlanAccess): boolean => canViewPlan(actor, access) && access.consultationOpen;

export function planActions(actor: Actor, access: PlanAccess): ServicePlanAction[] {
  const actions: ServicePlanAction[] = ['view', 'export'];
  const manage = canManagePlan(actor, access);
  if (manage && access.status === 'draft') actions.push('update', 'start_consultation');
  if (manage && access.hasConsultation && access.status !== 'adopted') actions.push('adopt');
  if (manage && access.status !== 'draft') actions.push('revise');
  if (manage) actions.push('moderate_comments');
  if (manage && access.hasAdoptedVersion) actions.push('follow_up');
  if (canCommentOnPlan(actor, access)) actions.push('comment');
  return actions;
}
