import type { Kysely } from 'kysely';
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
