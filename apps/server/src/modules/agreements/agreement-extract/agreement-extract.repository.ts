import type { Insertable, Kysely } from 'kysely';
import type { AgreementAdoptionExtractsTable, Database } from '../../../db/schema.ts';

/** The protocol extracts of these decisions. */
export function extractsOf(db: Kysely<Database>, adoptionIds: string[]) {
  if (adoptionIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('agreement_adoption_extracts').selectAll().where('adoption_id', 'in', adoptionIds).execute();
}
export type ExtractRow = Awaited<ReturnType<typeof extractsOf>>[number];

export function findExtract(db: Kysely<Database>, adoptionId: string) {
  return db.selectFrom('agreement_adoption_extracts').selectAll().where('adoption_id', '=', adoptionId).executeTakeFirst();
}

/** Removes the decision's extract row (if any) and says which stored file it described. */
export function deleteExtract(db: Kysely<Database>, adoptionId: string) {
  return db.deleteFrom('agreement_adoption_extracts').where('adoption_id', '=', adoptionId).returning('stored_name').executeTakeFirst();
}

export function insertExtract(db: Kysely<Database>, values: Insertable<AgreementAdoptionExtractsTable>) {
  return db.insertInto('agreement_adoption_extracts').values(values).execute();
}
