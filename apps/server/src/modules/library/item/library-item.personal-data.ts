import type { Deps } from '../../../platform/deps.ts';
import type { DataSubject, PersonalDataProvider } from '../../../platform/personal-data.ts';
import { forgetAuthor, itemsCreatedBy } from './library-item.repository.ts';

/**
 * Library items a person added. The material belongs to its space and stays on erasure; only the
 * link to the person (creator, saver of versions, uploader, who linked it) is removed.
 */
export const libraryPersonalData: PersonalDataProvider = {
  key: 'libraryItems',
  async collect(deps: Deps, subject: DataSubject) {
    return (await itemsCreatedBy(deps.db, subject.userId)).map((r) => ({ id: r.id, title: r.title, spaceId: r.space_id, createdAt: r.created_at.toISOString() }));
  },
  async erase(_deps, trx, _ctx, subject) {
    return forgetAuthor(trx, subject.userId);
  },
};
