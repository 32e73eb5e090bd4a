import type { Actor } from '../../../platform/actor.ts';

/**
 * Only the person, signed in with a session of their own, downloads their data or deletes
 * their account: not an API token (a leaked token must not erase anyone), not an admin for them.
 */
export function canManageOwnData(actor: Actor): actor is Extract<Actor, { kind: 'user' }> {
  return actor.kind === 'user' && actor.via === 'session';
}
