import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { hashToken, newToken } from '../platform/secrets.ts';

/**
 * Two API tokens on the demo admin's account (Mitt konto → API-nycklar), to show the scopes: a
 * read-only one for the region's statistics and an admin one for the user sync from the HR system.
 * Their secrets are random and shown to no one; revoke them or make new ones to try the API.
 */
const DEMO_TOKENS = [
  { name: 'Regionens statistikuttag', scopes: 'read', usedDaysAgo: 1 },
  { name: 'Användarsynk från HR-systemet', scopes: 'read write admin', usedDaysAgo: null },
] as const;

export async function seedDemoApiTokens(trx: Kysely<Database>, secret: string, now: Date): Promise<void> {
  const admin = await trx.selectFrom('users').select('id').where('email', '=', 'admin@example.org').executeTakeFirst();
  if (!admin) return;
  for (const token of DEMO_TOKENS) {
    const value = `smh_${newToken()}`;
    await trx
      .insertInto('api_tokens')
      .values({
        user_id: admin.id,
        name: token.name,
        token_hash: hashToken(secret, value),
        prefix: value.slice(0, 10),
        scopes: token.scopes,
        created_at: new Date(now.getTime() - 30 * 86_400_000),
        last_used_at: token.usedDaysAgo === null ? null : new Date(now.getTime() - token.usedDaysAgo * 86_400_000),
      })
      .execute();
  }
}
