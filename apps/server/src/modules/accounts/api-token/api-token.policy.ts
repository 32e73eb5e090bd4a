import type { TokenScope } from '@samhandling/contracts';
import { isPlatformAdmin, type Actor } from '../../../platform/actor.ts';

/** Anyone signed in may make read and write tokens; only a platform admin an admin token. */
export function canRequestScopes(actor: Actor, scopes: readonly TokenScope[]): boolean {
  return !scopes.includes('admin') || isPlatformAdmin(actor);
}

/** What a token may do with a request of `method`: read (GET/HEAD) always, anything else with `write`. */
export function tokenAllowsMethod(scopes: readonly TokenScope[], method: string): boolean {
  return method === 'GET' || method === 'HEAD' || scopes.includes('write');
}
