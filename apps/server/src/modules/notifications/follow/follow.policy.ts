import type { Actor } from '../../../platform/actor.ts';

/** A follow is its follower's own: only they see it in their list and end it (others get 404). */
export const canManageFollow = (actor: Actor, follow: { user_id: string | null }): boolean => actor.kind === 'user' && follow.user_id === actor.user.id;
