import type { Board, BoardServerFrame } from '@samhandling/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, isApiError } from '../../../api/client.ts';
import { applyChanges, helloFrame, reconnectDelay, stepForChange } from './board-sync.ts';
import { NoteOutbox, readQueue, type QueuedNote } from './note-outbox.ts';

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

export { applyChange, byPosition } from './board-sync.ts';

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
      timer = setTimeout(connect, reconnectDelay(attempt));
      attempt += 1;
    };

    const onFrame = (frame: BoardServerFrame) => {
      if (frame.type === 'snapshot') {
        update(frame.board);
      } else if (frame.type === 'change') {
        const step = stepForChange(boardRef.current, frame.seq, frame.change);
        // A gap should not happen; if it does, ask for what is missing instead of guessing.
        if (step.kind === 'resync') socket?.send(JSON.stringify({ type: 'sync', since: step.since }));
        else if (step.kind === 'apply') update(step.board);
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
      ws.onopen = () => ws.send(JSON.stringify(helloFrame(token, seq.current)));
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
          if (boardRef.current) update(applyChanges(boardRef.current, answer.changes));
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

export type { QueuedNote } from './note-outbox.ts';

/**
 * Notes waiting to be sent, kept in the browser until the server has them (see note-outbox.ts):
 * sent at once, again every 5 s and when the browser says it is back online.
 */
export function useNoteOutbox(boardId: string | undefined, token: string | undefined) {
  const storageKey = `samhandling.board.outbox.${boardId ?? ''}`;
  const [queue, setQueue] = useState<QueuedNote[]>(() => (boardId ? readQueue(localStorage, storageKey) : []));
  const [failed, setFailed] = useState<{ note: QueuedNote; message: string } | null>(null);

  const outbox = useMemo(
    () =>
      boardId
        ? new NoteOutbox({
            storage: localStorage,
            key: storageKey,
            send: (note) => api.postNote({ params: { id: boardId }, body: note, headers: authHeaders(token) }),
            onChange: setQueue,
            onRefused: (note, message) => setFailed({ note, message }),
          })
        : null,
    [boardId, token, storageKey],
  );

  const flush = useCallback(async () => {
    await outbox?.flush();
  }, [outbox]);

  const add = useCallback(
    (note: Omit<QueuedNote, 'clientKey'>) => {
      void outbox?.add(note);
    },
    [outbox],
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
