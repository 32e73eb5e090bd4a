import type { Deps } from '../../../platform/deps.ts';
import type { DataSubject, PersonalDataProvider } from '../../../platform/personal-data.ts';
import { deleteMembershipsOfUser, membershipsOfUser, spacesSolelyLedBy } from './membership.repository.ts';

/** The spaces that would be left without an admin if the user went (they must hand over first). */
export function spacesOnlyLedBy(deps: Pick<Deps, 'db'>, userId: string) {
  return spacesSolelyLedBy(deps.db, userId);
}

export const membershipPersonalData: PersonalDataProvider = {
  key: 'memberships',
  async collect(deps: Deps, subject: DataSubject) {
    return (await membershipsOfUser(deps.db, subject.userId)).map((m) => ({
      space: { id: m.space_id, name: m.space_name },
      role: m.role,
      since: m.created_at.toISOString(),
    }));
  },
  async erase(_deps, trx, _ctx, subject) {
    return Number((await deleteMembershipsOfUser(trx, subject.userId)).numDeletedRows);
  },
};
