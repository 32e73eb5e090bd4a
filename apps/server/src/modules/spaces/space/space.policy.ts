import type { SpaceAction, SpaceRole } from '@samhandling/contracts';
import { isPlatformAdmin, isSignedIn, type Actor } from '../../../platform/actor.ts';

/** What the policies need to know about a space and the caller's place in it. */
export interface SpaceAccess {
  visibility: 'public' | 'members';
  /** Only counts for a public space: a members-only space is joined by invitation. */
  joinPolicy?: 'open' | 'request' | 'invitation';
  archived: boolean;
  role: SpaceRole | null;
}

const isSpaceAdmin = (actor: Actor, access: SpaceAccess) => isPlatformAdmin(actor) || access.role === 'space_admin';
const leads = (actor: Actor, access: SpaceAccess) => isSpaceAdmin(actor, access) || access.role === 'facilitator';

export const canCreateSpace = (actor: Actor): boolean => isSignedIn(actor);

/** A members-only space does not exist for outsiders: they get 404, not 403. */
export const canViewSpace = (actor: Actor, access: SpaceAccess): boolean =>
  access.visibility === 'public' || access.role !== null || isPlatformAdmin(actor);

export const canEditSpace = (actor: Actor, access: SpaceAccess): boolean => !access.archived && isSpaceAdmin(actor, access);

/** Archiving and restoring stay possible on an archived space. */
export const canArchiveSpace = (actor: Actor, access: SpaceAccess): boolean => isSpaceAdmin(actor, access);

export const canViewMembers = (actor: Actor, access: SpaceAccess): boolean => access.role !== null || isPlatformAdmin(actor);

/** Members' e-mail addresses are personal data: only those who lead the space see them. */
export const canSeeMemberEmails = (actor: Actor, access: SpaceAccess): boolean => leads(actor, access);

/** Facilitators may invite members and observers; only space admins hand out leading roles. */
export function canInvite(actor: Actor, access: SpaceAccess, role: SpaceRole): boolean {
  if (access.archived) return false;
  if (isSpaceAdmin(actor, access)) return true;
  return access.role === 'facilitator' && (role === 'member' || role === 'observer');
}

/** Leaders (space admins, facilitators) keep the space's registry: its organisations, people, surveys. */
export const canLeadSpace = (actor: Actor, access: SpaceAccess): boolean => !access.archived && leads(actor, access);

/** People recorded in a space are personal data: only those who lead it (and platform admins) see them. */
export const canSeePeople = (actor: Actor, access: SpaceAccess): boolean => leads(actor, access);

/** How a signed-in outsider may join: at once (open), by asking (request), or not by themselves. */
export function joinRoute(actor: Actor, access: SpaceAccess): 'open' | 'request' | null {
  if (!isSignedIn(actor) || access.role !== null || access.archived || access.visibility !== 'public') return null;
  return access.joinPolicy === 'open' || access.joinPolicy === 'request' ? access.joinPolicy : null;
}

/** Leaders decide on requests to join (facilitators may let people in as members, as they may invite them). */
export const canDecideJoinRequests = (actor: Actor, access: SpaceAccess): boolean => canInvite(actor, access, 'member');

export const canManageMembers = (actor: Actor, access: SpaceAccess): boolean => !access.archived && isSpaceAdmin(actor, access);

export function spaceActions(actor: Actor, access: SpaceAccess): SpaceAction[] {
  const actions: SpaceAction[] = ['view'];
  if (canEditSpace(actor, access)) actions.push('update');
  if (canArchiveSpace(actor, access)) actions.push(access.archived ? 'restore' : 'archive');
  if (canViewMembers(actor, access)) actions.push('view_members');
  if (canInvite(actor, access, 'member')) actions.push('invite');
  if (canManageMembers(actor, access)) actions.push('manage_members');
  if (canLeadSpace(actor, access)) actions.push('manage_organisations', 'manage_people', 'run_surveys');
  if (canDecideJoinRequests(actor, access)) actions.push('decide_join_requests');
  const join = joinRoute(actor, access);
  if (join === 'open') actions.push('join');
  if (join === 'request') actions.push('request_to_join');
  if (access.role !== null) actions.push('leave');
  return actions;
}
