import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eventDocumentEndpoints, type EventDocument, type EventDocumentAction } from '@samhandling/contracts';
import type { Upload } from '../../../http/upload.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { canManageEvent } from '../event/event.policy.ts';
import { getEventForActor } from '../event/event.service.ts';
import { deleteDocument, findDocument, insertDocument, listDocuments, type EventDocumentRow } from './event-document.repository.ts';
import { detectAllowedType, downloadName } from './file-type-check.ts';

/** Largest upload accepted for an event (minutes, presentations, photos of the wall). */
export const MAX_DOCUMENT_BYTES = eventDocumentEndpoints.uploadEventDocument.upload.maxBytes;

const KINDS = new Set(['minutes', 'presentation', 'document']);

export function documentsDir(deps: Deps): string {
  return path.join(deps.config.dataDir, 'uploads', 'events');
}

function present(row: EventDocumentRow, allowedActions: EventDocumentAction[]): EventDocument {
  return {
    id: row.id,
    eventId: row.event_id,
    kind: row.kind,
    title: row.title,
    fileName: row.original_name,
    contentType: row.content_type,
    size: row.size,
    createdAt: row.created_at.toISOString(),
    allowedActions,
  };
}

export async function getEventDocuments(deps: Deps, ctx: RequestContext, eventId: string): Promise<EventDocument[]> {
  const { access } = await getEventForActor(deps, ctx.actor, eventId);
  const actions: EventDocumentAction[] = canManageEvent(ctx.actor, access) ? ['download', 'delete'] : ['download'];
  return (await listDocuments(deps.db, eventId)).map((row) => present(row, actions));
}

/**
 * Stores an upload under a generated name in DATA_DIR after checking its type by content.
 * Too large → 413, a type not allowed (whatever its name) → 415; nothing is kept then.
 */
export async function uploadEventDocument(
  deps: Deps,
  ctx: RequestContext,
  eventId: string,
  readFile: () => Promise<Upload>,
): Promise<EventDocument> {
  const { access } = await getEventForActor(deps, ctx.actor, eventId);
  if (!canManageEvent(ctx.actor, access)) throw forbidden();
  const file = await readFile();
  const content = file.bytes;
  const type = await detectAllowedType(content, file.filename);
  if (!type) throw new AppError('unsupported_media_type', 'errors.file_type', { file: 'errors.file_type' });
  const kindField = file.fields.kind ?? 'document';
  if (!KINDS.has(kindField)) throw invalid({ kind: 'validation.invalid' });
  const title = (file.fields.title ?? '').trim().slice(0, 200) || downloadName(file.filename, type.ext);
  const storedName = `${randomBytes(16).toString('hex')}.${type.ext}`;
  const dir = documentsDir(deps);
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, storedName);
  await writeFile(target, content, { flag: 'wx' });
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const { id } = await insertDocument(trx, {
        event_id: eventId,
        kind: kindField as EventDocumentRow['kind'],
        title,
        original_name: downloadName(file.filename, type.ext),
        stored_name: storedName,
        content_type: type.mime,
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        uploaded_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
        created_at: deps.clock.now(),
      });
      await recordAudit(trx, deps.clock, ctx, {
        action: 'event_document.upload',
        resourceType: 'event_document',
        resourceId: id,
        details: { eventId, contentType: type.mime, size: content.length },
      });
      return id;
    });
    const row = (await findDocument(deps.db, eventId, id))!;
    return present(row, ['download', 'delete']);
  } catch (error) {
    await unlink(target).catch(() => undefined);
    throw error;
  }
}

/** The stored file, to be sent as an attachment with the type found in its content. */
export async function openEventDocument(deps: Deps, ctx: RequestContext, eventId: string, documentId: string) {
  await getEventForActor(deps, ctx.actor, eventId);
  const row = await findDocument(deps.db, eventId, documentId);
  if (!row) throw notFound();
  const file = path.join(documentsDir(deps), path.basename(row.stored_name));
  if (!(await stat(file).catch(() => null))) throw notFound();
  return { row, stream: createReadStream(file) };
}

export async function removeEventDocument(deps: Deps, ctx: RequestContext, eventId: string, documentId: string): Promise<void> {
  const { access } = await getEventForActor(deps, ctx.actor, eventId);
  if (!canManageEvent(ctx.actor, access)) throw forbidden();
  if (!(await findDocument(deps.db, eventId, documentId))) throw notFound();
  const removed = await deps.db.transaction().execute(async (trx) => {
    const removed = await deleteDocument(trx, documentId);
    await recordAudit(trx, deps.clock, ctx, {
      action: 'event_document.delete',
      resourceType: 'event_document',
      resourceId: documentId,
      details: { eventId },
    });
    return removed;
  });
  if (removed) await unlink(path.join(documentsDir(deps), path.basename(removed.stored_name))).catch(() => undefined);
}
