import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { Clock } from './clock.ts';
import type { JobQueue } from './jobs.ts';
import type { Mailer } from './mail.ts';
import type { Realtime } from './realtime.ts';

/** What services are built from; created once in main.ts (or by a test). */
export interface Deps {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  config: Config;
  clock: Clock;
  mailer: Mailer;
  /** Live fan-out (board sockets): LISTEN/NOTIFY on PostgreSQL, in-process on PGlite. */
  realtime: Realtime;
  /** The job queue (analyses, road network builds); started by the server, drained by tests. */
  jobs: JobQueue;
  version: string;
}
