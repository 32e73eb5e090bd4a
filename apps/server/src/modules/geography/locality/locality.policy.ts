import type { LocalityAction } from '@samhandling/contracts';
import { isPlatformAdmin, type Actor } from '../../../platform/actor.ts';

/** Localities are shared reference data: everyone reads them, platform admins keep them. */
export const canManageLocalities = (actor: Actor): boolean => isPlatformAdmin(actor);

export function localityActions(actor: Actor): LocalityAction[] {
  return canManageLocalities(actor) ? ['update', 'delete'] : [];
}
