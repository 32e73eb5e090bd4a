import type { Board, BoardChange, BoardNote, BoardServerFrame } from '@samhandling/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, isApiError } from '../../../api/client.ts';

/** The header a participant's requests carry; the token comes from joining with the code. */
export const TOKEN_HEADER = 'X-Board-Token';

export interface Participation {
  boardId: string;
  participantId: string;
  token: string;
}

const participationKey = (code: string) => `samhandling.board.${code.toUpperCase()}`;

/** Kept in the browser, so a participant who reloads the page (or comes back) is still the same. */
export function loadParticipation(code: string): Participation | null {
  try {
    const raw = localStorage.getItem(participationKey(code));
    return raw ? (JSON.parse(raw) as Participation) : null;
  } catch {
    return null;
  }
}

export function saveParticipation(code: string, participation: Participation) {
  localStorage.setItem(participationKey(code), JSON.stringify(participation));
}

export function forgetParticipation(code: string) {
  localStorage.removeItem(participationKey(code));
}

export const authHeaders = (token: string | undefined): Record<string, string> => (token ? { [TOKEN_HEADER]: token } : {});

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

export type Connection = 'connecting' | 'live' | 'offline';

/**
 * The board, kept live over the WebSocket. On a weak connection the socket drops and comes
 * back: each time it says which change it saw last and gets exactly the ones it missed.
 * Without WebSocket support it polls the same route.
 */
export function useLiveBoard(boardId: string | undefined, token: string | undefined) {
  const [board, setBoard] = useState<Board | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [error, setError] = useState<unknown>(null);
  const seq = useRef<number | null>(null);
  const boardRef = useRef<Board | null>(null);

  const update = useCallback((next: Board) => {
    boardRef.current = next;
    seq.current = next.seq;
    setBoard(next);
  }, []);

  /** Replaces the board with a fresh snapshot (also after our own writes, if the socket is down). */
  const refresh = useCallback(async () => {
    if (!boardId) return;
    try {
      update(await api.getBoard({ params: { id: boardId }, headers: authHeaders(token) }));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [boardId, token, update]);

  useEffect(() => {
    if (!boardId) return;
    const id = boardId;
    let socket: WebSocket | undefined;
    let stopped = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const schedule = () => {
      if (stopped) return;
      clearTimeout(timer);
      // 1 s, 2 s, 4 s … up to 15 s between attempts; at once when the browser says it is online.
      timer = setTimeout(connect, Math.min(15_000, 1000 * 2 ** attempt));
      attempt += 1;
    };

    const onFrame = (frame: BoardServerFrame) => {
      if (frame.type === 'snapshot') {
        update(frame.board);
      } else if (frame.type === 'change') {
        const current = boardRef.current;
        if (!current || seq.current === null) return;
        if (frame.seq <= seq.current) return;
        if (frame.seq !== seq.current + 1) {
          // A gap should not happen; if it does, ask for what is missing instead of guessing.
          socket?.send(JSON.stringify({ type: 'sync', since: seq.current }));
          return;
        }
        const next = applyChange(current, frame.change);
        update({ ...next, seq: frame.seq });
      } else if (frame.type === 'ready') {
        attempt = 0;
        setConnection('live');
        setError(null);
      } else if (frame.type === 'error' && (frame.code === 'not_found' || frame.code === 'unauthenticated')) {
        setError(Object.assign(new Error(frame.message), { status: 404 }));
        stopped = true;
      }
    };

    function connect() {
      if (stopped) return;
      if (typeof WebSocket === 'undefined') return poll();
      setConnection('connecting');
      const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/boards/${boardId}/live`;
      const ws = new WebSocket(url);
      socket = ws;
      ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', ...(token ? { token } : {}), since: seq.current }));
      ws.onmessage = (event) => {
        try {
          onFrame(JSON.parse(String(event.data)) as BoardServerFrame);
        } catch {
          /* a frame we do not understand is ignored */
        }
      };
      ws.onclose = () => {
        if (socket !== ws) return;
        setConnection('offline');
        schedule();
      };
    }

    async function poll() {
      while (!stopped) {
        try {
          const answer = await api.pollBoard({ params: { id }, headers: authHeaders(token), query: { since: seq.current ?? undefined } });
          if (answer.board) update(answer.board);
          for (const c of answer.changes)
            if (boardRef.current && c.seq === (seq.current ?? 0) + 1) update({ ...applyChange(boardRef.current, c.change), seq: c.seq });
          setConnection('live');
        } catch (e) {
          setConnection('offline');
          if (isApiError(e) && e.status === 404) {
            setError(e);
            return;
          }
        }
        await new Promise((r) => setTimeout(r, 3000));
      }
    }

    const online = () => {
      attempt = 0;
      if (!socket || socket.readyState === WebSocket.CLOSED) connect();
    };
    window.addEventListener('online', online);
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', online);
      const ws = socket;
      socket = undefined;
      ws?.close();
    };
  }, [boardId, token, update]);

  return { board, connection, error, refresh, setBoard: update };
}

export interface QueuedNote {
  clientKey: string;
  promptId: string;
  text: string;
  groupId: string | null;
}

function newClientKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Notes waiting to be sent, kept in the browser until the server has them. Each has its own
 * key, so sending it again after a lost answer returns the note already made: never two.
 */
export function useNoteOutbox(boardId: string | undefined, token: string | undefined) {
  const storageKey = `samhandling.board.outbox.${boardId ?? ''}`;
  const [queue, setQueue] = useState<QueuedNote[]>(() => {
    try {
      return boardId ? (JSON.parse(localStorage.getItem(storageKey) ?? '[]') as QueuedNote[]) : [];
    } catch {
      return [];
    }
  });
  const [failed, setFailed] = useState<{ note: QueuedNote; message: string } | null>(null);
  const sending = useRef(false);
  const queueRef = useRef(queue);

  const store = useCallback(
    (next: QueuedNote[]) => {
      queueRef.current = next;
      setQueue(next);
      localStorage.setItem(storageKey, JSON.stringify(next));
    },
    [storageKey],
  );

  const flush = useCallback(async () => {
    if (!boardId || sending.current) return;
    sending.current = true;
    try {
      while (queueRef.current.length > 0) {
        const note = queueRef.current[0]!;
        try {
          await api.postNote({ params: { id: boardId }, body: note, headers: authHeaders(token) });
          store(queueRef.current.slice(1));
        } catch (e) {
          // Refused for good (e.g. the board closed): tell the writer and drop it. Otherwise keep it for later.
          if (isApiError(e) && e.status >= 400 && e.status < 500 && e.status !== 429 && e.status !== 408) {
            setFailed({ note, message: e.message });
            store(queueRef.current.slice(1));
            continue;
          }
          break;
        }
      }
    } finally {
      sending.current = false;
    }
  }, [boardId, token, store]);

  const add = useCallback(
    (note: Omit<QueuedNote, 'clientKey'>) => {
      store([...queueRef.current, { ...note, clientKey: newClientKey() }]);
      void flush();
    },
    [store, flush],
  );

  useEffect(() => {
    void flush();
    const retry = setInterval(() => void flush(), 5000);
    window.addEventListener('online', flush);
    return () => {
      clearInterval(retry);
      window.removeEventListener('online', flush);
    };
  }, [flush]);

  return { queue, add, failed, clearFailed: () => setFailed(null), flush };
}
