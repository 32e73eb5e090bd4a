import { randomInt } from 'node:crypto';
import {
  BOARD_CODE_ALPHABET,
  type Board,
  type BoardChange,
  type BoardInputLink,
  type BoardSummary,
  type boardCreateInput,
  type boardJoinInput,
  type boardPatch,
  type clusterInput,
  type noteInput,
  type notePatch,
} from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { MAX_NOTIFY_BYTES } from '../../../platform/realtime.ts';
import { hashToken, newToken } from '../../../platform/secrets.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { boardEventOf, createInputsForBoard, inputStatuses } from './board-inputs.ts';
import { boardActions, canArrangeNotes, canEditNoteText, canFacilitate, canVote, isFacilitator, type BoardViewer } from './board.policy.ts';
import { changeFor, presentCluster, presentMeta, presentNote } from './board.presenter.ts';
import * as repo from './board.repository.ts';
import type { BoardRow, NoteRow } from './board.repository.ts';

/** The one realtime channel of all boards; each message names its board. */
export const BOARD_CHANNEL = 'board_changes';
/** Posting limit per participant: plenty for a workshop, too few to flood a board. */
export const NOTE_LIMIT = { count: 20, windowMs: 60_000 };
const DEFAULT_PROMPT = 'Vad vill du ta upp?';

export interface BoardMessage {
  b: string;
  /** The last change number in this message. */
  s: number;
  /** The changes themselves when they fit in one notification; otherwise listeners read them. */
  c?: { seq: number; change: BoardChange }[];
}

type Db = Kysely<Database>;

// --- who is asking ---------------------------------------------------------------------------

/**
 * The board and the caller's view of it. A valid participant token makes a participant; otherwise
 * someone who leads the space is the facilitator. Anyone else is told the board does not exist.
 */
export async function resolveViewer(deps: Deps, ctx: RequestContext, boardId: string, token: string | undefined) {
  const board = await repo.findBoard(deps.db, boardId);
  if (!board) throw notFound();
  if (token) {
    const participant = await repo.findParticipantByToken(deps.db, hashToken(deps.config.sessionSecret, token));
    if (participant && participant.board_id === board.id) return { board, viewer: { kind: 'participant', participant } as BoardViewer };
  }
  if (ctx.actor.kind === 'user') {
    const access = await loadSpaceAccess(deps, ctx.actor, board.space_id).then(
      (a) => a.access,
      () => null,
    );
    if (canFacilitate(ctx.actor, access)) return { board, viewer: { kind: 'facilitator', actor: ctx.actor } as BoardViewer };
  }
  throw notFound();
}

async function facilitatorOf(deps: Deps, ctx: RequestContext, boardId: string) {
  const found = await resolveViewer(deps, ctx, boardId, undefined);
  if (!isFacilitator(found.viewer)) throw notFound();
  return found;
}

// --- numbered changes ------------------------------------------------------------------------

interface ChangeScope {
  trx: Db;
  /** The board, locked for this transaction. */
  board: BoardRow;
  /** Numbers a change and returns its number. */
  emit(change: BoardChange): number;
  /** The number the next emitted change will get. */
  nextSeq(): number;
}

/**
 * Runs a change to a board in one transaction: the board row is locked, every change gets the next
 * number and is written to the change log, and after commit the changes are published live.
 */
async function changeBoard<T>(deps: Deps, boardId: string, work: (scope: ChangeScope) => Promise<T>): Promise<T> {
  const changes: { seq: number; change: BoardChange }[] = [];
  const result = await deps.db.transaction().execute(async (trx) => {
    const board = await trx.selectFrom('boards').selectAll().where('id', '=', boardId).forUpdate().executeTakeFirst();
    if (!board) throw notFound();
    let seq = Number(board.seq);
    const scope: ChangeScope = {
      trx,
      board,
      emit(change) {
        seq += 1;
        changes.push({ seq, change });
        return seq;
      },
      nextSeq: () => seq + 1,
    };
    const value = await work(scope);
    if (changes.length) {
      await repo.updateBoard(trx, boardId, { seq });
      await repo.appendChanges(trx, boardId, changes);
    }
    return value;
  });
  await publishChanges(deps, boardId, changes);
  return result;
}

