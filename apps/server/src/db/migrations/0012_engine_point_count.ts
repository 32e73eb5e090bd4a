import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // The number of points an analysis was made from, kept rather than counted from the points'
  // JSON (1–2 MB for a national inventory) on every read of an analysis, e.g. every progress poll.
  await db.schema.alterTable('analyses').addColumn('point_count', 'integer').execute();
  await sql`update analyses set point_count = jsonb_array_length(points)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
