import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RequestContext } from './actor.ts';
import type { Deps } from './deps.ts';

/**
 * The person a data export or an erasure is about: their account id and the e-mail address that
 * also finds what they gave without an account (registrations, inputs, people records).
 */
export interface DataSubject {
  userId: string;
  email: string;
}

/** The name an erased person is shown under wherever what they did stays (comments, notes, history). */
export const DELETED_USER_NAME = 'borttagen användare';

/**
 * One module's part of "download my data" and "delete my account". Each module answers for its
 * own tables through its own repository, so a new module adds a provider and nothing else changes.
 */
export interface PersonalDataProvider {
  /** A stable key: the section's name in the export (e.g. "registrations"). */
  key: string;
  /** Everything the module holds about the subject, as plain JSON rows (no secrets, no hashes). */
  collect(deps: Deps, subject: DataSubject): Promise<Record<string, unknown>[]>;
  /**
   * Erases or anonymises the subject's data inside the caller's transaction and answers how many
   * rows it touched. What others rely on stays, with the person replaced by DELETED_USER_NAME.
   */
  erase(deps: Deps, trx: Kysely<Database>, ctx: RequestContext, subject: DataSubject): Promise<number>;
}

/** Who withdraws a consent and how; recorded beside the consent. */
export interface Withdrawal {
  at: Date;
  by: string | null;
  method: 'link' | 'leader' | 'self' | 'account_deletion';
}
