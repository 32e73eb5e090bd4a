import type { DataSubject, PersonalDataProvider } from '../../../platform/personal-data.ts';
import type { Deps } from '../../../platform/deps.ts';
import { groupSeatsOfEmail } from './group.repository.ts';

/**
 * Seats in working groups held by the person's people records. Erasure happens through the
 * people records (actors/person): a person whose consent is withdrawn leaves their groups.
 */
export const groupPersonalData: PersonalDataProvider = {
  key: 'groupMemberships',
  async collect(deps: Deps, subject: DataSubject) {
    return (await groupSeatsOfEmail(deps.db, subject.email)).map((r) => ({
      group: { id: r.group_id, name: r.group_name, spaceId: r.space_id },
      personId: r.person_id,
      organisationId: r.organisation_id,
      role: r.role,
      youthRepresentative: r.youth_representative,
      joinedAt: r.joined_at.toISOString(),
    }));
  },
  async erase() {
    return 0;
  },
};
