import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { invalid } from '../../../platform/errors.ts';

/**
 * The password rule beyond the contract's length check (10–200 characters): not a password from
 * the shipped list of leaked passwords, and not the account's e-mail address, the name before @,
 * or the platform's name. Compared after NFKC normalisation and lower-casing.
 */
const LIST_FILE = fileURLToPath(new URL('../../../../../../data/passwords/common-passwords.txt.gz', import.meta.url));
const PLATFORM_NAME = 'samhandling';

let common: Set<string> | undefined;
/** The shipped list (data/passwords, see data/SOURCES.md), read once on first use. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(gunzipSync(readFileSync(LIST_FILE)).toString('utf8').split('\n').filter(Boolean));
  return common;
}

const normalise = (text: string) => text.normalize('NFKC').toLowerCase();
const lettersAndDigits = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '');

/** The message key of what is wrong with a new password for the account `email`, or undefined. */
export function passwordProblem(password: string, email: string): string | undefined {
  const candidate = normalise(password);
  if (commonPasswords().has(candidate)) return 'errors.password_common';
  const address = normalise(email);
  const local = address.split('@')[0] ?? '';
  const plain = lettersAndDigits(candidate);
  const personal = [address, local, PLATFORM_NAME].filter((part) => part.length >= 3);
  if (personal.some((part) => candidate.includes(part) || (lettersAndDigits(part).length >= 3 && plain.includes(lettersAndDigits(part))))) {
    return 'errors.password_personal';
  }
  return undefined;
}

/** Refuses (400, on `field`) a new password that breaks the rule. */
export function assertAcceptablePassword(password: string, email: string, field: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw invalid({ [field]: problem });
}
