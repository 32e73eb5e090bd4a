import type { BoardChange, noteInput, notePatch } from '@samhandling/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { changeBoard } from './board-changes.ts';
import { noteChange, notesWithCounts } from './board-read.ts';
import { resolveViewer, facilitatorOf } from './board-viewer.ts';
import { canArrangeNotes, canEditNoteText, isFacilitator, type BoardViewer } from './board.policy.ts';
import type { NoteRow } from './board.repository.ts';
import * as repo from './board.repository.ts';

/** Posting limit per participant: plenty for a workshop, too few to flood a board. */
export const NOTE_LIMIT = { count: 20, windowMs: 60_000 };

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
