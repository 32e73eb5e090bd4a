import type { PersonalDataProvider } from '../../../platform/personal-data.ts';
import { deleteSignupsOf, signupsOf } from './signup.repository.ts';

/** A pending sign-up holds an address and a name until it is confirmed or expires (a day). */
export const signupPersonalData: PersonalDataProvider = {
  key: 'signups',
  async collect(deps, subject) {
    return (await signupsOf(deps.db, subject.email)).map((s) => ({ email: s.email, name: s.name, createdAt: s.created_at.toISOString(), expiresAt: s.expires_at.toISOString() }));
  },
  async erase(_deps, trx, _ctx, subject) {
    return deleteSignupsOf(trx, subject.email);
  },
};
