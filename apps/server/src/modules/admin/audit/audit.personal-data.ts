import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { DataSubject, PersonalDataProvider } from '../../../platform/personal-data.ts';
import { auditEntriesOfUser, redactAuditEntriesBefore } from './audit.repository.ts';

/** The retention rule: entries older than `years` keep their facts and lose their personal data. */
export function redactOldAuditEntries(trx: Kysely<Database>, now: Date, years: number): Promise<number> {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return redactAuditEntriesBefore(trx, cutoff, now);
}

/**
 * The audit log about a person or by them. It is kept on erasure (accountability): an erased
 * account's entries point at a row without personal data, and the erasure itself is logged.
 */
export const auditPersonalData: PersonalDataProvider = {
  key: 'auditEntries',
  async collect(deps: Deps, subject: DataSubject) {
    return (await auditEntriesOfUser(deps.db, subject.userId)).map((e) => ({
      id: Number(e.id),
      at: e.at.toISOString(),
      byThem: e.actor_id === subject.userId,
      action: e.action,
      resourceType: e.resource_type,
      resourceId: e.resource_id,
      details: e.details,
    }));
  },
  async erase() {
    return 0;
  },
};
