import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, OrganisationSuggestionsTable } from '../../../db/schema.ts';

function base(db: Kysely<Database>) {
  return db
    .selectFrom('organisation_suggestions as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .leftJoin('users as u', 'u.id', 's.proposed_by')
    .select(['s.id', 's.organisation_id', 's.proposed_by', 's.proposed_at', 's.changes', 's.comment', 's.status', 's.decided_at', 's.decision_note', 'o.name as organisation_name', 'u.name as proposed_by_name']);
}

export type OrganisationSuggestionRow = NonNullable<Awaited<ReturnType<typeof findOrganisationSuggestion>>>;

export function findOrganisationSuggestion(db: Kysely<Database>, id: string) {
  return base(db).where('s.id', '=', id).executeTakeFirst();
}

export function lockOrganisationSuggestion(db: Kysely<Database>, id: string) {
  return db.selectFrom('organisation_suggestions').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Newest first; `onlyBy` narrows to one proposer's own. */
export function listOrganisationSuggestions(db: Kysely<Database>, organisationId: string, onlyBy: string | null) {
  let query = base(db).where('s.organisation_id', '=', organisationId);
  if (onlyBy) query = query.where('s.proposed_by', '=', onlyBy);
  return query.orderBy('s.proposed_at', 'desc').limit(500).execute();
}

export function insertOrganisationSuggestion(db: Kysely<Database>, values: Insertable<OrganisationSuggestionsTable>) {
  return db.insertInto('organisation_suggestions').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateOrganisationSuggestion(db: Kysely<Database>, id: string, values: Updateable<OrganisationSuggestionsTable>) {
  return db.updateTable('organisation_suggestions').set(values).where('id', '=', id).execute();
}

export function findProposerContact(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').select(['email', 'language']).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
}
