import { createApiToken, resolveApiToken } from '../modules/accounts/api-token/api-token.service.ts';
import type { Deps } from '../platform/deps.ts';
import { demoContext, demoDeps, demoUser } from './demo-context.ts';

const DAY = 86_400_000;

/**
 * Two API tokens on the demo admin's account (Mitt konto → API-nycklar), to show the scopes: a
 * read-only one for the region's statistics and an admin one for the user sync from the HR system.
 * Their secrets are random and shown to no one; revoke them or make new ones to try the API.
 */
const DEMO_TOKENS = [
  { name: 'Regionens statistikuttag', scopes: ['read'], usedDaysAgo: 1 },
  { name: 'Användarsynk från HR-systemet', scopes: ['read', 'write', 'admin'], usedDaysAgo: null },
] as const;

/** Made a month ago through the token service, as the admin would on Mitt konto; the first used yesterday (resolved as a request would). */
export async function seedDemoApiTokens(deps: Deps, now: Date): Promise<void> {
  const actor = await demoUser(deps, 'admin@example.org');
  if (actor.kind !== 'user') return;
  for (const token of DEMO_TOKENS) {
    const made = await createApiToken(demoDeps(deps, deps.db, new Date(now.getTime() - 30 * DAY)), demoContext(deps, actor), actor.user.id, token.name, [...token.scopes]);
    if (token.usedDaysAgo !== null) await resolveApiToken(demoDeps(deps, deps.db, new Date(now.getTime() - token.usedDaysAgo * DAY)), made.token);
  }
}
