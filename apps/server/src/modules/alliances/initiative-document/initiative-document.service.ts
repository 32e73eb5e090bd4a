import { initiativeEndpoints, type InitiativeDocument } from '@samhandling/contracts';
import type { Upload } from '../../../http/upload.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor, RequestContext } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { openStoredFile, removeStoredFile, storeCheckedFile, uploadsDir, type CheckedFile, type IncomingFile } from '../../../platform/stored-files.ts';
import { getInitiativeForActor } from '../initiative/initiative.service.ts';
import { deleteDocument, findDocument, insertDocument, listDocuments, type InitiativeDocumentRow } from './initiative-document.repository.ts';

/** Largest upload accepted for an initiative (reports, photos, material). */
export const MAX_DOCUMENT_BYTES = initiativeEndpoints.uploadInitiativeDocument.upload.maxBytes;

export function documentsDir(deps: Pick<Deps, 'config'>): string {
  return uploadsDir(deps.config, 'initiatives');
}

function present(row: InitiativeDocumentRow, allowedActions: InitiativeDocument['allowedActions']): InitiativeDocument {
  return { id: row.id, initiativeId: row.initiative_id, title: row.title, fileName: row.original_name, contentType: row.content_type, size: row.size, createdAt: row.created_at.toISOString(), allowedActions };
}

export async function getInitiativeDocuments(deps: Deps, ctx: RequestContext, initiativeId: string): Promise<InitiativeDocument[]> {
  const { manages } = await getInitiativeForActor(deps, ctx.actor, initiativeId);
  return (await listDocuments(deps.db, initiativeId)).map((row) => present(row, manages ? ['download', 'delete'] : ['download']));
}

/** Checked by content like event documents (PDF, Office, OpenDocument, PNG, JPEG); stored under a generated name. The lead uploads. */
export async function uploadInitiativeDocument(deps: Deps, ctx: RequestContext, initiativeId: string, readFile: () => Promise<Upload>): Promise<InitiativeDocument> {
  const { manages } = await getInitiativeForActor(deps, ctx.actor, initiativeId);
  if (!manages) throw forbidden();
  const file = await readFile();
  const id = await storeCheckedFile(documentsDir(deps), file, (checked) => deps.db.transaction().execute((trx) => recordInitiativeDocument(trx, deps.clock, ctx, initiativeId, checked)));
  return present((await findDocument(deps.db, initiativeId, id))!, ['download', 'delete']);
}

async function recordInitiativeDocument(trx: Kysely<Database>, clock: Clock, ctx: { actor: Actor; requestId: string | null }, initiativeId: string, checked: CheckedFile): Promise<string> {
  const { id } = await insertDocument(trx, { ...checked, initiative_id: initiativeId, uploaded_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null, created_at: clock.now() });
  await recordAudit(trx, clock, ctx, { action: 'initiative_document.upload', resourceType: 'initiative_document', resourceId: id, details: { initiativeId, contentType: checked.content_type, size: checked.size } });
  return id;
}

/**
 * A document for an initiative inside the caller's transaction (the demo): checked by content and
 * stored as uploads are; access is the caller's to check. If the row cannot be written the file is removed.
 */
export function storeInitiativeDocument(trx: Kysely<Database>, deps: Pick<Deps, 'config' | 'clock'>, ctx: { actor: Actor; requestId: string | null }, initiativeId: string, file: IncomingFile): Promise<string> {
  return storeCheckedFile(documentsDir(deps), file, (checked) => recordInitiativeDocument(trx, deps.clock, ctx, initiativeId, checked));
}

export async function openInitiativeDocument(deps: Deps, ctx: RequestContext, initiativeId: string, documentId: string) {
  await getInitiativeForActor(deps, ctx.actor, initiativeId);
  const row = await findDocument(deps.db, initiativeId, documentId);
  if (!row) throw notFound();
  return { row, stream: await openStoredFile(documentsDir(deps), row.stored_name) };
}

export async function removeInitiativeDocument(deps: Deps, ctx: RequestContext, initiativeId: string, documentId: string): Promise<void> {
  const { manages } = await getInitiativeForActor(deps, ctx.actor, initiativeId);
  if (!manages) throw forbidden();
  if (!(await findDocument(deps.db, initiativeId, documentId))) throw notFound();
  const removed = await deps.db.transaction().execute(async (trx) => {
    const removed = await deleteDocument(trx, documentId);
    await recordAudit(trx, deps.clock, ctx, { action: 'initiative_document.delete', resourceType: 'initiative_document', resourceId: documentId, details: { initiativeId } });
    return removed;
  });
  if (removed) await removeStoredFile(documentsDir(deps), removed.stored_name);
}
