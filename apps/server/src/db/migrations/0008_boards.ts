import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;

  // A live workshop board for an event. `seq` is the board's last change number: every change
  // takes the next one under the row lock, so changes are numbered without gaps in commit order.
  await db.schema
    .createTable('boards')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`))
    .addColumn('voting', 'text', (c) => c.notNull().defaultTo('closed').check(sql`voting in ('open', 'closed')`))
    .addColumn('dots_per_participant', 'integer', (c) => c.notNull().defaultTo(3).check(sql`dots_per_participant between 1 and 20`))
    .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('closed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('boards_event_idx').on('boards').column('event_id').execute();

  await db.schema
    .createTable('board_prompts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('archived', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('board_prompts_board_idx').on('board_prompts').column('board_id').execute();

  // Breakout groups: optional, chosen by the participant when joining.
  await db.schema
    .createTable('board_groups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('archived', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('board_groups_board_idx').on('board_groups').column('board_id').execute();

  // Someone who joined with the code, without an account; the token is stored only as a keyed hash.
  await db.schema
    .createTable('board_participants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('sector', 'text', (c) => c.check(sql`sector in ('public', 'private', 'civil_society', 'academia')`))
    .addColumn('age_group', 'text', (c) => c.check(sql`age_group in ('under_16', '16_25', '26_64', '65_plus')`))
    .addColumn('group_id', 'uuid', (c) => c.references('board_groups.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('board_participants_board_idx').on('board_participants').column('board_id').execute();

  await db.schema
    .createTable('board_clusters')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    .addColumn('prompt_id', 'uuid', (c) => c.notNull().references('board_prompts.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('board_clusters_board_idx').on('board_clusters').column('board_id').execute();

  await db.schema
    .createTable('board_notes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    // The board's change number when the note was posted: notes are shown in this order.
    .addColumn('number', 'bigint', (c) => c.notNull())
    .addColumn('prompt_id', 'uuid', (c) => c.notNull().references('board_prompts.id'))
    .addColumn('group_id', 'uuid', (c) => c.references('board_groups.id').onDelete('set null'))
    .addColumn('cluster_id', 'uuid', (c) => c.references('board_clusters.id').onDelete('set null'))
    .addColumn('position', 'double precision', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'uuid', (c) => c.references('board_participants.id').onDelete('set null'))
    .addColumn('author_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    // The client's idempotency key: a retried post returns the note it already made.
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('hidden', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('merged_into', 'uuid', (c) => c.references('board_notes.id').onDelete('set null'))
    .addColumn('input_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('board_notes_client_key', ['board_id', 'client_key'])
    .execute();
  await db.schema.createIndex('board_notes_participant_idx').on('board_notes').columns(['participant_id', 'created_at']).execute();

  await db.schema
    .createTable('board_votes')
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    .addColumn('participant_id', 'uuid', (c) => c.notNull().references('board_participants.id').onDelete('cascade'))
    .addColumn('note_id', 'uuid', (c) => c.notNull().references('board_notes.id').onDelete('cascade'))
    .addColumn('dots', 'integer', (c) => c.notNull().check(sql`dots > 0`))
    .addPrimaryKeyConstraint('board_votes_pkey', ['participant_id', 'note_id'])
    .execute();
  await db.schema.createIndex('board_votes_note_idx').on('board_votes').column('note_id').execute();

  // The change log a reconnecting client catches up from: one row per change, numbered per board.
  await db.schema
    .createTable('board_changes')
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('change', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('board_changes_pkey', ['board_id', 'seq'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
