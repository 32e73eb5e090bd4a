import { privacyOf } from '../../../config.ts';
import { anonymous } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { JobHandler } from '../../../platform/jobs.ts';
import { redactOldAuditEntries } from '../../admin/audit/audit.personal-data.ts';
import { purgeOldOutbox } from '../../admin/outbox/outbox.personal-data.ts';
import { eraseOldVolunteerContacts } from '../../alliances/volunteer/volunteer.personal-data.ts';
import { eraseOldParticipantNames } from '../../dialogues/board/board.personal-data.ts';
import { eraseUnconfirmedFollows } from '../../notifications/follow/follow.personal-data.ts';
import { eraseOldRegistrationAnswers } from '../../dialogues/registration/registration.personal-data.ts';

export const RETENTION_JOB = 'privacy.retention';

/** The UTC day a moment belongs to: the retention job runs once per day. */
export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);

export interface RetentionResult {
  registrationAnswers: number;
  boardNames: number;
  outboxMessages: number;
  auditEntries: number;
  unconfirmedFollows: number;
  volunteerContacts: number;
}

/**
 * Enforces the retention periods of the configuration, each rule by the module that keeps the
 * data, in one transaction, audited with counts only. Safe to run any number of times.
 */
export async function enforceRetention(deps: Deps): Promise<RetentionResult> {
  const { retention } = privacyOf(deps.config);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const result: RetentionResult = {
      registrationAnswers: await eraseOldRegistrationAnswers(trx, now, retention.registrationAnswersDays),
      boardNames: await eraseOldParticipantNames(trx, now, retention.boardNamesDays),
      outboxMessages: await purgeOldOutbox(trx, now, retention.outboxDays),
      unconfirmedFollows: await eraseUnconfirmedFollows(trx, now),
      volunteerContacts: await eraseOldVolunteerContacts(trx, now, retention.volunteerContactsDays),
      // Last, so this run's own entry is never redacted by itself.
      auditEntries: await redactOldAuditEntries(trx, now, retention.auditYears),
    };
    await recordAudit(trx, deps.clock, { actor: anonymous, requestId: null }, { action: 'privacy.retention', resourceType: 'system', resourceId: null, details: { ...result } });
    return result;
  });
}

export function retentionJobHandler(deps: Deps): JobHandler {
  return async (job) => {
    await job.progress('retention', 0);
    return { ...(await enforceRetention(deps)) };
  };
}
