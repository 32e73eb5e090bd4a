import type { PostAction } from '@samhandling/contracts';
import { isPlatformAdmin, type Actor } from '../../../platform/actor.ts';
import { canLeadSpace, canViewSpace, type SpaceAccess } from '../../spaces/space/space.policy.ts';

/** A public post is read by whoever sees its space; a members-only one by the space's members (and platform admins). */
export const canViewPost = (actor: Actor, access: SpaceAccess, post: { visibility: 'public' | 'members' }): boolean =>
  canViewSpace(actor, access) && (post.visibility === 'public' || access.role !== null || isPlatformAdmin(actor));

export const canSeeMembersOnlyPosts = (actor: Actor, access: SpaceAccess): boolean => access.role !== null || isPlatformAdmin(actor);

/** The space's leaders (space admins, facilitators) write, edit, pin and e-mail its news. */
export const canWritePosts = (actor: Actor, access: SpaceAccess): boolean => canLeadSpace(actor, access);

export function postActions(actor: Actor, access: SpaceAccess, post: { emailed_at: Date | null }): PostAction[] {
  if (!canWritePosts(actor, access)) return [];
  return post.emailed_at ? ['update', 'delete'] : ['update', 'delete', 'email_followers'];
}