async function publishChanges(deps: Deps, boardId: string, changes: { seq: number; change: BoardChange }[]) {
  const last = changes.at(-1);
  if (!last) return;
  const full: BoardMessage = { b: boardId, s: last.seq, c: changes };
  const message = Buffer.byteLength(JSON.stringify(full)) <= MAX_NOTIFY_BYTES - 200 ? full : { b: boardId, s: last.seq };
  // The write has committed; a lost notification is made good by the listeners reading the log.
  await deps.realtime.publish(BOARD_CHANNEL, message).catch(() => {});
}

export async function changesAfter(db: Db, boardId: string, since: number, limit = 1000) {
  const rows = await repo.changesSince(db, boardId, since, limit);
  return rows.map((r) => ({ seq: Number(r.seq), change: r.change as BoardChange }));
}

export { changeFor };

/**
 * The changes after `since` as this viewer may see them. Replayed to a participant, every change
 * of a note that is hidden now carries no text, even those from before it was hidden.
 */
export async function replayFor(db: Db, boardId: string, since: number, viewer: BoardViewer['kind'], limit = 1000) {
  const changes = await changesAfter(db, boardId, since, limit);
  if (viewer === 'facilitator') return changes;
  const hidden = new Set((await db.selectFrom('board_notes').select('id').where('board_id', '=', boardId).where('hidden', '=', true).execute()).map((r) => r.id));
  return changes.map(({ seq, change }) => ({
    seq,
    change: change.kind === 'note' && hidden.has(change.note.id) ? ({ kind: 'note_hidden', noteId: change.note.id } as const) : changeFor(viewer, change),
  }));
}

// --- reading ---------------------------------------------------------------------------------

async function notesWithCounts(db: Db, rows: NoteRow[]) {
  const ids = rows.map((r) => r.id);
  const [totals, merged] = await Promise.all([repo.voteTotals(db, ids), repo.notesMergedInto(db, ids)]);
  const votes = new Map(totals.map((t) => [t.note_id, Number(t.dots)]));
  const texts = new Map<string, string[]>();
  for (const m of merged) texts.set(m.merged_into!, [...(texts.get(m.merged_into!) ?? []), m.text]);
  return rows.map((row) => presentNote(row, votes.get(row.id) ?? 0, texts.get(row.id) ?? []));
}

async function noteChange(db: Db, row: NoteRow): Promise<BoardChange> {
  const [note] = await notesWithCounts(db, [row]);
  return { kind: 'note', note: note! };
}

async function metaOf(db: Db, board: BoardRow) {
  const [prompts, groups] = await Promise.all([repo.listPrompts(db, board.id), repo.listGroups(db, board.id)]);
  return presentMeta(board, prompts, groups);
}

