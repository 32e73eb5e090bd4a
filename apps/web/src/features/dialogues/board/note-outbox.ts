import { isApiError } from '../../../api/client.ts';

export interface QueuedNote {
  clientKey: string;
  promptId: string;
  text: string;
  groupId: string | null;
}

/** Where the queue is kept between page loads: the browser's localStorage, or anything like it. */
export type OutboxStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function newClientKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A refusal that sending again will not change (e.g. the board closed, the text too long): the note
 * is given up and the writer told. Network failures (status 0), timeouts, rate limits and server
 * errors are worth another try.
 */
export function isFinalRefusal(error: unknown): boolean {
  return isApiError(error) && error.status >= 400 && error.status < 500 && error.status !== 429 && error.status !== 408;
}

/** The queue kept under `key`, or an empty one if there is none or it cannot be read. */
export function readQueue(storage: OutboxStorage, key: string): QueuedNote[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? (parsed as QueuedNote[]) : [];
  } catch {
    return [];
  }
}

/**
 * Notes waiting to be sent, kept in storage until the server has them. Each has its own key, so
 * sending it again after a lost answer returns the note already made: never two. One send at a
 * time, in the order written; a failure that may pass keeps the note (and those after it) for the
 * next flush.
 */
export class NoteOutbox {
  private queue: QueuedNote[];
  private sending = false;

  constructor(
    private readonly options: {
      storage: OutboxStorage;
      key: string;
      send: (note: QueuedNote) => Promise<unknown>;
      /** The queue after each change, to show what is still waiting. */
      onChange?: (queue: QueuedNote[]) => void;
      /** A note refused for good, with the server's message. */
      onRefused?: (note: QueuedNote, message: string) => void;
      newKey?: () => string;
    },
  ) {
    this.queue = readQueue(options.storage, options.key);
  }

  get pending(): readonly QueuedNote[] {
    return this.queue;
  }

  add(note: Omit<QueuedNote, 'clientKey'>): Promise<void> {
    this.store([...this.queue, { ...note, clientKey: (this.options.newKey ?? newClientKey)() }]);
    return this.flush();
  }

  /** Sends what is waiting, oldest first; resolves when it has sent all it could. */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.queue.length > 0) {
        const note = this.queue[0]!;
        try {
          await this.options.send(note);
          this.store(this.queue.slice(1));
        } catch (error) {
          if (!isFinalRefusal(error)) break;
          this.options.onRefused?.(note, (error as Error).message);
          this.store(this.queue.slice(1));
        }
      }
    } finally {
      this.sending = false;
    }
  }

  private store(next: QueuedNote[]) {
    this.queue = next;
    this.options.storage.setItem(this.options.key, JSON.stringify(next));
    this.options.onChange?.(next);
  }
}
