import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // The feedback form editor (issue 12 §2): a form may leave out the questions on the respondent's
  // sector and age group (both were always asked before, so existing forms keep asking them).
  await sql`alter table feedback_forms add column ask_sector boolean not null default true`.execute(db);
  await sql`alter table feedback_forms add column ask_age_group boolean not null default true`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
