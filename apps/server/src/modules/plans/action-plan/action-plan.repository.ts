import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { ActionPlanFollowUpsTable, ActionPlansTable, Database } from '../../../db/schema.ts';

export type ActionPlanRow = NonNullable<Awaited<ReturnType<typeof findActionPlan>>>;

export function findActionPlan(db: Kysely<Database>, id: string) {
  return db.selectFrom('action_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export function plansOfAgreement(db: Kysely<Database>, agreementId: string) {
  return db.selectFrom('action_plans').select(['id', 'title', 'status']).where('agreement_id', '=', agreementId).orderBy(sql`lower(title)`).execute();
}

export function listActionPlans(db: Kysely<Database>, spaceId: string) {
  return db
    .selectFrom('action_plans as p')
    .selectAll('p')
    .select((eb) => [
      eb.selectFrom('measures as m').select(sql<number>`count(*)`.as('n')).whereRef('m.action_plan_id', '=', 'p.id').as('measure_count'),
      eb.selectFrom('measures as m').select(sql<number>`count(*)`.as('n')).whereRef('m.action_plan_id', '=', 'p.id').where('m.status', '=', 'done').as('measures_done'),
    ])
    .where('p.space_id', '=', spaceId)
    .orderBy(sql`lower(p.title)`)
    .execute();
}

export function insertActionPlan(db: Kysely<Database>, values: Insertable<ActionPlansTable>) {
  return db.insertInto('action_plans').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateActionPlan(db: Kysely<Database>, id: string, values: Updateable<ActionPlansTable>) {
  return db.updateTable('action_plans').set(values).where('id', '=', id).execute();
}

export function goalsOf(db: Kysely<Database>, planId: string) {
  return db.selectFrom('action_plan_goals').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}

export function findGoal(db: Kysely<Database>, goalId: string) {
  return db.selectFrom('action_plan_goals').selectAll().where('id', '=', goalId).executeTakeFirst();
}

/** Replaces the plan's goals: those given with an id are kept (and renamed), new ones added, the rest removed. */
export async function replaceGoals(db: Kysely<Database>, planId: string, goals: { id?: string | undefined; title: string; description?: string | undefined }[]) {
  const keep = goals.filter((g) => g.id).map((g) => g.id!);
  let removal = db.deleteFrom('action_plan_goals').where('plan_id', '=', planId);
  if (keep.length) removal = removal.where('id', 'not in', keep);
  await removal.execute();
  for (const [position, goal] of goals.entries()) {
    if (goal.id) await db.updateTable('action_plan_goals').set({ position, title: goal.title, description: goal.description ?? '' }).where('id', '=', goal.id).where('plan_id', '=', planId).execute();
    else await db.insertInto('action_plan_goals').values({ plan_id: planId, position, title: goal.title, description: goal.description ?? '' }).execute();
  }
}

export function followUpsOf(db: Kysely<Database>, planId: string) {
  return db.selectFrom('action_plan_follow_ups').selectAll().where('plan_id', '=', planId).orderBy('version', 'desc').execute();
}

export async function insertFollowUp(db: Kysely<Database>, values: Omit<Insertable<ActionPlanFollowUpsTable>, 'version'>) {
  const { max } = await db
    .selectFrom('action_plan_follow_ups')
    .select(sql<number | null>`max(version)`.as('max'))
    .where('plan_id', '=', values.plan_id)
    .executeTakeFirstOrThrow();
  return db
    .insertInto('action_plan_follow_ups')
    .values({ ...values, version: (max ?? 0) + 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Locks the plan's row so two follow-ups recorded at once get different version numbers. */
export function lockActionPlan(db: Kysely<Database>, id: string) {
  return db.selectFrom('action_plans').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}
