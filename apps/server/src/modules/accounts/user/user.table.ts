import type { Generated, Selectable } from 'kysely';
import type { CreatedAt, NullableTimestamp } from '../../../db/column-types.ts';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  language: Generated<'sv' | 'en'>;
  password_hash: string | null;
  is_admin: Generated<boolean>;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: CreatedAt;
  disabled_at: NullableTimestamp;
  deleted_at: NullableTimestamp;
}

export type UserRow = Selectable<UsersTable>;
