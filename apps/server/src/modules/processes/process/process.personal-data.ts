import type { DataSubject, PersonalDataProvider } from '../../../platform/personal-data.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forgetUser, ticksBy } from './process.repository.ts';

/**
 * The steps a person ticked in guided processes (with their notes), and what they wrote in the
 * processes, feedback and dashboards modules. On erasure the ticks stay (others rely on them) and
 * show as ticked by "borttagen användare"; the person's id leaves every row of these modules.
 */
export const processPersonalData: PersonalDataProvider = {
  key: 'processTicks',
  async collect(deps: Deps, subject: DataSubject) {
    return (await ticksBy(deps.db, subject.userId)).map((r) => ({
      processId: r.process_id,
      process: r.name,
      municipalityCode: r.municipality_code,
      stepId: r.step_id,
      tickedAt: r.ticked_at?.toISOString() ?? null,
      note: r.note,
    }));
  },
  async erase(_deps, trx, _ctx, subject) {
    return forgetUser(trx, subject.userId);
  },
};