/** The whole board as the viewer may see it, consistent with its change number. */
export async function boardSnapshot(deps: Deps, ctx: RequestContext, boardId: string, viewer: BoardViewer): Promise<Board> {
  const snapshot = await deps.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const board = await repo.findBoard(trx, boardId);
      if (!board) throw notFound();
      const [meta, clusters, rows, totals, participants] = await Promise.all([
        metaOf(trx, board),
        repo.listClusters(trx, boardId),
        repo.listNotes(trx, boardId),
        repo.boardVoteTotals(trx, boardId),
        repo.countParticipants(trx, boardId),
      ]);
      const votes = new Map(totals.map((t) => [t.note_id, Number(t.dots)]));
      const mergedTexts = new Map<string, string[]>();
      for (const row of rows) if (row.merged_into) mergedTexts.set(row.merged_into, [...(mergedTexts.get(row.merged_into) ?? []), row.text]);
      const visible = viewer.kind === 'facilitator' ? rows : rows.filter((r) => !r.hidden);
      const notes = visible.map((row) => presentNote(row, votes.get(row.id) ?? 0, mergedTexts.get(row.id) ?? []));
      const inputs: BoardInputLink[] = rows.flatMap((r) => (r.input_id ? [{ noteId: r.id, inputId: r.input_id, status: 'received' }] : []));
      const viewerView =
        viewer.kind === 'facilitator'
          ? ({ kind: 'facilitator' } as const)
          : {
              kind: 'participant' as const,
              participantId: viewer.participant.id,
              groupId: viewer.participant.group_id,
              votes: Object.fromEntries((await repo.votesOf(trx, viewer.participant.id)).map((v) => [v.note_id, v.dots])),
            };
      return {
        ...meta,
        seq: Number(board.seq),
        clusters: clusters.map(presentCluster),
        notes,
        participants: Number(participants.n),
        viewer: viewerView,
        inputs,
        allowedActions: boardActions(viewer, board),
      };
    });
  if (snapshot.inputs.length === 0) return snapshot;
  // After closing: each input's status as it is now, when the caller may see the space's inputs.
  const statuses = await inputStatuses(deps, ctx, { space_id: snapshot.spaceId, event_id: snapshot.eventId });
  return {
    ...snapshot,
    inputs: statuses ? snapshot.inputs.flatMap((link) => (statuses.has(link.inputId) ? [{ ...link, status: statuses.get(link.inputId)! }] : [])) : [],
  };
}

export async function getBoard(deps: Deps, ctx: RequestContext, boardId: string, token: string | undefined): Promise<Board> {
  const { viewer } = await resolveViewer(deps, ctx, boardId, token);
  return boardSnapshot(deps, ctx, boardId, viewer);
}

/** The poll fallback for clients that cannot hold a WebSocket: changes after `since`, or a snapshot. */
export async function pollBoard(deps: Deps, ctx: RequestContext, boardId: string, token: string | undefined, since: number | undefined) {
  const { board, viewer } = await resolveViewer(deps, ctx, boardId, token);
  const seq = Number(board.seq);
  if (since === undefined || since > seq || seq - since > 1000) {
    const snapshot = await boardSnapshot(deps, ctx, boardId, viewer);
    return { seq: snapshot.seq, board: snapshot, changes: [] };
  }
  const changes = await replayFor(deps.db, boardId, since, viewer.kind);
  return { seq: changes.at(-1)?.seq ?? since, changes };
}

export async function listEventBoards(deps: Deps, ctx: RequestContext, eventId: string): Promise<BoardSummary[]> {
  const event = await boardEventOf(deps, ctx, eventId);
  if (!event.canFacilitate) throw forbidden();
  const rows = await repo.listBoardsOfEvent(deps.db, eventId);
  return rows.map((r) => ({ id: r.id, eventId: r.event_id, code: r.code, title: r.title, status: r.status, notes: Number(r.notes) }));
}

// --- creating and joining --------------------------------------------------------------------

function newCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += BOARD_CODE_ALPHABET[randomInt(BOARD_CODE_ALPHABET.length)];
  return code;
}

export async function createBoard(deps: Deps, ctx: RequestContext, eventId: string, input: z.output<typeof boardCreateInput>): Promise<Board> {
  const event = await boardEventOf(deps, ctx, eventId);
  if (!event.canFacilitate) throw forbidden();
  const userId = ctx.actor.kind === 'user' ? ctx.actor.user.id : null;
  let code = newCode();
  for (let attempt = 0; (await repo.codeTaken(deps.db, code)) && attempt < 20; attempt++) code = newCode();
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertBoard(trx, {
      event_id: eventId,
      space_id: event.spaceId,
      code,
      title: input.title ?? event.title,
      dots_per_participant: input.dotsPerParticipant ?? 3,
      created_by: userId,
    });
    await repo.insertPrompts(trx, id, (input.prompts ?? [DEFAULT_PROMPT]).map((text, position) => ({ text, position })));
    await repo.insertGroups(trx, id, (input.groups ?? []).map((name, position) => ({ name, position })));
    await recordAudit(trx, deps.clock, ctx, { action: 'board.create', resourceType: 'board', resourceId: id, details: { eventId } });
    return id;
  });
  return getBoard(deps, ctx, id, undefined);
}

