import { sql, type Kysely, type Updateable } from 'kysely';
import type { Database, UsersTable } from '../../../db/schema.ts';

export function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').selectAll().where(sql<boolean>`lower(email) = lower(${email})`).executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByOidc(db: Kysely<Database>, issuer: string, subject: string) {
  return db.selectFrom('users').selectAll().where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).executeTakeFirst();
}

export function insertUser(
  db: Kysely<Database>,
  values: { email: string; name: string; passwordHash: string | null; isAdmin: boolean; language: 'sv' | 'en'; now: Date; oidcIssuer?: string; oidcSubject?: string },
) {
  return db
    .insertInto('users')
    .values({
      email: values.email,
      name: values.name,
      password_hash: values.passwordHash,
      is_admin: values.isAdmin,
      language: values.language,
      created_at: values.now,
      oidc_issuer: values.oidcIssuer ?? null,
      oidc_subject: values.oidcSubject ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateUser(db: Kysely<Database>, id: string, values: Updateable<UsersTable>) {
  // Nothing to change is not an error: answer with the row as it is.
  if (Object.keys(values).length === 0) return findUserById(db, id);
  return db.updateTable('users').set(values).where('id', '=', id).returningAll().executeTakeFirst();
}

export function listUsers(db: Kysely<Database>, q?: string) {
  let query = db.selectFrom('users').selectAll();
  if (q) {
    const pattern = '%' + q.replace(/[%_\\]/g, '\\$&') + '%';
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('email', 'ilike', pattern)]));
  }
  return query.limit(1000).execute();
}

export function countAdmins(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_admin', '=', true)
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
}

export function listMembershipsOfUser(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('spaces', 'spaces.id', 'memberships.space_id')
    .select(['spaces.id as spaceId', 'spaces.name as spaceName', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .execute();
}
