import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/** OpenID Connect sign-ins under way: the state, nonce and PKCE verifier of each, one use only. */
export async function insertOidcState(
  db: Kysely<Database>,
  values: { state: string; nonce: string; codeVerifier: string; returnTo: string; now: Date },
) {
  await db
    .insertInto('oidc_states')
    .values({ state: values.state, nonce: values.nonce, code_verifier: values.codeVerifier, return_to: values.returnTo, created_at: values.now })
    .execute();
}

export async function deleteOidcStatesCreatedBefore(db: Kysely<Database>, before: Date) {
  await db.deleteFrom('oidc_states').where('created_at', '<', before).execute();
}

/** Takes the state row: deleted as it is read, so a callback can use it once. */
export function takeOidcState(db: Kysely<Database>, state: string) {
  return db.deleteFrom('oidc_states').where('state', '=', state).returningAll().executeTakeFirst();
}
