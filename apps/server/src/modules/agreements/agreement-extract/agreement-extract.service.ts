import type { Agreement } from '@samhandling/contracts';
import type { Upload } from '../../../http/upload.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { openStoredFile, removeStoredFile, storeCheckedFile, uploadsDir } from '../../../platform/stored-files.ts';
import { canUploadExtractFor, canViewAgreement } from '../agreement/agreement.policy.ts';
import { publicDecision, publicVersion } from '../agreement/agreement.presenter.ts';
import { lockAgreement } from '../agreement/agreement.repository.ts';
import { getAgreement, loadAgreement } from '../agreement/agreement.service.ts';
import { deleteExtract, findExtract, insertExtract } from './agreement-extract.repository.ts';

/** Where protocol extracts are kept: DATA_DIR/uploads/agreements. */
export function extractsDir(deps: Deps): string {
  return uploadsDir(deps.config, 'agreements');
}

/**
 * Uploads the protocol extract (protokollsutdrag) of a recorded decision: checked by content like
 * event documents, by whoever may record that party's decision. A new upload replaces the old one
 * (its file is removed once the new row is in place).
 */
export async function uploadAgreementExtract(
  deps: Deps,
  ctx: RequestContext,
  agreementId: string,
  adoptionId: string,
  readFile: () => Promise<Upload>,
): Promise<Agreement> {
  const { parts, access } = await loadAgreement(deps, ctx, agreementId);
  const adoption = parts.adoptions.find((a) => a.id === adoptionId);
  if (!adoption) throw notFound();
  if (!canUploadExtractFor(ctx.actor, access, adoption.organisation_id)) throw forbidden();
  const file = await readFile();
  const replaced = await storeCheckedFile(extractsDir(deps), file, (checked) =>
    deps.db.transaction().execute(async (trx) => {
      // Uploads to one agreement queue up, so two at once leave exactly one row and no stray file.
      if (!(await lockAgreement(trx, agreementId))) throw notFound();
      const old = await deleteExtract(trx, adoptionId);
      await insertExtract(trx, {
        adoption_id: adoptionId,
        original_name: checked.original_name,
        stored_name: checked.stored_name,
        content_type: checked.content_type,
        size: checked.size,
        sha256: checked.sha256,
        uploaded_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
        created_at: deps.clock.now(),
      });
      await recordAudit(trx, deps.clock, ctx, {
        action: 'agreement.extract_upload',
        resourceType: 'agreement',
        resourceId: agreementId,
        details: {
          adoptionId,
          organisationId: adoption.organisation_id,
          contentType: checked.content_type,
          size: checked.size,
          sha256: checked.sha256,
          replaced: old !== undefined,
        },
      });
      return old?.stored_name;
    }),
  );
  if (replaced) await removeStoredFile(extractsDir(deps), replaced);
  return getAgreement(deps, ctx, agreementId);
}

/**
 * The extract of a decision, for those who see the agreement; once the agreement has been in force,
 * anyone may fetch the extracts of the decisions its public page shows.
 */
export async function openAgreementExtract(deps: Deps, ctx: RequestContext, agreementId: string, adoptionId: string) {
  const { row, parts, access } = await loadAgreement(deps, ctx, agreementId, { publicPage: true });
  const adoption = parts.adoptions.find((a) => a.id === adoptionId);
  if (!adoption) throw notFound();
  const shownInPublic =
    row.in_force_version !== null && publicDecision(publicVersion(row), parts, adoption.organisation_id)?.id === adoptionId;
  if (!(canViewAgreement(ctx.actor, access) || shownInPublic)) throw notFound();
  const extract = await findExtract(deps.db, adoptionId);
  if (!extract) throw notFound();
  return { row: extract, stream: await openStoredFile(extractsDir(deps), extract.stored_name) };
}
