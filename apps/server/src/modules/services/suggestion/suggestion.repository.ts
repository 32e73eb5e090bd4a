import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, ServicePointSuggestionsTable } from '../../../db/schema.ts';

const columns = [
  's.id',
  's.point_id',
  's.proposed_by',
  's.proposed_at',
  's.changes',
  's.comment',
  's.status',
  's.decided_by',
  's.decided_at',
  's.decision_note',
  'p.name as point_name',
  'p.space_id',
  'u.name as proposed_by_name',
] as const;

function base(db: Kysely<Database>) {
  return db
    .selectFrom('service_point_suggestions as s')
    .innerJoin('service_points as p', 'p.id', 's.point_id')
    .leftJoin('users as u', 'u.id', 's.proposed_by')
    .select(columns);
}

export type SuggestionRow = NonNullable<Awaited<ReturnType<typeof findSuggestion>>>;

export function findSuggestion(db: Kysely<Database>, id: string) {
  return base(db).where('s.id', '=', id).executeTakeFirst();
}

export function lockSuggestion(db: Kysely<Database>, id: string) {
  return db.selectFrom('service_point_suggestions').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listSuggestionsOfPoint(db: Kysely<Database>, pointId: string, onlyBy: string | null) {
  let query = base(db).where('s.point_id', '=', pointId);
  if (onlyBy) query = query.where('s.proposed_by', '=', onlyBy);
  return query.orderBy('s.proposed_at', 'desc').execute();
}

export function listSuggestionsOfSpace(db: Kysely<Database>, spaceId: string, status: string | undefined) {
  let query = base(db).where('p.space_id', '=', spaceId);
  if (status) query = query.where('s.status', '=', status as never);
  return query.orderBy('s.proposed_at', 'asc').limit(1000).execute();
}

export function insertSuggestion(db: Kysely<Database>, values: Insertable<ServicePointSuggestionsTable>) {
  return db.insertInto('service_point_suggestions').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateSuggestion(db: Kysely<Database>, id: string, values: Updateable<ServicePointSuggestionsTable>) {
  return db.updateTable('service_point_suggestions').set(values).where('id', '=', id).execute();
}

/** Those to tell about a new suggestion: the space's admins and facilitators, with their language. */
export function listSpaceLeaders(db: Kysely<Database>, spaceId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.language'])
    .where('m.space_id', '=', spaceId)
    .where('m.role', 'in', ['space_admin', 'facilitator'])
    .where('u.disabled_at', 'is', null)
    .execute();
}

export function findUserContact(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').select(['email', 'language']).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
}
