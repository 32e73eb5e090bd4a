import type { Generated } from 'kysely';
import type { Timestamp } from '../../../db/column-types.ts';

/** A self-registration waiting for its e-mailed confirmation link (SIGNUP=open|domains). */
export interface SignupsTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  language: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}
