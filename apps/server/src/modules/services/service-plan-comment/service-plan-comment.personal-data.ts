import type { Deps } from '../../../platform/deps.ts';
import type { DataSubject, PersonalDataProvider } from '../../../platform/personal-data.ts';
import { anonymiseCommentsOf, commentsOfUser } from './service-plan-comment.repository.ts';

/**
 * Consultation comments written while signed in. On erasure the comment stays (it is part of
 * the plan's public consultation record, and the answer given to it) without the author's name.
 */
export const servicePlanCommentPersonalData: PersonalDataProvider = {
  key: 'planComments',
  async collect(deps: Deps, subject: DataSubject) {
    return (await commentsOfUser(deps.db, subject.userId)).map((c) => ({
      id: c.id,
      plan: { id: c.plan_id, title: c.plan_title },
      body: c.body,
      authorName: c.author_name,
      status: c.status,
      response: c.response,
      createdAt: c.created_at.toISOString(),
    }));
  },
  async erase(_deps, trx, _ctx, subject) {
    return anonymiseCommentsOf(trx, subject.userId);
  },
};
