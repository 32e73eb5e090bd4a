import type { CriterionKind } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { CriterionValue } from '../template/template.table.ts';
import {
  adoptedActionPlans,
  eventsHeldWithAttendance,
  groupCompositions,
  inputsCollected,
  placeKey,
  testSessionAnswers,
  type Place,
} from './criteria.repository.ts';

export type { Place } from './criteria.repository.ts';

/** What the data shows for a criterion: met or not, and how far (e.g. 7 of 10 inputs). */
export interface CriterionState {
  met: boolean;
  value: number;
  target: number;
}

/**
 * Reads what a kind of criterion needs for every place at once (one query), and answers for
 * each place and criterion from that.
 */
export type CriterionChecker = (
  db: Kysely<Database>,
  places: Place[],
  now: Date,
) => Promise<(place: Place, criterion: CriterionValue) => CriterionState>;

const atLeast = (value: number, target: number): CriterionState => ({ met: value >= target, value, target });
const key = (p: Place) => placeKey(p.spaceId, p.municipalityCode);

/** Counts by place (and optionally a sub-key), summed. */
function tally<R extends { space_id: string; municipality_code: string | null; n: number }>(rows: R[], sub?: (r: R) => string) {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = placeKey(r.space_id, r.municipality_code);
    counts.set(k, (counts.get(k) ?? 0) + r.n);
    if (sub) counts.set(`${k}/${sub(r)}`, (counts.get(`${k}/${sub(r)}`) ?? 0) + r.n);
  }
  return counts;
}

/**
 * The criteria the platform checks from its own data, one checker per kind. A kind missing here
 * is ticked by a facilitator with a note; adding its checker is all it takes for the platform to
 * check it.
 */
export const CRITERIA: Partial<Record<CriterionKind, CriterionChecker>> = {
  /** A local working group with at least `min` (4) public, private and civil-society members and one young person. */
  async working_group_complete(db, places) {
    const groups = await groupCompositions(db, places);
    return (place, criterion) => {
      const perSector = criterion.min ?? 4;
      const target = perSector * 3 + 1;
      let best = 0;
      for (const g of groups) {
        if (g.space_id !== place.spaceId || g.municipality_code !== place.municipalityCode) continue;
        const score =
          Math.min(g.public, perSector) + Math.min(g.private, perSector) + Math.min(g.civil_society, perSector) + Math.min(g.youth, 1);
        best = Math.max(best, score);
      }
      return { met: best >= target, value: best, target };
    };
  },
  async event_held(db, places, now) {
    const counts = tally(await eventsHeldWithAttendance(db, places, now), (r) => r.kind);
    return (place, criterion) =>
      atLeast(counts.get(criterion.eventKind ? `${key(place)}/${criterion.eventKind}` : key(place)) ?? 0, criterion.min ?? 1);
  },
  async inputs_collected(db, places) {
    const counts = tally(await inputsCollected(db, places));
    return (place, criterion) => atLeast(counts.get(key(place)) ?? 0, criterion.min ?? 10);
  },
  /**
   * An action plan adopted (status active, or ended) in the space, and for the process's
   * municipality where the plan names municipalities through its measures; a plan whose measures
   * name none is the whole space's. Back to open when the plan returns to draft or is removed.
   */
  async action_plan_adopted(db, places) {
    const municipalities = new Map<string, { spaceId: string; codes: Set<string> }>();
    for (const r of await adoptedActionPlans(db, places)) {
      const plan = municipalities.get(r.id) ?? { spaceId: r.space_id, codes: new Set<string>() };
      if (r.municipality_code) plan.codes.add(r.municipality_code);
      municipalities.set(r.id, plan);
    }
    return (place) => {
      let n = 0;
      for (const plan of municipalities.values())
        if (plan.spaceId === place.spaceId && (plan.codes.size === 0 || plan.codes.has(place.municipalityCode))) n++;
      return atLeast(n, 1);
    };
  },
  async test_session_feedback(db, places, now) {
    const counts = tally(await testSessionAnswers(db, places, now));
    return (place, criterion) => atLeast(counts.get(key(place)) ?? 0, criterion.min ?? 1);
  },
};

export const isPlatformChecked = (criterion: CriterionValue | null): criterion is CriterionValue =>
  !!criterion && !!CRITERIA[criterion.kind];

/**
 * Every platform-checked step of these processes against the data as it is now: one query per
 * kind of criterion the processes use, whatever their number. By process id, then step id.
 */
export async function checkCriteria(
  db: Kysely<Database>,
  processes: {
    id: string;
    space_id: string;
    municipality_code: string;
    phases: { steps: { id: string; criterion: CriterionValue | null }[] }[];
  }[],
  now: Date,
): Promise<Map<string, Map<string, CriterionState>>> {
  const places = [
    ...new Map(
      processes.map((p) => [placeKey(p.space_id, p.municipality_code), { spaceId: p.space_id, municipalityCode: p.municipality_code }]),
    ).values(),
  ];
  const kinds = new Set(
    processes.flatMap((p) =>
      p.phases
        .flatMap((ph) => ph.steps.map((s) => s.criterion))
        .filter(isPlatformChecked)
        .map((c) => c.kind),
    ),
  );
  const checkers = new Map(await Promise.all([...kinds].map(async (kind) => [kind, await CRITERIA[kind]!(db, places, now)] as const)));
  const result = new Map<string, Map<string, CriterionState>>();
  for (const p of processes) {
    const states = new Map<string, CriterionState>();
    const place = { spaceId: p.space_id, municipalityCode: p.municipality_code };
    for (const step of p.phases.flatMap((ph) => ph.steps))
      if (isPlatformChecked(step.criterion)) states.set(step.id, checkers.get(step.criterion.kind)!(place, step.criterion));
    result.set(p.id, states);
  }
  return result;
}
