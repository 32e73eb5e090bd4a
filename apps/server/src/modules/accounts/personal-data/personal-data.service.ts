import type { AccountDeletionPreview } from '@samhandling/contracts';
import { personalDataProviders } from '../../../personal-data.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, invalid, unauthenticated } from '../../../platform/errors.ts';
import { DELETED_USER_NAME, type DataSubject, type PersonalDataProvider } from '../../../platform/personal-data.ts';
import { spacesOnlyLedBy } from '../../spaces/membership/membership.personal-data.ts';
import { verifyPassword } from '../auth/password.ts';
import { canManageOwnData } from './personal-data.policy.ts';
import { countOtherActiveAdmins, findAccount, tombstoneAccount } from './personal-data.repository.ts';

export interface PersonalDataExport {
  format: 'samhandling-personal-data';
  version: 1;
  exportedAt: string;
  subject: { userId: string; email: string };
  sections: Record<string, Record<string, unknown>[]>;
}

async function subjectOf(deps: Deps, ctx: RequestContext) {
  if (!canManageOwnData(ctx.actor)) throw unauthenticated();
  const row = await findAccount(deps.db, ctx.actor.user.id);
  if (!row) throw unauthenticated();
  return { row, subject: { userId: row.id, email: row.email } satisfies DataSubject };
}

/** Everything the platform holds about the signed-in person, section by section (one per module). */
export async function exportMyData(deps: Deps, ctx: RequestContext, providers: readonly PersonalDataProvider[] = personalDataProviders): Promise<PersonalDataExport> {
  const { subject } = await subjectOf(deps, ctx);
  const sections: Record<string, Record<string, unknown>[]> = {};
  for (const provider of providers) sections[provider.key] = await provider.collect(deps, subject);
  await deps.db.transaction().execute((trx) =>
    recordAudit(trx, deps.clock, ctx, { action: 'user.export_data', resourceType: 'user', resourceId: subject.userId }),
  );
  return { format: 'samhandling-personal-data', version: 1, exportedAt: deps.clock.now().toISOString(), subject, sections };
}

/** What deleting the account will do, for the page that asks the person to confirm. */
export async function previewAccountDeletion(deps: Deps, ctx: RequestContext, providers: readonly PersonalDataProvider[] = personalDataProviders): Promise<AccountDeletionPreview> {
  const { row, subject } = await subjectOf(deps, ctx);
  const counts: Record<string, number> = {};
  for (const provider of providers) counts[provider.key] = (await provider.collect(deps, subject)).length;
  return {
    needsPassword: row.password_hash !== null,
    soleLeaderOf: await spacesOnlyLedBy(deps, row.id),
    lastPlatformAdmin: row.is_admin && (await countOtherActiveAdmins(deps.db, row.id)) === 0,
    counts,
  };
}

/**
 * Deletes the signed-in person's account (GDPR art. 17). Their credentials, sessions, tokens,
 * memberships and e-mails go; their registrations, inputs' addresses and people records are
 * erased; what others rely on (comments in a consultation, board notes, inputs, the history of
 * changes, the audit log) stays with the person shown as "borttagen användare". The person
 * confirms with their password (or, without one, their e-mail address typed out); a space's only
 * admin and the last platform admin must hand over first. The audit entry holds no personal data.
 */
export async function deleteMyAccount(
  deps: Deps,
  ctx: RequestContext,
  input: { password?: string | undefined; confirmEmail?: string | undefined },
  providers: readonly PersonalDataProvider[] = personalDataProviders,
): Promise<void> {
  const { row, subject } = await subjectOf(deps, ctx);
  if (row.password_hash) {
    if (!input.password || !(await verifyPassword(row.password_hash, input.password))) throw invalid({ password: 'errors.bad_credentials' });
  } else if ((input.confirmEmail ?? '').trim().toLowerCase() !== row.email.toLowerCase()) {
    throw invalid({ confirmEmail: 'errors.confirmation_mismatch' });
  }
  await deps.db.transaction().execute(async (trx) => {
    // Checked again inside the transaction, just before the erasure.
    const sole = await spacesOnlyLedBy({ db: trx }, row.id);
    if (sole.length) {
      throw new AppError('conflict', 'errors.sole_leader', {}, { spaces: sole.map((s) => s.name).join(', ') }, undefined, { spaces: sole });
    }
    if (row.is_admin && (await countOtherActiveAdmins(trx, row.id)) === 0) throw new AppError('conflict', 'errors.last_platform_admin');
    const erased: Record<string, number> = {};
    for (const provider of providers) erased[provider.key] = await provider.erase(deps, trx, ctx, subject);
    await tombstoneAccount(trx, row.id, DELETED_USER_NAME, deps.clock.now());
    // Counts only: the log never learns who the person was beyond the (now empty) account id.
    await recordAudit(trx, deps.clock, ctx, { action: 'user.delete_self', resourceType: 'user', resourceId: row.id, details: { erased } });
  });
}
