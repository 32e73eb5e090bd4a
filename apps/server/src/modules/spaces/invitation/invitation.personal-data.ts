import type { Deps } from '../../../platform/deps.ts';
import type { DataSubject, PersonalDataProvider } from '../../../platform/personal-data.ts';
import { anonymiseInvitationsTo, invitationsToEmail } from './invitation.repository.ts';

export const invitationPersonalData: PersonalDataProvider = {
  key: 'invitations',
  async collect(deps: Deps, subject: DataSubject) {
    return (await invitationsToEmail(deps.db, subject.email)).map((i) => ({
      id: i.id,
      space: { id: i.space_id, name: i.space_name },
      email: i.email,
      role: i.role,
      createdAt: i.created_at.toISOString(),
      expiresAt: i.expires_at.toISOString(),
      acceptedAt: i.accepted_at?.toISOString() ?? null,
      revokedAt: i.revoked_at?.toISOString() ?? null,
    }));
  },
  async erase(deps, trx, _ctx, subject) {
    return anonymiseInvitationsTo(trx, subject.email, `${subject.userId}@deleted.invalid`, deps.clock.now());
  },
};
