import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/**
 * The platform's own data as completion criteria read it: one municipality of one space. These
 * read other modules' tables for counts only (the read side of ADR 0018), never writing them.
 */
export interface Where {
  spaceId: string;
  municipalityCode: string;
  now: Date;
}

/** Per local working group in the municipality: members by sector of the organisation they represent, and youth. */
export function groupComposition(db: Kysely<Database>, w: Where) {
  return db
    .selectFrom('working_groups as g')
    .leftJoin('working_group_members as m', 'm.group_id', 'g.id')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      'g.id',
      sql<number>`count(*) filter (where o.sector = 'public')::int`.as('public'),
      sql<number>`count(*) filter (where o.sector = 'private')::int`.as('private'),
      sql<number>`count(*) filter (where o.sector = 'civil_society')::int`.as('civil_society'),
      sql<number>`count(*) filter (where m.youth_representative)::int`.as('youth'),
    ])
    .where('g.space_id', '=', w.spaceId)
    .where('g.municipality_code', '=', w.municipalityCode)
    .where('g.kind', '=', 'local')
    .groupBy('g.id')
    .execute();
}

/** Events of the kind held (ended, not cancelled) with attendance recorded (someone checked in). */
export async function eventsHeldWithAttendance(db: Kysely<Database>, w: Where, kind: string | undefined): Promise<number> {
  let q = db
    .selectFrom('events as e')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('e.space_id', '=', w.spaceId)
    .where('e.municipality_code', '=', w.municipalityCode)
    .where('e.status', '=', 'scheduled')
    .where('e.ends_at', '<=', w.now)
    .where(({ exists, selectFrom }) => exists(selectFrom('registrations as r').select('r.id').whereRef('r.event_id', '=', 'e.id').where('r.checked_in_at', 'is not', null)));
  if (kind) q = q.where('e.kind', '=', kind as never);
  return (await q.executeTakeFirstOrThrow()).n;
}

export async function inputsCollected(db: Kysely<Database>, w: Where): Promise<number> {
  const row = await db
    .selectFrom('inputs')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('space_id', '=', w.spaceId)
    .where('municipality_code', '=', w.municipalityCode)
    .where('hidden_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Feedback answers from the municipality's test sessions that have been held. */
export async function testSessionAnswers(db: Kysely<Database>, w: Where): Promise<number> {
  const row = await db
    .selectFrom('feedback_answers as a')
    .innerJoin('feedback_forms as f', 'f.id', 'a.form_id')
    .innerJoin('events as e', 'e.id', 'f.event_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('e.space_id', '=', w.spaceId)
    .where('e.municipality_code', '=', w.municipalityCode)
    .where('e.kind', '=', 'test_session')
    .where('e.status', '=', 'scheduled')
    .where('e.starts_at', '<=', w.now)
    .executeTakeFirstOrThrow();
  return row.n;
}