export async function joinBoard(deps: Deps, ctx: RequestContext, input: z.output<typeof boardJoinInput>) {
  const board = await repo.findOpenBoardByCode(deps.db, input.code);
  if (!board) throw new AppError('not_found', 'errors.board_code_unknown', { code: 'errors.board_code_unknown' });
  if (input.groupId) {
    const groups = await repo.listGroups(deps.db, board.id);
    if (!groups.some((g) => g.id === input.groupId)) throw invalid({ groupId: 'errors.not_found' });
  }
  const token = newToken();
  const participant = await changeBoard(deps, board.id, async ({ trx, board: locked, emit }) => {
    if (locked.status !== 'open') throw new AppError('not_found', 'errors.board_code_unknown', { code: 'errors.board_code_unknown' });
    const row = await repo.insertParticipant(trx, {
      board_id: board.id,
      token_hash: hashToken(deps.config.sessionSecret, token),
      name: input.name || null,
      sector: input.sector ?? null,
      age_group: input.ageGroup ?? null,
      group_id: input.groupId ?? null,
    });
    emit({ kind: 'participants', count: Number((await repo.countParticipants(trx, board.id)).n) });
    // No name or other personal data in the log: only which board was joined.
    await recordAudit(trx, deps.clock, ctx, { action: 'board.join', resourceType: 'board_participant', resourceId: row.id, details: { boardId: board.id } });
    return row;
  });
  return { boardId: board.id, participantId: participant.id, token };
}

// --- the facilitator's settings --------------------------------------------------------------

export async function patchBoard(deps: Deps, ctx: RequestContext, boardId: string, input: z.output<typeof boardPatch>): Promise<Board> {
  const { viewer } = await facilitatorOf(deps, ctx, boardId);
  await changeBoard(deps, boardId, async ({ trx, board, emit }) => {
    if (board.status !== 'open') throw conflict('errors.board_closed');
    const { prompts, groups, title, voting, dotsPerParticipant } = input;
    if (prompts) {
      const existing = await repo.allPromptIds(trx, boardId);
      const known = new Set(existing.map((p) => p.id));
      const problems: Record<string, string> = {};
      prompts.forEach((p, i) => {
        if (p.id && !known.has(p.id)) problems[`prompts.${i}.id`] = 'errors.not_found';
      });
      const kept = new Set(prompts.flatMap((p) => (p.id ? [p.id] : [])));
      const retired = existing.filter((p) => !p.archived && !kept.has(p.id)).map((p) => p.id);
      if (retired.length) {
        const used = await trx.selectFrom('board_notes').select('prompt_id').where('prompt_id', 'in', retired).executeTakeFirst();
        if (used) problems.prompts = 'errors.prompt_has_notes';
      }
      if (Object.keys(problems).length) throw invalid(problems);
      for (const id of retired) await repo.updatePrompt(trx, id, { archived: true });
      for (const [position, p] of prompts.entries()) {
        if (p.id) await repo.updatePrompt(trx, p.id, { text: p.text, position, archived: false });
        else await repo.insertPrompts(trx, boardId, [{ text: p.text, position }]);
      }
    }
    if (groups) {
      const existing = await repo.allGroupIds(trx, boardId);
      const known = new Set(existing.map((g) => g.id));
      const problems: Record<string, string> = {};
      groups.forEach((g, i) => {
        if (g.id && !known.has(g.id)) problems[`groups.${i}.id`] = 'errors.not_found';
      });
      if (Object.keys(problems).length) throw invalid(problems);
      const kept = new Set(groups.flatMap((g) => (g.id ? [g.id] : [])));
      for (const g of existing) if (!g.archived && !kept.has(g.id)) await repo.updateGroup(trx, g.id, { archived: true });
      for (const [position, g] of groups.entries()) {
        if (g.id) await repo.updateGroup(trx, g.id, { name: g.name, position, archived: false });
        else await repo.insertGroups(trx, boardId, [{ name: g.name, position }]);
      }
    }
    const values = {
      ...(title !== undefined ? { title } : {}),
      ...(voting !== undefined ? { voting } : {}),
      ...(dotsPerParticipant !== undefined ? { dots_per_participant: dotsPerParticipant } : {}),
    };
    if (Object.keys(values).length) await repo.updateBoard(trx, boardId, values);
    const updated = (await repo.findBoard(trx, boardId))!;
    emit({ kind: 'board', board: await metaOf(trx, updated) });
    await recordAudit(trx, deps.clock, ctx, { action: 'board.update', resourceType: 'board', resourceId: boardId, details: { fields: Object.keys(input) } });
  });
  return boardSnapshot(deps, ctx, boardId, viewer);
}

