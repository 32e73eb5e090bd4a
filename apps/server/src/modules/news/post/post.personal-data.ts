import type { PersonalDataProvider } from '../../../platform/personal-data.ts';
import { postsByAuthor } from './post.repository.ts';

/**
 * The news posts a person wrote. They are the space's publications and stay on erasure, shown
 * as by "borttagen användare" (the account row is kept without personal data).
 */
export const postPersonalData: PersonalDataProvider = {
  key: 'newsPosts',
  async collect(deps, subject) {
    return (await postsByAuthor(deps.db, subject.userId)).map((p) => ({ id: p.id, spaceId: p.space_id, title: p.title, body: p.body, publishedAt: p.published_at.toISOString() }));
  },
  async erase() {
    return 0;
  },
};
