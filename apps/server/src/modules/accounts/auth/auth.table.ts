import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../../db/column-types.ts';

export interface AuthLinksTable {
  id: Generated<string>;
  kind: 'magic_link' | 'password_reset' | 'unlock';
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

/** A browser (kind 'device') or client address (kind 'address') an account signed in from, hashed. */
export interface KnownSignInsTable {
  user_id: string;
  kind: 'device' | 'address';
  key_hash: string;
  last_seen_at: Timestamp;
}

export interface OidcStatesTable {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Timestamp;
}
