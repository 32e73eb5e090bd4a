import type { User } from '@samhandling/contracts';
import type { UserRow } from '../../../db/schema.ts';

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    language: row.language,
    isAdmin: row.is_admin,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}
