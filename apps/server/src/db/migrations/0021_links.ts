import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // Action plans and agreements were built apart (0013, 0014): the plan's agreement_id got no
  // foreign key. A plan whose agreement is gone loses the link; deleting an agreement keeps the plan.
  await sql`update action_plans set agreement_id = null where agreement_id is not null and agreement_id not in (select id from agreements)`.execute(db);
  await db.schema
    .alterTable('action_plans')
    .addForeignKeyConstraint('action_plans_agreement_fk', ['agreement_id'], 'agreements', ['id'], (c) => c.onDelete('set null'))
    .execute();
  await db.schema.createIndex('action_plans_agreement_idx').on('action_plans').column('agreement_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