// --- notes -----------------------------------------------------------------------------------

async function checkNoteRate(deps: Deps, participantId: string) {
  const now = deps.clock.now().getTime();
  const recent = await repo.recentNotesBy(deps.db, participantId, new Date(now - NOTE_LIMIT.windowMs));
  if (recent.length >= NOTE_LIMIT.count) {
    const oldest = recent[recent.length - NOTE_LIMIT.count]!.created_at.getTime();
    const seconds = Math.max(1, Math.ceil((oldest + NOTE_LIMIT.windowMs - now) / 1000));
    throw new AppError('rate_limited', 'errors.notes_rate_limited', {}, { seconds }, seconds);
  }
}

const sameAuthor = (viewer: BoardViewer, note: NoteRow) =>
  viewer.kind === 'participant' ? note.participant_id === viewer.participant.id : note.participant_id === null;

export async function postNote(deps: Deps, ctx: RequestContext, boardId: string, token: string | undefined, input: z.output<typeof noteInput>) {
  const { viewer } = await resolveViewer(deps, ctx, boardId, token);
  // A retry of a post whose answer was lost gets the note it made, not a second one.
  const replay = async () => {
    const existing = await repo.findNoteByClientKey(deps.db, boardId, input.clientKey);
    if (!existing) return undefined;
    if (!sameAuthor(viewer, existing)) throw conflict('errors.conflict', { clientKey: 'errors.conflict' });
    return (await notesWithCounts(deps.db, [existing]))[0]!;
  };
  const earlier = await replay();
  if (earlier) return earlier;
  if (viewer.kind === 'participant') await checkNoteRate(deps, viewer.participant.id);
  const groupId = input.groupId !== undefined ? input.groupId : viewer.kind === 'participant' ? viewer.participant.group_id : null;
  try {
    return await changeBoard(deps, boardId, async ({ trx, board, emit, nextSeq }) => {
      if (board.status !== 'open') throw conflict('errors.board_closed');
      const prompts = await repo.listPrompts(trx, boardId);
      if (!prompts.some((p) => p.id === input.promptId)) throw invalid({ promptId: 'errors.not_found' });
      if (groupId && !(await repo.listGroups(trx, boardId)).some((g) => g.id === groupId)) throw invalid({ groupId: 'errors.not_found' });
      const number = nextSeq();
      const row = await repo.insertNote(trx, {
        board_id: boardId,
        number,
        prompt_id: input.promptId,
        group_id: groupId,
        cluster_id: null,
        position: number,
        text: input.text,
        participant_id: viewer.kind === 'participant' ? viewer.participant.id : null,
        author_user_id: viewer.kind === 'facilitator' && viewer.actor.kind === 'user' ? viewer.actor.user.id : null,
        client_key: input.clientKey,
        updated_at: deps.clock.now(),
      });
      const change = await noteChange(trx, row);
      emit(change);
      await recordAudit(trx, deps.clock, ctx, {
        action: 'board.note.create',
        resourceType: 'board_note',
        resourceId: row.id,
        details: { boardId, ...(viewer.kind === 'participant' ? { participantId: viewer.participant.id } : {}) },
      });
      return (change as Extract<BoardChange, { kind: 'note' }>).note;
    });
  } catch (error) {
    // Two copies of one post at the same moment: the second finds the first's note.
    if (error instanceof Error && /board_notes_client_key|unique/i.test(error.message)) {
      const again = await replay();
      if (again) return again;
    }
    throw error;
  }
}

