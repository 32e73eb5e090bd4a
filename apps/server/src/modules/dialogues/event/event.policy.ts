import type { EventAction } from '@samhandling/contracts';
import type { Actor } from '../../../platform/actor.ts';
import { canLeadSpace, canSeePeople, canViewSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';

/** An event is seen by whoever sees its space (a public space's events are public), and by all when it is public itself. */
export const canViewEvent = (actor: Actor, access: SpaceAccess, event: { public: boolean }): boolean =>
  event.public || canViewSpace(actor, access);

/** Those who lead the space plan its events, cancel and reschedule them, and upload minutes. */
export const canManageEvent = (actor: Actor, access: SpaceAccess): boolean => canLeadSpace(actor, access);

/** Registrations are personal data: the space's leaders see them, mark attendance and check people in. */
export const canSeeRegistrations = (actor: Actor, access: SpaceAccess): boolean => canSeePeople(actor, access);
export const canCheckIn = (actor: Actor, access: SpaceAccess): boolean => canLeadSpace(actor, access);

/** Aggregated figures carry no personal data: every viewer of the event may see them. */
export const canSeeStatistics = (actor: Actor, access: SpaceAccess, event: { public: boolean }): boolean =>
  canViewEvent(actor, access, event);

export function eventActions(actor: Actor, access: SpaceAccess, state: { registrationOpen: boolean; cancelled: boolean }): EventAction[] {
  const actions: EventAction[] = ['view', 'view_statistics', 'view_documents'];
  if (state.registrationOpen) actions.push('register');
  if (canManageEvent(actor, access)) {
    actions.push('update', 'upload_documents');
    if (!state.cancelled) actions.push('cancel', 'reschedule');
  }
  if (canSeeRegistrations(actor, access)) actions.push('view_registrations', 'mark_attendance');
  if (canCheckIn(actor, access)) actions.push('check_in');
  return actions;
}
