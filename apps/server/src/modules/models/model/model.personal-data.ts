import type { DataSubject, PersonalDataProvider } from '../../../platform/personal-data.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forgetUser, modelsByUser, usesByUser } from './model.repository.ts';

/**
 * Models a person wrote and the uses they applied: only their account id is kept with them.
 * Erasure forgets that id; what the model and the use say belongs to the space and stays.
 */
export const modelPersonalData: PersonalDataProvider = {
  key: 'collaborationModels',
  async collect(deps: Deps, subject: DataSubject) {
    const [models, uses] = await Promise.all([modelsByUser(deps.db, subject.userId), usesByUser(deps.db, subject.userId)]);
    return [
      ...models.map((m) => ({ role: 'author', model: { id: m.id, title: m.title }, at: m.created_at.toISOString() })),
      ...uses.map((u) => ({ role: 'applied', modelId: u.model_id, spaceId: u.space_id, municipalityCode: u.municipality_code, at: u.applied_at.toISOString() })),
    ];
  },
  async erase(_deps, trx, _ctx, subject) {
    return forgetUser(trx, subject.userId);
  },
};
