import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, ModelUseItemsTable } from '../../../db/schema.ts';
import { inCoverageScope, type CoverageScope } from '../../agenda2030/coverage/coverage-scope.ts';

export type ModelRow = NonNullable<Awaited<ReturnType<typeof findModel>>>;
export type ModelUseRow = Awaited<ReturnType<typeof usesOf>>[number];

const modelColumns = ['models.id', 'models.title', 'models.version', 'models.content', 'models.origin_municipality_code', 'models.imported', 'models.created_by', 'models.created_at', 'models.updated_at'] as const;

export function findModel(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('models')
    .leftJoin('municipalities', 'municipalities.code', 'models.origin_municipality_code')
    .select(modelColumns)
    .select('municipalities.name as origin_municipality_name')
    .where('models.id', '=', id)
    .executeTakeFirst();
}

export function listModels(db: Kysely<Database>) {
  return db
    .selectFrom('models')
    .leftJoin('municipalities', 'municipalities.code', 'models.origin_municipality_code')
    .select(modelColumns)
    .select('municipalities.name as origin_municipality_name')
    .orderBy(sql`lower(models.title)`)
    .orderBy('models.id')
    .execute();
}

export function versionsOf(db: Kysely<Database>, modelId: string) {
  return db.selectFrom('model_versions').select(['version', 'created_at']).where('model_id', '=', modelId).orderBy('version').execute();
}

