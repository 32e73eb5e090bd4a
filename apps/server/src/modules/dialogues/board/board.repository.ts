import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { BoardNotesTable, BoardsTable, Database } from '../../../db/schema.ts';

export type BoardRow = Selectable<BoardsTable>;
export type NoteRow = Selectable<BoardNotesTable>;
export type ParticipantRow = Selectable<Database['board_participants']>;

export function findBoard(db: Kysely<Database>, id: string) {
  return db.selectFrom('boards').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The board, locked for the caller's transaction (its change number is handed out under this lock). */
export function lockBoard(db: Kysely<Database>, id: string) {
  return db.selectFrom('boards').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function hiddenNoteIds(db: Kysely<Database>, boardId: string) {
  return db.selectFrom('board_notes').select('id').where('board_id', '=', boardId).where('hidden', '=', true).execute();
}

/** A note under any of the prompts, if there is one. */
export function anyNoteUnder(db: Kysely<Database>, promptIds: string[]) {
  return db.selectFrom('board_notes').select('prompt_id').where('prompt_id', 'in', promptIds).executeTakeFirst();
}

export function findOpenBoardByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('boards').selectAll().where('code', '=', code).where('status', '=', 'open').executeTakeFirst();
}

export function listBoardsOfEvent(db: Kysely<Database>, eventId: string) {
  return db
    .selectFrom('boards')
    .leftJoin('board_notes', 'board_notes.board_id', 'boards.id')
    .select(['boards.id', 'boards.event_id', 'boards.code', 'boards.title', 'boards.status', (eb) => eb.fn.count<number>('board_notes.id').as('notes')])
    .where('boards.event_id', '=', eventId)
    .groupBy('boards.id')
    .orderBy('boards.created_at')
    .execute();
}

export function codeTaken(db: Kysely<Database>, code: string) {
  return db.selectFrom('boards').select('id').where('code', '=', code).executeTakeFirst();
}

export function insertBoard(db: Kysely<Database>, values: Insertable<BoardsTable>) {
  return db.insertInto('boards').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateBoard(db: Kysely<Database>, id: string, values: Updateable<BoardsTable>) {
  return db.updateTable('boards').set(values).where('id', '=', id).execute();
}

/**
 * Takes the board's next change number. The row lock it takes is held until the transaction
 * ends, so the changes of one board commit one after another, in number order.
 */
export async function takeSeq(db: Kysely<Database>, boardId: string) {
  const row = await db
    .updateTable('boards')
    .set({ seq: sql`seq + 1` })
    .where('id', '=', boardId)
    .returning(['seq', 'status', 'voting', 'dots_per_participant'])
    .executeTakeFirstOrThrow();
  return row;
}

export function appendChanges(db: Kysely<Database>, boardId: string, changes: { seq: number; change: unknown }[]) {
  if (changes.length === 0) return Promise.resolve();
  return db
    .insertInto('board_changes')
    .values(changes.map((c) => ({ board_id: boardId, seq: c.seq, change: JSON.stringify(c.change) })))
    .execute();
}

export function changesSince(db: Kysely<Database>, boardId: string, since: number, limit: number) {
  return db
    .selectFrom('board_changes')
    .select(['seq', 'change'])
    .where('board_id', '=', boardId)
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export function currentSeq(db: Kysely<Database>, boardId: string) {
  return db.selectFrom('boards').select('seq').where('id', '=', boardId).executeTakeFirst();
}

// --- prompts and groups ---

export function listPrompts(db: Kysely<Database>, boardId: string) {
  return db.selectFrom('board_prompts').select(['id', 'text']).where('board_id', '=', boardId).where('archived', '=', false).orderBy('position').execute();
}

export function listGroups(db: Kysely<Database>, boardId: string) {
  return db.selectFrom('board_groups').select(['id', 'name']).where('board_id', '=', boardId).where('archived', '=', false).orderBy('position').execute();
}

export function allPromptIds(db: Kysely<Database>, boardId: string) {
  return db.selectFrom('board_prompts').select(['id', 'archived']).where('board_id', '=', boardId).execute();
}

export function allGroupIds(db: Kysely<Database>, boardId: string) {
  return db.selectFrom('board_groups').select(['id', 'archived']).where('board_id', '=', boardId).execute();
}

export function insertPrompts(db: Kysely<Database>, boardId: string, prompts: { text: string; position: number }[]) {
  if (prompts.length === 0) return Promise.resolve();
  return db
    .insertInto('board_prompts')
    .values(prompts.map((p) => ({ board_id: boardId, ...p })))
    .execute();
}

export function updatePrompt(db: Kysely<Database>, id: string, values: { text?: string; position?: number; archived?: boolean }) {
  return db.updateTable('board_prompts').set(values).where('id', '=', id).execute();
}

export function insertGroups(db: Kysely<Database>, boardId: string, groups: { name: string; position: number }[]) {
  if (groups.length === 0) return Promise.resolve();
  return db
    .insertInto('board_groups')
    .values(groups.map((g) => ({ board_id: boardId, ...g })))
    .execute();
}

export function updateGroup(db: Kysely<Database>, id: string, values: { name?: string; position?: number; archived?: boolean }) {
  return db.updateTable('board_groups').set(values).where('id', '=', id).execute();
}

// --- participants ---

export function insertParticipant(db: Kysely<Database>, values: Insertable<Database['board_participants']>) {
  return db.insertInto('board_participants').values(values).returning('id').executeTakeFirstOrThrow();
}

export function findParticipantByToken(db: Kysely<Database>, tokenHash: string) {
  return db.selectFrom('board_participants').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function lockParticipant(db: Kysely<Database>, id: string) {
  return db.selectFrom('board_participants').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

export function countParticipants(db: Kysely<Database>, boardId: string) {
  return db
    .selectFrom('board_participants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('board_id', '=', boardId)
    .executeTakeFirstOrThrow();
}

export function participantsOf(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('board_participants').select(['id', 'name', 'sector', 'age_group']).where('id', 'in', ids).execute();
}

// --- notes ---

export function insertNote(db: Kysely<Database>, values: Insertable<BoardNotesTable>) {
  return db.insertInto('board_notes').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findNote(db: Kysely<Database>, boardId: string, noteId: string) {
  return db.selectFrom('board_notes').selectAll().where('board_id', '=', boardId).where('id', '=', noteId).executeTakeFirst();
}

export function findNoteByClientKey(db: Kysely<Database>, boardId: string, clientKey: string) {
  return db.selectFrom('board_notes').selectAll().where('board_id', '=', boardId).where('client_key', '=', clientKey).executeTakeFirst();
}

export function updateNote(db: Kysely<Database>, noteId: string, values: Updateable<BoardNotesTable>) {
  return db.updateTable('board_notes').set(values).where('id', '=', noteId).returningAll().executeTakeFirstOrThrow();
}

export function listNotes(db: Kysely<Database>, boardId: string) {
  return db.selectFrom('board_notes').selectAll().where('board_id', '=', boardId).orderBy('number').execute();
}

export function notesMergedInto(db: Kysely<Database>, noteIds: string[]) {
  if (noteIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('board_notes').select(['id', 'merged_into', 'text']).where('merged_into', 'in', noteIds).orderBy('number').execute();
}

export function repointMerged(db: Kysely<Database>, fromId: string, toId: string) {
  return db.updateTable('board_notes').set({ merged_into: toId }).where('merged_into', '=', fromId).returning('id').execute();
}

export function recentNotesBy(db: Kysely<Database>, participantId: string, since: Date) {
  return db
    .selectFrom('board_notes')
    .select(['created_at'])
    .where('participant_id', '=', participantId)
    .where('created_at', '>', since)
    .orderBy('created_at')
    .execute();
}

// --- clusters ---

export function listClusters(db: Kysely<Database>, boardId: string) {
  return db.selectFrom('board_clusters').select(['id', 'prompt_id', 'label']).where('board_id', '=', boardId).orderBy('created_at').execute();
}

export function findCluster(db: Kysely<Database>, boardId: string, clusterId: string) {
  return db.selectFrom('board_clusters').select(['id', 'prompt_id', 'label']).where('board_id', '=', boardId).where('id', '=', clusterId).executeTakeFirst();
}

export function insertCluster(db: Kysely<Database>, values: { board_id: string; prompt_id: string; label: string }) {
  return db.insertInto('board_clusters').values(values).returning(['id', 'prompt_id', 'label']).executeTakeFirstOrThrow();
}

export function updateCluster(db: Kysely<Database>, clusterId: string, label: string) {
  return db.updateTable('board_clusters').set({ label }).where('id', '=', clusterId).returning(['id', 'prompt_id', 'label']).executeTakeFirstOrThrow();
}

export function unclusterNotes(db: Kysely<Database>, clusterId: string) {
  return db.updateTable('board_notes').set({ cluster_id: null }).where('cluster_id', '=', clusterId).returningAll().execute();
}

export function deleteCluster(db: Kysely<Database>, clusterId: string) {
  return db.deleteFrom('board_clusters').where('id', '=', clusterId).execute();
}

// --- votes ---

export function voteTotals(db: Kysely<Database>, noteIds: string[]) {
  if (noteIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('board_votes')
    .select(['note_id', (eb) => eb.fn.sum<number>('dots').as('dots')])
    .where('note_id', 'in', noteIds)
    .groupBy('note_id')
    .execute();
}

export function boardVoteTotals(db: Kysely<Database>, boardId: string) {
  return db
    .selectFrom('board_votes')
    .select(['note_id', (eb) => eb.fn.sum<number>('dots').as('dots')])
    .where('board_id', '=', boardId)
    .groupBy('note_id')
    .execute();
}

export function votesOf(db: Kysely<Database>, participantId: string) {
  return db.selectFrom('board_votes').select(['note_id', 'dots']).where('participant_id', '=', participantId).execute();
}

export async function setVote(db: Kysely<Database>, values: { board_id: string; participant_id: string; note_id: string; dots: number }) {
  if (values.dots === 0) {
    await db.deleteFrom('board_votes').where('participant_id', '=', values.participant_id).where('note_id', '=', values.note_id).execute();
    return;
  }
  await db
    .insertInto('board_votes')
    .values(values)
    .onConflict((oc) => oc.columns(['participant_id', 'note_id']).doUpdateSet({ dots: values.dots }))
    .execute();
}

/** A merge carries the dots over: each voter's dots on the source are added to the target. */
export async function moveVotes(db: Kysely<Database>, fromNoteId: string, toNoteId: string) {
  await sql`
    insert into board_votes (board_id, participant_id, note_id, dots)
    select board_id, participant_id, ${toNoteId}, dots from board_votes where note_id = ${fromNoteId}
    on conflict (participant_id, note_id) do update set dots = board_votes.dots + excluded.dots
  `.execute(db);
  await db.deleteFrom('board_votes').where('note_id', '=', fromNoteId).execute();
}

// --- people's data: export and retention ---

/** Notes a signed-in person wrote on boards (anonymous participants cannot be identified). */
export function notesByUser(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('board_notes as n')
    .innerJoin('boards as b', 'b.id', 'n.board_id')
    .select(['n.id', 'n.board_id', 'b.title as board_title', 'n.text', 'n.hidden', 'n.created_at'])
    .where('n.author_user_id', '=', userId)
    .orderBy('n.created_at')
    .execute();
}

/** Forgets the names participants gave on boards closed before `cutoff`. */
export async function eraseParticipantNamesOfBoardsClosedBefore(db: Kysely<Database>, cutoff: Date): Promise<number> {
  const result = await db
    .updateTable('board_participants')
    .set({ name: null })
    .where('name', 'is not', null)
    .where('board_id', 'in', (eb) => eb.selectFrom('boards').select('id').where('status', '=', 'closed').where('closed_at', '<', cutoff))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
