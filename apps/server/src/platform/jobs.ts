import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, JobStatus } from '../db/schema.ts';

/**
 * A job queue in the database. Jobs are claimed with `FOR UPDATE SKIP LOCKED`, so any number of
 * instances on one PostgreSQL server share the queue and each job runs once; on PGlite the one
 * instance does the same. Workers run in-process; a handler that computes for long puts that work
 * on a worker thread. A job reports its stage and percent; cancelling sets a flag that the running
 * instance sees within a heartbeat and turns into an aborted signal for the handler.
 */
export interface JobContext {
  id: string;
  payload: Record<string, unknown>;
  /** Aborted when someone cancels the job or the instance stops. */
  signal: AbortSignal;
  progress(stage: string, percent: number): Promise<void>;
}

export type JobHandler = (job: JobContext) => Promise<Record<string, unknown> | void>;

export interface JobRow {
  id: string;
  kind: string;
  status: JobStatus;
  stage: string | null;
  percent: number;
  error: string | null;
  result: Record<string, unknown> | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

const HEARTBEAT_MS = 1_000;
/** A running job whose instance has not beaten its heart for this long is taken over. */
const STALE_AFTER_S = 120;
const MAX_ATTEMPTS = 3;

export class JobQueue {
  readonly instanceId = randomUUID();
  private readonly handlers = new Map<string, JobHandler>();
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private timer: NodeJS.Timeout | undefined;
  private loop: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly schedules = new Map<string, { periodOf: (now: Date) => string; payload: Record<string, unknown> }>();
  private scheduleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: { concurrency?: number; pollMs?: number } = {},
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Inserts a job in the caller's transaction; call `kick()` after commit to start it at once. */
  async enqueue(trx: Kysely<Database>, kind: string, payload: Record<string, unknown>): Promise<string> {
    const { id } = await trx.insertInto('jobs').values({ kind, payload: JSON.stringify(payload), stage: null, result: null, error: null, locked_by: null }).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /**
   * A recurring job: `periodOf` names the period a moment belongs to (e.g. the UTC day), and the
   * job is enqueued once per period however many instances check (see `enqueueOncePer`).
   */
  schedule(kind: string, periodOf: (now: Date) => string, payload: Record<string, unknown> = {}): void {
    this.schedules.set(kind, { periodOf, payload });
  }

  /**
   * Enqueues `kind` for `period` unless some instance already did: the first insert of
   * (kind, period) into job_schedule wins, in the same transaction as the job, so on several
   * instances exactly one job exists per period. Answers the job's id when this call made it.
   */
  async enqueueOncePer(kind: string, period: string, payload: Record<string, unknown>, now: Date): Promise<string | undefined> {
    const id = await this.db.transaction().execute(async (trx) => {
      const won = await trx
        .insertInto('job_schedule')
        .values({ name: kind, period, job_id: null, created_at: now })
        .onConflict((oc) => oc.columns(['name', 'period']).doNothing())
        .returning('name')
        .executeTakeFirst();
      if (!won) return undefined;
      const jobId = await this.enqueue(trx, kind, { ...payload, period });
      await trx.updateTable('job_schedule').set({ job_id: jobId }).where('name', '=', kind).where('period', '=', period).execute();
      return jobId;
    });
    if (id) this.kick();
    return id;
  }

  /** Enqueues every scheduled job (or those of `only`) whose period has no job yet (called by the schedule timer, or a test). */
  async runSchedules(now: Date, only?: readonly string[]): Promise<string[]> {
    const made: string[] = [];
    for (const [kind, { periodOf, payload }] of this.schedules) {
      if (only && !only.includes(kind)) continue;
      const id = await this.enqueueOncePer(kind, periodOf(now), payload, now);
      if (id) made.push(id);
    }
    return made;
  }

  /** Checks the schedules now and then every `everyMs` (default ten minutes). */
  startSchedules(clock: { now(): Date }, everyMs = 10 * 60_000): void {
    const check = () => void this.runSchedules(clock.now()).catch(() => {});
    this.scheduleTimer ??= setInterval(check, everyMs);
    this.scheduleTimer.unref();
    check();
  }

  async get(id: string, db: Kysely<Database> = this.db): Promise<JobRow | undefined> {
    return db
      .selectFrom('jobs')
      .select(['id', 'kind', 'status', 'stage', 'percent', 'error', 'result', 'created_at', 'started_at', 'finished_at'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** A queued job is cancelled at once; a running one when its instance next beats its heart. */
  async cancel(id: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ status: 'cancelled', finished_at: sql<Date>`now()`, stage: null })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .execute();
    await this.db.updateTable('jobs').set({ cancel_requested: true }).where('id', '=', id).where('status', '=', 'running').execute();
    this.running.get(id)?.controller.abort(new JobCancelled());
  }

  /** Polls for work (jobs enqueued by other instances, or left by one that died). */
  start(): void {
    this.stopped = false;
    this.timer ??= setInterval(() => this.kick(), this.options.pollMs ?? 2_000);
    this.timer.unref();
    this.kick();
  }

  /** Looks for work now. */
  kick(): void {
    if (this.stopped) return;
    if (this.loop) {
      this.again = true;
      return;
    }
    this.loop = this.claimLoop()
      .catch(() => {})
      .finally(() => {
        this.loop = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when this instance has no job running and none it could claim (for tests and benches). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.loop) await this.loop;
      const runs = [...this.running.values()].map((r) => r.done);
      if (runs.length) {
        await Promise.all(runs);
        continue;
      }
      if (this.loop) continue;
      const waiting = await this.db
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'queued')
        .where('kind', 'in', [...this.handlers.keys()].length ? [...this.handlers.keys()] : ['-'])
        .limit(1)
        .executeTakeFirst();
      if (!waiting || this.stopped) return;
      this.kick();
      await this.loop;
    }
  }

  /** Stops claiming, aborts what runs here and waits for it to end (the jobs go back to the queue). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.scheduleTimer) clearInterval(this.scheduleTimer);
    this.scheduleTimer = undefined;
    await this.loop;
    for (const r of this.running.values()) r.controller.abort(new Error('stopping'));
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  private async claimLoop(): Promise<void> {
    const concurrency = this.options.concurrency ?? 1;
    while (!this.stopped && this.running.size < concurrency) {
      const job = await this.claim();
      if (!job) return;
      const controller = new AbortController();
      const done = this.run(job, controller).finally(() => {
        this.running.delete(job.id);
        this.kick();
      });
      this.running.set(job.id, { controller, done });
    }
  }

  private async claim(): Promise<{ id: string; kind: string; payload: Record<string, unknown> } | undefined> {
    const kinds = [...this.handlers.keys()];
    if (!kinds.length) return undefined;
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('jobs')
        .select(['id', 'kind', 'payload'])
        .where('kind', 'in', kinds)
        .where((eb) =>
          eb.or([
            eb('status', '=', 'queued'),
            // Left running by an instance that stopped beating: take it over.
            eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${STALE_AFTER_S})`)]),
          ]),
        )
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return undefined;
      const updated = await trx
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          locked_by: this.instanceId,
          heartbeat_at: sql<Date>`now()`,
          started_at: sql<Date>`coalesce(started_at, now())`,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', row.id)
        .returning('attempts')
        .executeTakeFirstOrThrow();
      if (updated.attempts > MAX_ATTEMPTS) {
        await trx.updateTable('jobs').set({ status: 'failed', error: 'too many attempts', finished_at: sql<Date>`now()` }).where('id', '=', row.id).execute();
        return undefined;
      }
      return row;
    });
  }

  private async run(job: { id: string; kind: string; payload: Record<string, unknown> }, controller: AbortController): Promise<void> {
    const handler = this.handlers.get(job.kind)!;
    const mine = (eb: Kysely<Database>) => eb.updateTable('jobs').where('id', '=', job.id).where('locked_by', '=', this.instanceId).where('status', '=', 'running');
    // The heartbeat keeps the claim and carries a cancel request made on any instance to this one.
    const beat = async () => {
      const row = await mine(this.db).set({ heartbeat_at: sql<Date>`now()` }).returning('cancel_requested').executeTakeFirst();
      if (!row) controller.abort(new Error('claim lost'));
      else if (row.cancel_requested) controller.abort(new JobCancelled());
    };
    const heart = setInterval(() => void beat().catch(() => {}), HEARTBEAT_MS);
    heart.unref();
    let lastWrite = 0;
    const context: JobContext = {
      id: job.id,
      payload: job.payload,
      signal: controller.signal,
      progress: async (stage, percent) => {
        if (controller.signal.aborted) throw controller.signal.reason;
        const now = Date.now();
        // Progress is written at most a few times a second; a stage change always.
        if (now - lastWrite < 200 && percent < 100) return;
        lastWrite = now;
        const row = await mine(this.db)
          .set({ stage, percent: Math.max(0, Math.min(100, percent)), heartbeat_at: sql<Date>`now()` })
          .returning('cancel_requested')
          .executeTakeFirst();
        if (row?.cancel_requested) controller.abort(new JobCancelled());
        if (controller.signal.aborted) throw controller.signal.reason;
      },
    };
    try {
      const result = await handler(context);
      if (controller.signal.aborted) throw controller.signal.reason;
      await mine(this.db)
        .set({ status: 'done', percent: 100, stage: null, result: JSON.stringify(result ?? {}), finished_at: sql<Date>`now()`, locked_by: null })
        .execute();
    } catch (error) {
      const reason = controller.signal.aborted ? controller.signal.reason : error;
      if (reason instanceof JobCancelled) {
        await mine(this.db).set({ status: 'cancelled', stage: null, finished_at: sql<Date>`now()`, locked_by: null }).execute();
      } else if (this.stopped) {
        // The instance stops: the job goes back to the queue for another (or the next start).
        await mine(this.db).set({ status: 'queued', locked_by: null, heartbeat_at: null }).execute();
      } else {
        await mine(this.db)
          .set({ status: 'failed', stage: null, error: String((reason as Error)?.message ?? reason).slice(0, 2000), finished_at: sql<Date>`now()`, locked_by: null })
          .execute();
      }
    } finally {
      clearInterval(heart);
    }
  }
}
