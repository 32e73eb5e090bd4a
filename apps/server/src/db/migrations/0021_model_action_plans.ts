import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // Applying a model now creates a draft action plan (plans module) with the template's goals.
  await sql`alter table model_use_items drop constraint if exists model_use_items_item_type_check`.execute(db);
  await sql`alter table model_use_items add constraint model_use_items_item_type_check check (item_type in ('working_group', 'event', 'board', 'service_plan', 'survey', 'action_plan_goal', 'action_plan'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table model_use_items drop constraint if exists model_use_items_item_type_check`.execute(db);
  await sql`alter table model_use_items add constraint model_use_items_item_type_check check (item_type in ('working_group', 'event', 'board', 'service_plan', 'survey', 'action_plan_goal'))`.execute(db);
}
