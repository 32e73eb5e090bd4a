import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { DataSubject, PersonalDataProvider } from '../../../platform/personal-data.ts';
import { outboxTo, purgeOutboxBefore, purgeOutboxTo } from './outbox.repository.ts';

/** The retention rule: messages lose their body, attachments and recipients after `days`. */
export function purgeOldOutbox(trx: Kysely<Database>, now: Date, days: number): Promise<number> {
  return purgeOutboxBefore(trx, new Date(now.getTime() - days * 86_400_000), now);
}

/** E-mails sent to the person. On erasure they are emptied (a mail not yet sent is not sent). */
export const outboxPersonalData: PersonalDataProvider = {
  key: 'emails',
  async collect(deps: Deps, subject: DataSubject) {
    return (await outboxTo(deps.db, subject.email)).map((m) => ({
      id: m.id,
      createdAt: m.created_at.toISOString(),
      subject: m.subject,
      text: m.text,
      status: m.status,
      sentAt: m.sent_at?.toISOString() ?? null,
      purgedAt: m.purged_at?.toISOString() ?? null,
    }));
  },
  async erase(deps, trx, _ctx, subject) {
    return purgeOutboxTo(trx, subject.email, deps.clock.now());
  },
};
