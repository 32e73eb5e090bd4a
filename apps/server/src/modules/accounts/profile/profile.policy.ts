import type { ProfileVisibility } from './profile.table.ts';

/**
 * Who sees a person's profile: the person always; everyone when they chose "everyone"; people who
 * share a space with them when they chose "members"; no one else (not even platform admins) when
 * they chose "nobody". Anyone it is hidden from is told it does not exist (404).
 */
export function canSeeProfile(visibility: ProfileVisibility, viewer: { isSelf: boolean; sharesASpace: boolean }): boolean {
  if (viewer.isSelf) return true;
  if (visibility === 'everyone') return true;
  return visibility === 'members' && viewer.sharesASpace;
}
