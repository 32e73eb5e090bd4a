import { sql, type Kysely } from 'kysely';
import type { Database, SpaceRole } from '../../../db/schema.ts';

export function insertInvitation(
  db: Kysely<Database>,
  values: { spaceId: string; email: string; role: SpaceRole; tokenHash: string; invitedBy: string; now: Date; expiresAt: Date },
) {
  return db
    .insertInto('invitations')
    .values({
      space_id: values.spaceId,
      email: values.email,
      role: values.role,
      token_hash: values.tokenHash,
      invited_by: values.invitedBy,
      created_at: values.now,
      expires_at: values.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listInvitations(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('invitations').selectAll().where('space_id', '=', spaceId).orderBy('created_at', 'desc').limit(500).execute();
}

export function findInvitationByTokenHash(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('spaces', 'spaces.id', 'invitations.space_id')
    .selectAll('invitations')
    .select(['spaces.name as space_name', 'spaces.archived_at as space_archived_at'])
    .where('invitations.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks it accepted only if still open: the check and the change are one statement. */
export function markAccepted(db: Kysely<Database>, id: string, userId: string, now: Date) {
  return db
    .updateTable('invitations')
    .set({ accepted_at: now, accepted_by: userId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('id')
    .executeTakeFirst();
}

export function markRevoked(db: Kysely<Database>, spaceId: string, id: string, now: Date) {
  return db
    .updateTable('invitations')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('space_id', '=', spaceId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

// --- people's data: export and erasure ---

/** Invitations sent to a person's address (never the token). */
export function invitationsToEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('spaces', 'spaces.id', 'invitations.space_id')
    .select(['invitations.id', 'invitations.space_id', 'spaces.name as space_name', 'invitations.email', 'invitations.role', 'invitations.created_at', 'invitations.expires_at', 'invitations.accepted_at', 'invitations.revoked_at'])
    .where(sql<string>`lower(invitations.email)`, '=', email.toLowerCase())
    .orderBy('invitations.created_at')
    .execute();
}

/** An erased person's invitations keep their facts (who invited, to what role, when) without the address. */
export async function anonymiseInvitationsTo(db: Kysely<Database>, email: string, replacement: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('invitations')
    .set((eb) => ({ email: replacement, revoked_at: eb.fn.coalesce('revoked_at', eb.val(now)) }))
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
