import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/**
 * The platform's own data as completion criteria read it: per municipality of a space. These read
 * other modules' tables for counts only (the read side of ADR 0018), never writing them. Each
 * query answers for every (space, municipality) asked at once, grouped by both, so a page of
 * processes costs one query per criterion kind, not one per process and step.
 */
export interface Place {
  spaceId: string;
  municipalityCode: string;
}

export const placeKey = (spaceId: string, municipalityCode: string | null) => `${spaceId}/${municipalityCode ?? ''}`;

const spaceIdsOf = (places: Place[]) => [...new Set(places.map((p) => p.spaceId))];
const codesOf = (places: Place[]) => [...new Set(places.map((p) => p.municipalityCode))];

/** Per local working group of the places: members by sector of the organisation they represent, and youth. */
export function groupCompositions(db: Kysely<Database>, places: Place[]) {
  if (places.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('working_groups as g')
    .leftJoin('working_group_members as m', 'm.group_id', 'g.id')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      'g.id',
      'g.space_id',
      'g.municipality_code',
      sql<number>`count(*) filter (where o.sector = 'public')::int`.as('public'),
      sql<number>`count(*) filter (where o.sector = 'private')::int`.as('private'),
      sql<number>`count(*) filter (where o.sector = 'civil_society')::int`.as('civil_society'),
      sql<number>`count(*) filter (where m.youth_representative)::int`.as('youth'),
    ])
    .where('g.space_id', 'in', spaceIdsOf(places))
    .where('g.municipality_code', 'in', codesOf(places))
    .where('g.kind', '=', 'local')
    .groupBy('g.id')
    .execute();
}

/** Events held (ended, not cancelled) with attendance recorded (someone checked in), per place and kind. */
export function eventsHeldWithAttendance(db: Kysely<Database>, places: Place[], now: Date) {
  if (places.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('events as e')
    .select(['e.space_id', 'e.municipality_code', 'e.kind', sql<number>`count(*)::int`.as('n')])
    .where('e.space_id', 'in', spaceIdsOf(places))
    .where('e.municipality_code', 'in', codesOf(places))
    .where('e.status', '=', 'scheduled')
    .where('e.ends_at', '<=', now)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('registrations as r').select('r.id').whereRef('r.event_id', '=', 'e.id').where('r.checked_in_at', 'is not', null)),
    )
    .groupBy(['e.space_id', 'e.municipality_code', 'e.kind'])
    .execute();
}

/** Inputs (not hidden) per place. */
export function inputsCollected(db: Kysely<Database>, places: Place[]) {
  if (places.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inputs')
    .select(['space_id', 'municipality_code', sql<number>`count(*)::int`.as('n')])
    .where('space_id', 'in', spaceIdsOf(places))
    .where('municipality_code', 'in', codesOf(places))
    .where('hidden_at', 'is', null)
    .groupBy(['space_id', 'municipality_code'])
    .execute();
}

/** Feedback answers from each place's test sessions that have been held. */
export function testSessionAnswers(db: Kysely<Database>, places: Place[], now: Date) {
  if (places.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('feedback_answers as a')
    .innerJoin('feedback_forms as f', 'f.id', 'a.form_id')
    .innerJoin('events as e', 'e.id', 'f.event_id')
    .select(['e.space_id', 'e.municipality_code', sql<number>`count(*)::int`.as('n')])
    .where('e.space_id', 'in', spaceIdsOf(places))
    .where('e.municipality_code', 'in', codesOf(places))
    .where('e.kind', '=', 'test_session')
    .where('e.status', '=', 'scheduled')
    .where('e.starts_at', '<=', now)
    .groupBy(['e.space_id', 'e.municipality_code'])
    .execute();
}

/**
 * The adopted action plans of the places' spaces (status active, or ended after it ran), each with
 * the municipalities its measures name (null for a measure without one, or a plan without
 * measures). An action plan has no municipality of its own: it is a municipality's plan where its
 * measures name that municipality, and the whole space's where none does.
 */
export function adoptedActionPlans(db: Kysely<Database>, places: Place[]) {
  if (places.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('action_plans as p')
    .leftJoin('measures as m', 'm.action_plan_id', 'p.id')
    .select(['p.id', 'p.space_id', 'm.municipality_code'])
    .where('p.space_id', 'in', spaceIdsOf(places))
    .where('p.status', 'in', ['active', 'ended'])
    .groupBy(['p.id', 'p.space_id', 'm.municipality_code'])
    .execute();
}
