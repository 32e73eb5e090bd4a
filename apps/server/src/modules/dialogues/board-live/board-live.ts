import { boardClientFrame, type BoardChange, type BoardServerFrame } from '@samhandling/contracts';
import type { WebSocket } from 'ws';
import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { translate } from '../../../platform/messages.ts';
import type { BoardViewer } from '../board/board.policy.ts';
import { BOARD_CHANNEL, boardSeq, changesAfter, replayFor, type BoardMessage } from '../board/board-changes.ts';
import { boardSnapshot } from '../board/board-read.ts';
import { resolveViewer } from '../board/board-viewer.ts';
import { changeFor } from '../board/board.presenter.ts';

/**
 * The live side of a board. Each app instance keeps one room per board with sockets on it; the
 * room hears every committed change through the realtime channel, puts the changes in number
 * order (reading any it missed from the change log) and hands each to its sockets.
 *
 * Protocol (validated with zod, see packages/contracts/src/boards.ts):
 *   client → { type: 'hello', token?, since? }   first frame; `since` is the last change applied
 *   server → snapshot (no or too old `since`) or the missed changes, then { type: 'ready', seq }
 *   server → { type: 'change', seq, change } for every later change, in order, none skipped
 *   client → { type: 'sync', since }             ask again (e.g. after a gap it noticed)
 *   client → { type: 'ping' } → { type: 'pong' } application keep-alive for proxies
 */

const HELLO_TIMEOUT_MS = 10_000;
const HEARTBEAT_MS = 30_000;
/** Further back than this a snapshot is cheaper than the replay. */
const MAX_REPLAY = 1000;
const MAX_BAD_FRAMES = 5;
/** Frames a client may send per 10 seconds: hello, sync and ping are all it needs. */
const MAX_FRAMES_PER_WINDOW = 40;
/** A socket that cannot keep up (its send buffer grows past this) is closed; the client reconnects and catches up. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

interface LiveSocket {
  socket: WebSocket;
  viewer: BoardViewer['kind'];
  /** Highest change number sent to this socket. */
  lastSent: number;
  ready: boolean;
  pending: { seq: number; change: BoardChange }[];
}

function send(live: LiveSocket, frame: BoardServerFrame) {
  if (live.socket.readyState !== live.socket.OPEN) return;
  if (live.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    live.socket.close(4408, 'too slow');
    return;
  }
  live.socket.send(JSON.stringify(frame));
}

function deliver(live: LiveSocket, seq: number, change: BoardChange) {
  if (!live.ready) {
    live.pending.push({ seq, change });
    return;
  }
  if (seq <= live.lastSent) return;
  live.lastSent = seq;
  send(live, { type: 'change', seq, change: changeFor(live.viewer, change) });
}

class Room {
  readonly sockets = new Set<LiveSocket>();
  private seq = 0;
  private queue: Promise<void>;

  constructor(
    private readonly deps: Deps,
    readonly boardId: string,
  ) {
    this.queue = boardSeq(deps.db, boardId).then(
      (seq) => {
        this.seq = seq;
      },
      () => {},
    );
  }

  /** Messages are handled one at a time, in arrival order. */
  receive(message: BoardMessage) {
    this.queue = this.queue.then(() => this.apply(message)).catch(() => {});
  }

  /** After the listening connection was lost: read whatever was committed meanwhile. */
  resync() {
    this.queue = this.queue.then(() => this.catchUp()).catch(() => {});
  }

  private async apply(message: BoardMessage) {
    if (message.s <= this.seq) return;
    const fresh = message.c?.filter((c) => c.seq > this.seq) ?? [];
    // Contiguous with what the room has: use the message; otherwise read the gap from the log.
    if (fresh.length && fresh[0]!.seq === this.seq + 1 && fresh.every((c, i) => c.seq === fresh[0]!.seq + i)) {
      for (const c of fresh) this.broadcast(c.seq, c.change);
      return;
    }
    await this.catchUp();
  }

  private async catchUp() {
    for (;;) {
      const changes = await changesAfter(this.deps.db, this.boardId, this.seq, MAX_REPLAY);
      for (const c of changes) this.broadcast(c.seq, c.change);
      if (changes.length < MAX_REPLAY) return;
    }
  }

  private broadcast(seq: number, change: BoardChange) {
    this.seq = seq;
    for (const live of this.sockets) deliver(live, seq, change);
  }
}

/** One per app (per Deps): the rooms of this instance and its subscription to the channel. */
class BoardHub {
  private readonly rooms = new Map<string, Room>();
  private subscribed: Promise<void> | undefined;

  constructor(private readonly deps: Deps) {}

  private subscribe() {
    return (this.subscribed ??= (async () => {
      await this.deps.realtime.subscribe(BOARD_CHANNEL, (message) => {
        const m = message as BoardMessage;
        if (typeof m?.b !== 'string' || typeof m.s !== 'number') return;
        this.rooms.get(m.b)?.receive(m);
      });
      this.deps.realtime.onReconnect(() => {
        for (const room of this.rooms.values()) room.resync();
      });
    })().catch((error: unknown) => {
      this.subscribed = undefined;
      throw error;
    }));
  }

