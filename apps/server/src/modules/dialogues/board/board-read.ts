import type { Board, BoardChange, BoardInputLink, BoardSummary } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { replayFor } from './board-changes.ts';
import { boardEventOf, inputStatuses } from './board-inputs.ts';
import { resolveViewer } from './board-viewer.ts';
import { boardActions, type BoardViewer } from './board.policy.ts';
import { presentCluster, presentMeta, presentNote } from './board.presenter.ts';
import type { BoardRow, NoteRow } from './board.repository.ts';
import * as repo from './board.repository.ts';

type Db = Kysely<Database>;

// Reading a board: the whole board as a viewer may see it, or its changes since a number.

export async function notesWithCounts(db: Db, rows: NoteRow[]) {
  const ids = rows.map((r) => r.id);
  const [totals, merged] = await Promise.all([repo.voteTotals(db, ids), repo.notesMergedInto(db, ids)]);
  const votes = new Map(totals.map((t) => [t.note_id, Number(t.dots)]));
  const texts = new Map<string, string[]>();
  for (const m of merged) texts.set(m.merged_into!, [...(texts.get(m.merged_into!) ?? []), m.text]);
  return rows.map((row) => presentNote(row, votes.get(row.id) ?? 0, texts.get(row.id) ?? []));
}

export async function noteChange(db: Db, row: NoteRow): Promise<BoardChange> {
  const [note] = await notesWithCounts(db, [row]);
  return { kind: 'note', note: note! };
}

export async function metaOf(db: Db, board: BoardRow) {
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