export async function patchNote(deps: Deps, ctx: RequestContext, boardId: string, noteId: string, token: string | undefined, input: z.output<typeof notePatch>) {
  const { viewer } = await resolveViewer(deps, ctx, boardId, token);
  const arranging = input.promptId !== undefined || input.clusterId !== undefined || input.position !== undefined || input.hidden !== undefined;
  return changeBoard(deps, boardId, async ({ trx, board, emit }) => {
    const note = await repo.findNote(trx, boardId, noteId);
    if (!note || (viewer.kind === 'participant' && note.hidden)) throw notFound();
    if (input.text !== undefined && !canEditNoteText(viewer, note)) throw forbidden();
    if (arranging && !isFacilitator(viewer)) throw forbidden();
    if (board.status !== 'open') throw conflict('errors.board_closed');
    if (arranging && !canArrangeNotes(viewer, board)) throw forbidden();
    let promptId = input.promptId ?? note.prompt_id;
    if (input.promptId !== undefined && !(await repo.listPrompts(trx, boardId)).some((p) => p.id === input.promptId)) throw invalid({ promptId: 'errors.not_found' });
    let clusterId = input.clusterId !== undefined ? input.clusterId : note.cluster_id;
    if (input.clusterId) {
      const cluster = await repo.findCluster(trx, boardId, input.clusterId);
      if (!cluster) throw invalid({ clusterId: 'errors.not_found' });
      // A cluster lives under one prompt: putting a note in it moves the note there.
      promptId = cluster.prompt_id;
    } else if (input.promptId !== undefined && input.promptId !== note.prompt_id && input.clusterId === undefined) {
      clusterId = null;
    }
    const row = await repo.updateNote(trx, noteId, {
      ...(input.text !== undefined ? { text: input.text } : {}),
      prompt_id: promptId,
      cluster_id: clusterId,
      ...(input.position !== undefined ? { position: input.position } : {}),
      ...(input.hidden !== undefined ? { hidden: input.hidden } : {}),
      updated_at: deps.clock.now(),
    });
    const change = await noteChange(trx, row);
    emit(change);
    const action = input.hidden === true ? 'board.note.hide' : input.hidden === false ? 'board.note.unhide' : arranging ? 'board.note.move' : 'board.note.update';
    await recordAudit(trx, deps.clock, ctx, { action, resourceType: 'board_note', resourceId: noteId, details: { boardId, fields: Object.keys(input) } });
    return (change as Extract<BoardChange, { kind: 'note' }>).note;
  });
}

