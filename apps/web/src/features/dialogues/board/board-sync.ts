import type { Board, BoardChange, BoardClientFrame, BoardNote } from '@samhandling/contracts';

/**
 * The live board's rules, apart from the socket and React: how a numbered change is applied, what
 * a client does with each change it hears (apply it, ignore a repeat, or ask again after a gap),
 * what it says when it (re)connects, and how long it waits before trying again.
 */

/** Applies one numbered change to the board, as the server's snapshot would show it. */
export function applyChange(board: Board, change: BoardChange): Board {
  switch (change.kind) {
    case 'board':
      return { ...board, ...change.board };
    case 'note': {
      const hiddenFromMe = change.note.hidden && board.viewer.kind === 'participant';
      const others = board.notes.filter((n) => n.id !== change.note.id);
      return { ...board, notes: hiddenFromMe ? others : [...others, change.note] };
    }
    case 'note_hidden':
      return { ...board, notes: board.notes.filter((n) => n.id !== change.noteId) };
    case 'cluster':
      return { ...board, clusters: [...board.clusters.filter((c) => c.id !== change.cluster.id), change.cluster] };
    case 'cluster_removed':
      return { ...board, clusters: board.clusters.filter((c) => c.id !== change.clusterId) };
    case 'votes':
      return { ...board, notes: board.notes.map((n) => (n.id === change.noteId ? { ...n, votes: change.votes } : n)) };
    case 'closed':
      return { ...board, status: 'closed', voting: 'closed', inputs: change.inputs };
    case 'participants':
      return { ...board, participants: change.count };
  }
}

/** Notes in board order: by position, then by number. */
export const byPosition = (a: BoardNote, b: BoardNote) => a.position - b.position || a.number - b.number;

/** What to do with a numbered change heard on the socket. */
export type ChangeStep =
  /** The next change: here is the board with it (its `seq` is the change's). */
  | { kind: 'apply'; board: Board }
  /** Already seen (a repeat after a reconnect), or no board yet to apply it to. */
  | { kind: 'ignore' }
  /** A gap: changes are missing, so ask for everything after the last one seen. */
  | { kind: 'resync'; since: number };

export function stepForChange(current: Board | null, seq: number, change: BoardChange): ChangeStep {
  if (!current) return { kind: 'ignore' };
  if (seq <= current.seq) return { kind: 'ignore' };
  if (seq !== current.seq + 1) return { kind: 'resync', since: current.seq };
  return { kind: 'apply', board: { ...applyChange(current, change), seq } };
}

/**
 * Applies polled changes in order, as far as they follow on without a gap; the rest waits for the
 * next poll (which asks from the last one applied).
 */
export function applyChanges(current: Board, changes: readonly { seq: number; change: BoardChange }[]): Board {
  let board = current;
  for (const { seq, change } of changes) {
    if (seq === board.seq + 1) board = { ...applyChange(board, change), seq };
  }
  return board;
}

/** The first frame on a new socket: who we are and the last change we have (null: send a snapshot). */
export function helloFrame(token: string | undefined, since: number | null): BoardClientFrame {
  return { type: 'hello', ...(token ? { token } : {}), since };
}

/** Milliseconds before the next attempt to reconnect: 1 s, 2 s, 4 s … at most 15 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** attempt);
}
