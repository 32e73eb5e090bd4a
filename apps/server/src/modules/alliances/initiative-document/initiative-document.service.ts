import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { initiativeEndpoints, type InitiativeDocument } from '@samhandling/contracts';
import type { Upload } from '../../../http/upload.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { detectAllowedType, downloadName } from '../../dialogues/event-document/file-type-check.ts';
import { getInitiativeForActor } from '../initiative/initiative.service.ts';
import { deleteDocument, findDocument, insertDocument, listDocuments, type InitiativeDocumentRow } from './initiative-document.repository.ts';

/** Largest upload accepted for an initiative (reports, photos, material). */
export const MAX_DOCUMENT_BYTES = initiativeEndpoints.uploadInitiativeDocument.upload.maxBytes;

export function documentsDir(deps: Deps): string {
  return path.join(deps.config.dataDir, 'uploads', 'initiatives');
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
  const content = file.bytes;
  const type = await detectAllowedType(content, file.filename);
  if (!type) throw new AppError('unsupported_media_type', 'errors.file_type', { file: 'errors.file_type' });
  const title = (file.fields.title ?? '').trim().slice(0, 200) || downloadName(file.filename, type.ext);
  const storedName = `${randomBytes(16).toString('hex')}.${type.ext}`;
  const dir = documentsDir(deps);
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, storedName);
  await writeFile(target, content, { flag: 'wx' });
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const { id } = await insertDocument(trx, {
        initiative_id: initiativeId,
        title,
        original_name: downloadName(file.filename, type.ext),
        stored_name: storedName,
        content_type: type.mime,
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        uploaded_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
        created_at: deps.clock.now(),
      });
      await recordAudit(trx, deps.clock, ctx, { action: 'initiative_document.upload', resourceType: 'initiative_document', resourceId: id, details: { initiativeId, contentType: type.mime, size: content.length } });
      return id;
    });
    return present((await findDocument(deps.db, initiativeId, id))!, ['download', 'delete']);
  } catch (error) {
    await unlink(target).catch(() => undefined);
    throw error;
  }
}

export async function openInitiativeDocument(deps: Deps, ctx: RequestContext, initiativeId: string, documentId: string) {
  await getInitiativeForActor(deps, ctx.actor, initiativeId);
  const row = await findDocument(deps.db, initiativeId, documentId);
  if (!row) throw notFound();
  const file = path.join(documentsDir(deps), path.basename(row.stored_name));
  if (!(await stat(file).catch(() => null))) throw notFound();
  return { row, stream: createReadStream(file) };
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
  if (removed) await unlink(path.join(documentsDir(deps), path.basename(removed.stored_name))).catch(() => undefined);
}
