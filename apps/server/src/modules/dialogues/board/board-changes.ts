import type { BoardChange } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { MAX_NOTIFY_BYTES } from '../../../platform/realtime.ts';
import type { BoardViewer } from './board.policy.ts';
import { changeFor } from './board.presenter.ts';
import type { BoardRow } from './board.repository.ts';
import * as repo from './board.repository.ts';

// A board's numbered changes: one transaction per change, the change log, and the live channel.

/** The one realtime channel of all boards; each message names its board. */
export const BOARD_CHANNEL = 'board_changes';

export interface BoardMessage {
  b: string;
  /** The last change number in this message. */
  s: number;
  /** The changes themselves when they fit in one notification; otherwise listeners read them. */
  c?: { seq: number; change: BoardChange }[];
}

type Db = Kysely<Database>;

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
export async function changeBoard<T>(deps: Deps, boardId: string, work: (scope: ChangeScope) => Promise<T>): Promise<T> {
  const changes: { seq: number; change: BoardChange }[] = [];
  const result = await deps.db.transaction().execute(async (trx) => {
    const board = await repo.lockBoard(trx, boardId);
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

/**
 * The changes after `since` as this viewer may see them. Replayed to a participant, every change
 * of a note that is hidden now carries no text, even those from before it was hidden.
 */
export async function replayFor(db: Db, boardId: string, since: number, viewer: BoardViewer['kind'], limit = 1000) {
  const changes = await changesAfter(db, boardId, since, limit);
  if (viewer === 'facilitator') return changes;
  const hidden = new Set((await repo.hiddenNoteIds(db, boardId)).map((r) => r.id));
  return changes.map(({ seq, change }) => ({
    seq,
    change: change.kind === 'note' && hidden.has(change.note.id) ? ({ kind: 'note_hidden', noteId: change.note.id } as const) : changeFor(viewer, change),
  }));
}

/** For the live socket: the current change number of a board. */
export async function boardSeq(db: Db, boardId: string): Promise<number> {
  const row = await repo.currentSeq(db, boardId);
  return Number(row?.seq ?? 0);
}