export async function mergeNotes(deps: Deps, ctx: RequestContext, boardId: string, sourceId: string, targetId: string) {
  await facilitatorOf(deps, ctx, boardId);
  if (sourceId === targetId) throw invalid({ sourceId: 'errors.merge_same' }, 'errors.merge_same');
  return changeBoard(deps, boardId, async ({ trx, board, emit }) => {
    if (board.status !== 'open') throw conflict('errors.board_closed');
    const [source, target] = await Promise.all([repo.findNote(trx, boardId, sourceId), repo.findNote(trx, boardId, targetId)]);
    const problems: Record<string, string> = {};
    if (!source || source.merged_into) problems.sourceId = 'errors.not_found';
    if (!target || target.merged_into) problems.targetId = 'errors.not_found';
    if (Object.keys(problems).length) throw invalid(problems);
    const merged = await repo.updateNote(trx, sourceId, { merged_into: targetId, cluster_id: target!.cluster_id, prompt_id: target!.prompt_id, updated_at: deps.clock.now() });
    // Notes merged into the source earlier follow it into the target.
    const followers = await repo.repointMerged(trx, sourceId, targetId);
    await repo.moveVotes(trx, sourceId, targetId);
    emit(await noteChange(trx, merged));
    for (const f of followers) emit(await noteChange(trx, (await repo.findNote(trx, boardId, f.id))!));
    const updatedTarget = (await repo.findNote(trx, boardId, targetId))!;
    const change = await noteChange(trx, updatedTarget);
    emit(change);
    await recordAudit(trx, deps.clock, ctx, { action: 'board.note.merge', resourceType: 'board_note', resourceId: targetId, details: { boardId, sourceId } });
    return (change as Extract<BoardChange, { kind: 'note' }>).note;
  });
}

// --- clusters --------------------------------------------------------------------------------

export async function createCluster(deps: Deps, ctx: RequestContext, boardId: string, input: z.output<typeof clusterInput>) {
  await facilitatorOf(deps, ctx, boardId);
  return changeBoard(deps, boardId, async ({ trx, board, emit }) => {
    if (board.status !== 'open') throw conflict('errors.board_closed');
    if (!(await repo.listPrompts(trx, boardId)).some((p) => p.id === input.promptId)) throw invalid({ promptId: 'errors.not_found' });
    const row = await repo.insertCluster(trx, { board_id: boardId, prompt_id: input.promptId, label: input.label });
    const cluster = presentCluster(row);
    emit({ kind: 'cluster', cluster });
    await recordAudit(trx, deps.clock, ctx, { action: 'board.cluster.create', resourceType: 'board_cluster', resourceId: row.id, details: { boardId } });
    return cluster;
  });
}

export async function renameCluster(deps: Deps, ctx: RequestContext, boardId: string, clusterId: string, label: string) {
  await facilitatorOf(deps, ctx, boardId);
  return changeBoard(deps, boardId, async ({ trx, board, emit }) => {
    if (!(await repo.findCluster(trx, boardId, clusterId))) throw notFound();
    if (board.status !== 'open') throw conflict('errors.board_closed');
    const cluster = presentCluster(await repo.updateCluster(trx, clusterId, label));
    emit({ kind: 'cluster', cluster });
    await recordAudit(trx, deps.clock, ctx, { action: 'board.cluster.update', resourceType: 'board_cluster', resourceId: clusterId, details: { boardId } });
    return cluster;
  });
}

export async function removeCluster(deps: Deps, ctx: RequestContext, boardId: string, clusterId: string) {
  await facilitatorOf(deps, ctx, boardId);
  await changeBoard(deps, boardId, async ({ trx, board, emit }) => {
    if (!(await repo.findCluster(trx, boardId, clusterId))) throw notFound();
    if (board.status !== 'open') throw conflict('errors.board_closed');
    const freed = await repo.unclusterNotes(trx, clusterId);
    for (const row of freed) emit(await noteChange(trx, row));
    await repo.deleteCluster(trx, clusterId);
    emit({ kind: 'cluster_removed', clusterId });
    await recordAudit(trx, deps.clock, ctx, { action: 'board.cluster.delete', resourceType: 'board_cluster', resourceId: clusterId, details: { boardId } });
  });
}

// --- dot votes -------------------------------------------------------------------------------

