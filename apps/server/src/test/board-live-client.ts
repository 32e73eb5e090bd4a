import type { BoardChange, BoardNote, BoardServerFrame } from '@samhandling/contracts';
import WebSocket from 'ws';

/**
 * A real WebSocket client of /api/boards/{id}/live that keeps the board's notes the way the web
 * client does: applies the snapshot, then each numbered change, and remembers the last number.
 * Used by the API tests, the PostgreSQL multi-instance test and the latency bench.
 */
export class LiveBoardClient {
  readonly frames: BoardServerFrame[] = [];
  readonly notes = new Map<string, BoardNote>();
  readonly votes = new Map<string, number>();
  lastSeq: number | null = null;
  closed: { code: number; reason: string } | undefined;
  /** Called with each note the first time this client sees it. */
  onNote?: (note: BoardNote) => void;
  private socket!: WebSocket;
  private waiters: { test: () => boolean; resolve: () => void }[] = [];

  constructor(
    readonly baseUrl: string,
    readonly boardId: string,
    readonly auth: { token?: string; cookie?: string; origin?: string | null },
  ) {}

  /** Opens the socket and says hello with the last change seen; resolves on `ready`. */
  async connect(): Promise<this> {
    const url = `${this.baseUrl.replace(/^http/, 'ws')}/api/boards/${this.boardId}/live`;
    const headers: Record<string, string> = {};
    if (this.auth.cookie) headers.cookie = this.auth.cookie;
    const origin = this.auth.origin === undefined ? this.baseUrl : this.auth.origin;
    this.closed = undefined;
    this.socket = new WebSocket(url, { headers, ...(origin !== null ? { origin } : {}) });
    this.socket.on('message', (data) => this.receive(JSON.parse(data.toString()) as BoardServerFrame));
    this.socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.check();
    });
    await new Promise<void>((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
      this.socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
    const readyCount = this.frames.filter((f) => f.type === 'ready').length;
    this.send({ type: 'hello', ...(this.auth.token ? { token: this.auth.token } : {}), since: this.lastSeq });
    await this.until(() => this.frames.filter((f) => f.type === 'ready').length > readyCount || this.closed !== undefined);
    const closed = this.closed as { code: number; reason: string } | undefined;
    if (closed) throw new Error(`closed: ${closed.code} ${closed.reason}`);
    return this;
  }

  send(frame: unknown) {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  raw() {
    return this.socket;
  }

  private receive(frame: BoardServerFrame) {
    this.frames.push(frame);
    if (frame.type === 'snapshot') {
      this.notes.clear();
      for (const note of frame.board.notes) this.addNote(note);
      this.lastSeq = frame.board.seq;
    } else if (frame.type === 'change') {
      if (this.lastSeq !== null && frame.seq !== this.lastSeq + 1) throw new Error(`gap: had ${this.lastSeq}, got ${frame.seq}`);
      this.apply(frame.change);
      this.lastSeq = frame.seq;
    }
    this.check();
  }

  private addNote(note: BoardNote) {
    const first = !this.notes.has(note.id);
    this.notes.set(note.id, note);
    this.votes.set(note.id, note.votes);
    if (first) this.onNote?.(note);
  }

  private apply(change: BoardChange) {
    if (change.kind === 'note') this.addNote(change.note);
    else if (change.kind === 'note_hidden') this.notes.delete(change.noteId);
    else if (change.kind === 'votes') this.votes.set(change.noteId, change.votes);
  }

  private check() {
    this.waiters = this.waiters.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  }

  /** Waits until the condition holds (checked on every frame); the test's timeout bounds it. */
  until(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  hasNoteWithText(text: string) {
    return [...this.notes.values()].some((n) => n.text === text);
  }

  async close() {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    const done = new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
    this.socket.close();
    await done;
  }
}
