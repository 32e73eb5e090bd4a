import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, ServicePlanCommentsTable } from '../../../db/schema.ts';

function comments(db: Kysely<Database>) {
  return db
    .selectFrom('service_plan_comments as c')
    .innerJoin('service_plan_versions as v', 'v.id', 'c.version_id')
    .leftJoin('localities as l', 'l.id', 'c.locality_id')
    .select(['c.id', 'c.plan_id', 'c.body', 'c.author_name', 'c.status', 'c.response', 'c.created_at', 'c.moderated_at', 'v.number as version_number', 'l.name as locality_name']);
}

export type CommentRow = Awaited<ReturnType<typeof findComment>> & {};

export function listComments(db: Kysely<Database>, planId: string, onlyPublished: boolean) {
  let query = comments(db).where('c.plan_id', '=', planId);
  if (onlyPublished) query = query.where('c.status', '=', 'published');
  return query.orderBy('c.created_at').execute();
}

export function findComment(db: Kysely<Database>, planId: string, id: string) {
  return comments(db).where('c.plan_id', '=', planId).where('c.id', '=', id).executeTakeFirst();
}

export function latestConsultationVersion(db: Kysely<Database>, planId: string) {
  return db
    .selectFrom('service_plan_versions')
    .select(['id', 'number'])
    .where('plan_id', '=', planId)
    .where('status', '=', 'consultation')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function insertComment(db: Kysely<Database>, values: Insertable<ServicePlanCommentsTable>) {
  return db.insertInto('service_plan_comments').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateComment(db: Kysely<Database>, id: string, values: Updateable<ServicePlanCommentsTable>) {
  return db.updateTable('service_plan_comments').set(values).where('id', '=', id).execute();
}

// --- people's data: export and erasure ---

export function commentsOfUser(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('service_plan_comments as c')
    .innerJoin('service_plans as p', 'p.id', 'c.plan_id')
    .select(['c.id', 'c.plan_id', 'p.title as plan_title', 'c.body', 'c.author_name', 'c.status', 'c.response', 'c.created_at'])
    .where('c.user_id', '=', userId)
    .orderBy('c.created_at')
    .execute();
}

export async function anonymiseCommentsOf(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.updateTable('service_plan_comments').set({ author_name: null }).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
