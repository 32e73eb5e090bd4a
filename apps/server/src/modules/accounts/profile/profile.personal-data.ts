import type { PersonalDataProvider } from '../../../platform/personal-data.ts';
import { deleteProfile, findProfile } from './profile.repository.ts';

export const profilePersonalData: PersonalDataProvider = {
  key: 'profile',
  async collect(deps, subject) {
    const row = await findProfile(deps.db, subject.userId);
    if (!row) return [];
    return [
      {
        organisation: row.organisation,
        sector: row.sector,
        municipalityCode: row.municipality_code,
        presentation: row.presentation,
        visibility: row.visibility,
        updatedAt: row.updated_at.toISOString(),
      },
    ];
  },
  async erase(_deps, trx, _ctx, subject) {
    return deleteProfile(trx, subject.userId);
  },
};
