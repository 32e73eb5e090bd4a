import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
// People's data (issue 14 §2): account erasure, consent withdrawal recorded beside the consent,
// retention, and a schedule so a daily job runs once across several instances.
export async function up(db: Kysely<any>): Promise<void> {
  // An erased account stays as a row without personal data, so what others rely on (a comment,
  // a board note, an input entered on someone's behalf) still points somewhere: "borttagen användare".
  await db.schema.alterTable('users').addColumn('deleted_at', 'timestamptz').execute();

  // Who withdrew a consent and how, beside the consent itself.
  await db.schema
    .alterTable('person_consents')
    .addColumn('withdrawn_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('withdrawal_method', 'text')
    .execute();
  // An input's optional e-mail for notices is given with consent to be e-mailed about it.
  await db.schema
    .alterTable('inputs')
    .addColumn('notice_consent_withdrawn_at', 'timestamptz')
    .addColumn('notice_consent_withdrawn_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('notice_consent_withdrawal_method', 'text')
    .execute();
  // A registration's answers (diet, accessibility) and e-mails are given with consent to use them for the event.
  await db.schema
    .alterTable('registrations')
    .addColumn('consent_withdrawn_at', 'timestamptz')
    .addColumn('consent_withdrawn_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('consent_withdrawal_method', 'text')
    .execute();

  // A mapping survey is e-mailed to a contact person's address: they may ask not to be e-mailed again.
  await db.schema
    .alterTable('survey_recipients')
    .addColumn('consent_withdrawn_at', 'timestamptz')
    .addColumn('consent_withdrawn_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('consent_withdrawal_method', 'text')
    .execute();

  // Retention: an outbox message's body is purged after its time; audit entries lose their personal data.
  await db.schema.alterTable('outbox').addColumn('purged_at', 'timestamptz').execute();
  await db.schema.alterTable('audit_log').addColumn('redacted_at', 'timestamptz').execute();
  // The log stays append-only, with one narrow exception: redaction may clear the actor, the
  // request id and the details of an entry once, keeping what happened, to what and when.
  await sql`
    create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE'
         and old.redacted_at is null and new.redacted_at is not null
         and new.id = old.id and new.at = old.at and new.action = old.action
         and new.resource_type = old.resource_type
         and new.resource_id is not distinct from old.resource_id
         and new.actor_id is null and new.request_id is null and new.details = '{}'::jsonb then
        return new;
      end if;
      raise exception 'audit_log is append-only';
    end; $$`.execute(db);

  // One row per recurring job and period (e.g. the retention job and a day): the instance whose
  // insert wins enqueues the job, so it runs once a day however many instances there are.
  await db.schema
    .createTable('job_schedule')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('job_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_schedule_pk', ['name', 'period'])
    .execute();
  await db.schema.createIndex('registrations_email_idx').on('registrations').expression(sql`lower(email)`).execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').column('actor_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