export async function castVote(deps: Deps, ctx: RequestContext, boardId: string, noteId: string, token: string | undefined, dots: number) {
  const { viewer } = await resolveViewer(deps, ctx, boardId, token);
  if (viewer.kind !== 'participant') throw forbidden();
  const participantId = viewer.participant.id;
  return changeBoard(deps, boardId, async ({ trx, board, emit }) => {
    if (!canVote(viewer, board)) throw conflict(board.status === 'open' ? 'errors.voting_closed' : 'errors.board_closed');
    const note = await repo.findNote(trx, boardId, noteId);
    if (!note || note.hidden) throw notFound();
    if (note.merged_into) throw conflict('errors.note_not_votable');
    await repo.lockParticipant(trx, participantId);
    const mine = await repo.votesOf(trx, participantId);
    const elsewhere = mine.filter((v) => v.note_id !== noteId).reduce((sum, v) => sum + v.dots, 0);
    const before = mine.find((v) => v.note_id === noteId)?.dots ?? 0;
    // Taking dots back is always allowed; adding is limited to what the participant has left.
    if (dots > before && elsewhere + dots > board.dots_per_participant) throw conflict('errors.no_dots_left', { dots: 'errors.no_dots_left' });
    if (dots !== before) {
      await repo.setVote(trx, { board_id: boardId, participant_id: participantId, note_id: noteId, dots });
      const [total] = await repo.voteTotals(trx, [noteId]);
      emit({ kind: 'votes', noteId, votes: Number(total?.dots ?? 0) });
      await recordAudit(trx, deps.clock, ctx, { action: 'board.vote', resourceType: 'board_note', resourceId: noteId, details: { boardId, participantId, dots } });
    }
    const after = await repo.votesOf(trx, participantId);
    const [total] = await repo.voteTotals(trx, [noteId]);
    return { noteId, votes: Number(total?.dots ?? 0), mine: Object.fromEntries(after.map((v) => [v.note_id, v.dots])) };
  });
}

// --- closing ---------------------------------------------------------------------------------

/** Closes the board: every visible note (with what was merged into it) becomes an input of the event. */
export async function closeBoard(deps: Deps, ctx: RequestContext, boardId: string): Promise<Board> {
  const { viewer } = await facilitatorOf(deps, ctx, boardId);
  await changeBoard(deps, boardId, async ({ trx, board, emit }) => {
    if (board.status !== 'open') throw conflict('errors.board_closed');
    const rows = await repo.listNotes(trx, boardId);
    const notes = await notesWithCounts(trx, rows.filter((r) => !r.hidden && !r.merged_into));
    const authors = await repo.participantsOf(trx, [...new Set(rows.flatMap((r) => (r.participant_id ? [r.participant_id] : [])))]);
    const prompts = await repo.listPrompts(trx, boardId);
    const links = await createInputsForBoard(deps, ctx, trx, {
      board,
      prompts,
      notes: notes.map((note) => ({ note, author: authors.find((a) => a.id === note.authorId) ?? null })),
    });
    for (const link of links) await repo.updateNote(trx, link.noteId, { input_id: link.inputId, updated_at: deps.clock.now() });
    await repo.updateBoard(trx, boardId, { status: 'closed', voting: 'closed', closed_at: deps.clock.now() });
    const closed = (await repo.findBoard(trx, boardId))!;
    emit({ kind: 'board', board: await metaOf(trx, closed) });
    emit({ kind: 'closed', inputs: links });
    await recordAudit(trx, deps.clock, ctx, { action: 'board.close', resourceType: 'board', resourceId: boardId, details: { inputs: links.length } });
  });
  return boardSnapshot(deps, ctx, boardId, viewer);
}

/** For the live socket: the current change number of a board. */
export async function boardSeq(db: Db, boardId: string): Promise<number> {
  const row = await repo.currentSeq(db, boardId);
  return Number(row?.seq ?? 0);
}