  async join(boardId: string, live: LiveSocket) {
    await this.subscribe();
    let room = this.rooms.get(boardId);
    if (!room) this.rooms.set(boardId, (room = new Room(this.deps, boardId)));
    room.sockets.add(live);
    return () => {
      room.sockets.delete(live);
      if (room.sockets.size === 0 && this.rooms.get(boardId) === room) this.rooms.delete(boardId);
    };
  }

  roomCount() {
    return this.rooms.size;
  }
}

const hubs = new WeakMap<Deps, BoardHub>();
export function boardHub(deps: Deps): BoardHub {
  let hub = hubs.get(deps);
  if (!hub) hubs.set(deps, (hub = new BoardHub(deps)));
  return hub;
}

/** Sends the snapshot or the missed changes, then whatever arrived meanwhile, then `ready`. */
async function catchUp(deps: Deps, ctx: RequestContext, boardId: string, viewer: BoardViewer, live: LiveSocket, since: number | null | undefined) {
  live.ready = false;
  live.pending = [];
  const current = await boardSeq(deps.db, boardId);
  if (since === null || since === undefined || since > current || current - since > MAX_REPLAY) {
    const board = await boardSnapshot(deps, ctx, boardId, viewer);
    send(live, { type: 'snapshot', board });
    live.lastSent = board.seq;
  } else {
    live.lastSent = since;
    for (const c of await replayFor(deps.db, boardId, since, live.viewer, MAX_REPLAY)) {
      if (c.seq <= live.lastSent) continue;
      live.lastSent = c.seq;
      send(live, { type: 'change', seq: c.seq, change: c.change });
    }
  }
  live.ready = true;
  const pending = live.pending.sort((a, b) => a.seq - b.seq);
  live.pending = [];
  for (const c of pending) deliver(live, c.seq, c.change);
  send(live, { type: 'ready', seq: live.lastSent });
}

/** Runs one board socket: the first frame says who it is and where it left off. */
export function handleBoardSocket(deps: Deps, ctx: RequestContext, boardId: string, socket: WebSocket) {
  const errorFrame = (code: string, key: string) =>
    socket.readyState === socket.OPEN && socket.send(JSON.stringify({ type: 'error', code, message: translate(ctx.language, key as never) }));
  let live: LiveSocket | undefined;
  let viewer: BoardViewer | undefined;
  let leave: (() => void) | undefined;
  let badFrames = 0;
  let frames = 0;
  let windowStart = Date.now();
  let alive = true;
  let busy: Promise<void> = Promise.resolve();

  const helloTimer = setTimeout(() => socket.close(4401, 'hello expected'), HELLO_TIMEOUT_MS);
  const heartbeat = setInterval(() => {
    // No pong since the last ping: the connection is dead (a phone that lost its signal).
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, HEARTBEAT_MS);
  socket.on('pong', () => {
    alive = true;
  });

  const stop = () => {
    clearTimeout(helloTimer);
    clearInterval(heartbeat);
    leave?.();
    leave = undefined;
  };
  socket.on('close', stop);
  socket.on('error', stop);

  const bad = (key = 'errors.invalid') => {
    errorFrame('invalid', key);
    if (++badFrames >= MAX_BAD_FRAMES) socket.close(1008, 'too many bad frames');
  };

  socket.on('message', (data, isBinary) => {
    alive = true;
    const now = Date.now();
    if (now - windowStart > 10_000) {
      windowStart = now;
      frames = 0;
    }
    if (++frames > MAX_FRAMES_PER_WINDOW) {
      errorFrame('rate_limited', 'errors.rate_limited');
      socket.close(1008, 'rate limited');
      return;
    }
    if (isBinary) return bad();
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString());
    } catch {
      return bad('errors.malformed_json');
    }
    const result = boardClientFrame.safeParse(parsed);
    if (!result.success) return bad();
    const frame = result.data;
    busy = busy
      .then(async () => {
        if (frame.type === 'ping') {
          socket.send(JSON.stringify({ type: 'pong' }));
          return;
        }
        if (frame.type === 'hello') {
          if (viewer) return bad();
          clearTimeout(helloTimer);
          try {
            viewer = (await resolveViewer(deps, ctx, boardId, frame.token)).viewer;
          } catch (error) {
            errorFrame(error instanceof AppError ? error.code : 'not_found', 'errors.not_found');
            socket.close(4404, 'not found');
            return;
          }
          live = { socket, viewer: viewer.kind, lastSent: 0, ready: false, pending: [] };
          leave = await boardHub(deps).join(boardId, live);
          if (socket.readyState !== socket.OPEN) return stop();
          await catchUp(deps, ctx, boardId, viewer, live, frame.since);
          return;
        }
        if (!viewer || !live) return bad();
        await catchUp(deps, ctx, boardId, viewer, live, frame.since);
      })
      .catch(() => {
        // A database hiccup: the client reconnects and catches up from its last change.
        socket.close(1011, 'try again');
      });
  });
}
