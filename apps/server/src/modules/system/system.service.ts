import type { Health } from '@samhandling/contracts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { ping } from './system.repository.ts';

/** Healthy means the database answers: a load balancer takes the instance out otherwise. */
export async function checkHealth(deps: Deps): Promise<Health> {
  try {
    await ping(deps.db);
  } catch {
    throw new AppError('unavailable', 'errors.unavailable');
  }
  return { status: 'ok', database: deps.dbKind, version: deps.version };
}