export function insertModel(
  db: Kysely<Database>,
  values: { title: string; version: number; content: string; originMunicipalityCode: string | null; imported: boolean; createdBy: string | null; now: Date },
) {
  return db
    .insertInto('models')
    .values({
      title: values.title,
      version: values.version,
      content: values.content,
      origin_municipality_code: values.originMunicipalityCode,
      imported: values.imported,
      created_by: values.createdBy,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateModel(db: Kysely<Database>, id: string, values: { title: string; version: number; content: string; originMunicipalityCode: string | null; now: Date }) {
  return db
    .updateTable('models')
    .set({ title: values.title, version: values.version, content: values.content, origin_municipality_code: values.originMunicipalityCode, updated_at: values.now })
    .where('id', '=', id)
    .execute();
}

export function insertVersion(db: Kysely<Database>, values: { modelId: string; version: number; content: string; createdBy: string | null; now: Date }) {
  return db
    .insertInto('model_versions')
    .values({ model_id: values.modelId, version: values.version, content: values.content, created_by: values.createdBy, created_at: values.now })
    .execute();
}

/** Uses of the given models (all of them without a list), with their space and municipality. */
export function usesOf(db: Kysely<Database>, filter: { modelIds?: string[]; spaceId?: string; useId?: string }) {
  let query = db
    .selectFrom('model_uses as u')
    .innerJoin('models as m', 'm.id', 'u.model_id')
    .innerJoin('spaces as s', 's.id', 'u.space_id')
    .innerJoin('municipalities as mu', 'mu.code', 'u.municipality_code')
    .select([
      'u.id',
      'u.model_id',
      'u.version',
      'u.space_id',
      'u.municipality_code',
      'u.adaptation',
      'u.outcome',
      'u.applied_at',
      'm.title as model_title',
      'm.origin_municipality_code',
      's.name as space_name',
      'mu.name as municipality_name',
    ]);
  if (filter.modelIds) {
    if (filter.modelIds.length === 0) return Promise.resolve([]);
    query = query.where('u.model_id', 'in', filter.modelIds);
  }
  if (filter.spaceId) query = query.where('u.space_id', '=', filter.spaceId);
  if (filter.useId) query = query.where('u.id', '=', filter.useId);
  return query.orderBy('mu.name').orderBy('u.applied_at').execute();
}

export function findUse(db: Kysely<Database>, modelId: string, spaceId: string, municipalityCode: string) {
  return db
    .selectFrom('model_uses')
    .select(['id', 'version'])
    .where('model_id', '=', modelId)
    .where('space_id', '=', spaceId)
    .where('municipality_code', '=', municipalityCode)
    .executeTakeFirst();
}

/** The use of a model in a space and municipality, made once: a second apply finds the first row. */
export async function ensureUse(db: Kysely<Database>, values: { modelId: string; version: number; spaceId: string; municipalityCode: string; appliedBy: string | null; now: Date }) {
  await db
    .insertInto('model_uses')
    .values({
      model_id: values.modelId,
      version: values.version,
      space_id: values.spaceId,
      municipality_code: values.municipalityCode,
      applied_by: values.appliedBy,
      applied_at: values.now,
      updated_at: values.now,
    })
    .onConflict((oc) => oc.columns(['model_id', 'space_id', 'municipality_code']).doUpdateSet({ version: values.version, updated_at: values.now }))
    .execute();
  return (await findUse(db, values.modelId, values.spaceId, values.municipalityCode))!;
}

export function updateUseNotes(db: Kysely<Database>, id: string, values: { adaptation?: string; outcome?: string; now: Date }) {
  return db
    .updateTable('model_uses')
    .set({
      ...(values.adaptation !== undefined ? { adaptation: values.adaptation } : {}),
      ...(values.outcome !== undefined ? { outcome: values.outcome } : {}),
      updated_at: values.now,
    })
    .where('id', '=', id)
    .execute();
}

export function itemsOf(db: Kysely<Database>, useIds: string[]) {
  if (useIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('model_use_items').selectAll().where('use_id', 'in', useIds).orderBy('position').orderBy('item_key').execute();
}

/**
 * Claims a template item for this use before it is created: only one apply gets the claim, so two
 * applies at once never both create it. Answers whether this caller got it.
 */
export async function claimItem(db: Kysely<Database>, values: Insertable<ModelUseItemsTable>): Promise<boolean> {
  const row = await db
    .insertInto('model_use_items')
    .values(values)
    .onConflict((oc) => oc.columns(['use_id', 'item_key']).doNothing())
    .returning('item_key')
    .executeTakeFirst();
  return row !== undefined;
}

/** What the claimed item became. */
export function setItemResource(db: Kysely<Database>, useId: string, key: string, resourceId: string | null) {
  return db.updateTable('model_use_items').set({ resource_id: resourceId }).where('use_id', '=', useId).where('item_key', '=', key).execute();
}

/** Gives a claim back when the item could not be created (a later apply tries again). */
export function releaseItem(db: Kysely<Database>, useId: string, key: string) {
  return db.deleteFrom('model_use_items').where('use_id', '=', useId).where('item_key', '=', key).execute();
}

export function itemResource(db: Kysely<Database>, useId: string, key: string) {
  return db.selectFrom('model_use_items').select('resource_id').where('use_id', '=', useId).where('item_key', '=', key).executeTakeFirst();
}

/** Models created or uses applied by a user (for their data export). */
export function modelsByUser(db: Kysely<Database>, userId: string) {
  return db.selectFrom('models').select(['id', 'title', 'created_at']).where('created_by', '=', userId).orderBy('created_at').execute();
}

export function usesByUser(db: Kysely<Database>, userId: string) {
  return db.selectFrom('model_uses').select(['id', 'model_id', 'space_id', 'municipality_code', 'applied_at']).where('applied_by', '=', userId).orderBy('applied_at').execute();
}

/** Forgets who wrote models and applied them (account deletion); answers the rows touched. */
export async function forgetUser(db: Kysely<Database>, userId: string): Promise<number> {
  const a = await db.updateTable('models').set({ created_by: null }).where('created_by', '=', userId).executeTakeFirst();
  const b = await db.updateTable('model_versions').set({ created_by: null }).where('created_by', '=', userId).executeTakeFirst();
  const c = await db.updateTable('model_uses').set({ applied_by: null }).where('applied_by', '=', userId).executeTakeFirst();
  return Number(a.numUpdatedRows) + Number(b.numUpdatedRows) + Number(c.numUpdatedRows);
}

/** Agenda 2030 coverage: the uses of models in the scope's spaces and municipalities, oldest first, with the model's content (its goals). */
export function usesInCoverageScope(db: Kysely<Database>, scope: CoverageScope) {
  return db
    .selectFrom('model_uses as u')
    .innerJoin('models as m', 'm.id', 'u.model_id')
    .select(['m.id', 'm.title', 'm.content', 'u.space_id', 'u.municipality_code', 'u.applied_at'])
    .where(inCoverageScope(scope, 'u.space_id', 'u.municipality_code'))
    .orderBy('u.applied_at')
    .execute();
}
