import { randomInt } from 'node:crypto';
import { BOARD_CODE_ALPHABET, type Board, type boardCreateInput, type boardJoinInput, type boardPatch } from '@samhandling/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, conflict, forbidden, invalid } from '../../../platform/errors.ts';
import { hashToken, newToken } from '../../../platform/secrets.ts';
import { changeBoard } from './board-changes.ts';
import { boardEventOf, createInputsForBoard } from './board-inputs.ts';
import { boardSnapshot, getBoard, metaOf, notesWithCounts } from './board-read.ts';
import { facilitatorOf } from './board-viewer.ts';
import * as repo from './board.repository.ts';

const DEFAULT_PROMPT = 'Vad vill du ta upp?';

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
        const used = await repo.anyNoteUnder(trx, retired);
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
