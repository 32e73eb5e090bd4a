import { isPlatformAdmin, type Actor } from '../../../platform/actor.ts';

export const canManageUsers = (actor: Actor): boolean => isPlatformAdmin(actor);

/** An admin may not take away their own admin role or disable themselves: someone must remain. */
export function canChangeAdminFlags(actor: Actor, targetUserId: string): boolean {
  return isPlatformAdmin(actor) && actor.kind === 'user' && actor.user.id !== targetUserId;
}
