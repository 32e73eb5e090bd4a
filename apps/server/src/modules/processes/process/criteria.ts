import type { CriterionKind } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { CriterionValue } from '../template/template.table.ts';
import { eventsHeldWithAttendance, groupComposition, inputsCollected, testSessionAnswers, type Where } from './criteria.repository.ts';

/** What the data shows for a criterion: met or not, and how far (e.g. 7 of 10 inputs). */
export interface CriterionState {
  met: boolean;
  value: number;
  target: number;
}

export type CriterionChecker = (db: Kysely<Database>, where: Where, criterion: CriterionValue) => Promise<CriterionState>;

const atLeast = (value: number, target: number): CriterionState => ({ met: value >= target, value, target });

/**
 * The criteria the platform checks from its own data, one function per kind. A kind missing here
 * (an action plan adopted, until the plans module lands) is ticked by a facilitator with a note;
 * adding its checker is all it takes for the platform to check it.
 */
export const CRITERIA: Partial<Record<CriterionKind, CriterionChecker>> = {
  /** A local working group with at least `min` (4) public, private and civil-society members and one young person. */
  async working_group_complete(db, where, criterion) {
    const perSector = criterion.min ?? 4;
    const target = perSector * 3 + 1;
    let best = 0;
    for (const g of await groupComposition(db, where)) {
      const score =
        Math.min(g.public, perSector) + Math.min(g.private, perSector) + Math.min(g.civil_society, perSector) + Math.min(g.youth, 1);
      best = Math.max(best, score);
    }
    return { met: best >= target, value: best, target };
  },
  async event_held(db, where, criterion) {
    return atLeast(await eventsHeldWithAttendance(db, where, criterion.eventKind), criterion.min ?? 1);
  },
  async inputs_collected(db, where, criterion) {
    return atLeast(await inputsCollected(db, where), criterion.min ?? 10);
  },
  async test_session_feedback(db, where, criterion) {
    return atLeast(await testSessionAnswers(db, where), criterion.min ?? 1);
  },
};

export const isPlatformChecked = (criterion: CriterionValue | null): criterion is CriterionValue => !!criterion && !!CRITERIA[criterion.kind];
