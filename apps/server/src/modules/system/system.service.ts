import type { Health } from '@samhandling/contracts';
import { sql } from 'kysely';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';

/** Healthy means the database answers: a load balancer takes the instance out otherwise. */
export async function checkHealth(deps: Deps): Promise<Health> {
  try {
    await sql`select 1`.execute(deps.db);
  } catch {
    throw new AppError('unavailable', 'errors.unavailable');
  }
  return { status: 'ok', database: deps.dbKind, version: deps.version };
}
