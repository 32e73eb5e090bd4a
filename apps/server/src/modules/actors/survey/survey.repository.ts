import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export function insertSurvey(db: Kysely<Database>, values: { spaceId: string; title: string; message: string; createdBy: string | null; now: Date }) {
  return db
    .insertInto('surveys')
    .values({ space_id: values.spaceId, title: values.title, message: values.message, created_by: values.createdBy, created_at: values.now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function insertRecipient(db: Kysely<Database>, values: { surveyId: string; organisationId: string; email: string; tokenHash: string; now: Date }) {
  return db
    .insertInto('survey_recipients')
    .values({ survey_id: values.surveyId, organisation_id: values.organisationId, email: values.email, token_hash: values.tokenHash, sent_at: values.now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function listSurveys(db: Kysely<Database>, spaceId: string) {
  return db.selectFrom('surveys').selectAll().where('space_id', '=', spaceId).orderBy('created_at', 'desc').execute();
}

export function findSurvey(db: Kysely<Database>, spaceId: string, surveyId: string) {
  return db.selectFrom('surveys').selectAll().where('space_id', '=', spaceId).where('id', '=', surveyId).executeTakeFirst();
}

export function listRecipients(db: Kysely<Database>, surveyIds: string[]) {
  if (surveyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('survey_recipients')
    .innerJoin('organisations', 'organisations.id', 'survey_recipients.organisation_id')
    .select([
      'survey_recipients.id',
      'survey_recipients.survey_id',
      'survey_recipients.organisation_id',
      'survey_recipients.email',
      'survey_recipients.responded_at',
      'survey_recipients.reminded_at',
      'survey_recipients.consent_withdrawn_at',
      'organisations.name as organisation_name',
    ])
    .where('survey_recipients.survey_id', 'in', surveyIds)
    .execute();
}

export function findRecipientByToken(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('survey_recipients')
    .innerJoin('surveys', 'surveys.id', 'survey_recipients.survey_id')
    .innerJoin('spaces', 'spaces.id', 'surveys.space_id')
    .innerJoin('organisations', 'organisations.id', 'survey_recipients.organisation_id')
    .select([
      'survey_recipients.id',
      'survey_recipients.survey_id',
      'survey_recipients.organisation_id',
      'survey_recipients.responded_at',
      'surveys.title',
      'surveys.message',
      'surveys.space_id',
      'spaces.name as space_name',
      'spaces.archived_at as space_archived_at',
      'organisations.name as organisation_name',
    ])
    .where('survey_recipients.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function updateRecipientToken(db: Kysely<Database>, id: string, tokenHash: string, now: Date) {
  return db.updateTable('survey_recipients').set({ token_hash: tokenHash, reminded_at: now }).where('id', '=', id).execute();
}

export function markResponded(db: Kysely<Database>, id: string, now: Date) {
  return db.updateTable('survey_recipients').set({ responded_at: now }).where('id', '=', id).execute();
}

export function surveyAnswersOf(db: Kysely<Database>, surveyId: string, organisationId: string) {
  return db
    .selectFrom('collaborations')
    .select(['org_a', 'org_b', 'type', 'frequency', 'reported_by_a', 'reported_by_b'])
    .where('survey_id', '=', surveyId)
    .where((eb) => eb.or([eb.and([eb('org_a', '=', organisationId), eb('reported_by_a', '=', true)]), eb.and([eb('org_b', '=', organisationId), eb('reported_by_b', '=', true)])]))
    .execute();
}

// --- people's data: export, erasure, consent withdrawal ---

/** Survey invitations sent to a person's address (as their organisation's contact). */
export function surveyInvitationsTo(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('survey_recipients as r')
    .innerJoin('surveys as s', 's.id', 'r.survey_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select(['r.id', 'r.email', 's.title', 's.space_id', 'o.name as organisation_name', 'r.sent_at', 'r.reminded_at', 'r.responded_at', 'r.consent_withdrawn_at'])
    .where(sql<string>`lower(r.email)`, '=', email.toLowerCase())
    .orderBy('r.sent_at')
    .execute();
}

export function findRecipientForConsent(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('survey_recipients as r')
    .innerJoin('surveys as s', 's.id', 'r.survey_id')
    .innerJoin('spaces as sp', 'sp.id', 's.space_id')
    .select(['r.id', 'r.email', 'r.consent_withdrawn_at', 's.title', 's.space_id', 'sp.name as space_name'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export function lockRecipientForConsent(db: Kysely<Database>, id: string) {
  return db.selectFrom('survey_recipients').select(['id', 'survey_id', 'consent_withdrawn_at']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function markRecipientWithdrawn(db: Kysely<Database>, id: string, how: { at: Date; by: string | null; method: 'link' | 'leader' | 'self' | 'account_deletion' }) {
  return db
    .updateTable('survey_recipients')
    .set({ email: '', consent_withdrawn_at: how.at, consent_withdrawn_by: how.by, consent_withdrawal_method: how.method })
    .where('id', '=', id)
    .execute();
}
