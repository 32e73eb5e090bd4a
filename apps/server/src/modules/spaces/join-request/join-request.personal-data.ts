import type { PersonalDataProvider } from '../../../platform/personal-data.ts';
import { deleteJoinRequestsOfUser, joinRequestsOfUser } from './join-request.repository.ts';

export const joinRequestPersonalData: PersonalDataProvider = {
  key: 'joinRequests',
  async collect(deps, subject) {
    return (await joinRequestsOfUser(deps.db, subject.userId)).map((r) => ({
      id: r.id,
      space: { id: r.space_id, name: r.space_name },
      message: r.message,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      decidedAt: r.decided_at?.toISOString() ?? null,
    }));
  },
  async erase(_deps, trx, _ctx, subject) {
    return deleteJoinRequestsOfUser(trx, subject.userId);
  },
};
