import { eventDocumentEndpoints, type EventDocument, type EventDocumentAction } from '@samhandling/contracts';
import type { Upload } from '../../../http/upload.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor, RequestContext } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { openStoredFile, removeStoredFile, storeCheckedFile, uploadsDir, type CheckedFile, type IncomingFile } from '../../../platform/stored-files.ts';
import { canManageEvent } from '../event/event.policy.ts';
import { getEventForActor } from '../event/event.service.ts';
import { deleteDocument, findDocument, insertDocument, listDocuments, type EventDocumentRow } from './event-document.repository.ts';

/** Largest upload accepted for an event (minutes, presentations, photos of the wall). */
export const MAX_DOCUMENT_BYTES = eventDocumentEndpoints.uploadEventDocument.upload.maxBytes;

const KINDS = new Set(['minutes', 'presentation', 'document']);

export function documentsDir(deps: Pick<Deps, 'config'>): string {
  return uploadsDir(deps.config, 'events');
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
  const kindField = file.fields.kind ?? 'document';
  if (!KINDS.has(kindField)) throw invalid({ kind: 'validation.invalid' });
  const id = await storeCheckedFile(documentsDir(deps), file, (checked) =>
    deps.db.transaction().execute((trx) => recordEventDocument(trx, deps.clock, ctx, eventId, kindField as EventDocumentRow['kind'], checked)),
  );
  return present((await findDocument(deps.db, eventId, id))!, ['download', 'delete']);
}

async function recordEventDocument(trx: Kysely<Database>, clock: Clock, ctx: { actor: Actor; requestId: string | null }, eventId: string, kind: EventDocumentRow['kind'], checked: CheckedFile): Promise<string> {
  const { id } = await insertDocument(trx, { ...checked, event_id: eventId, kind, uploaded_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null, created_at: clock.now() });
  await recordAudit(trx, clock, ctx, { action: 'event_document.upload', resourceType: 'event_document', resourceId: id, details: { eventId, contentType: checked.content_type, size: checked.size } });
  return id;
}

/**
 * A document for an event inside the caller's transaction (the demo): checked by content and stored
 * as uploads are; access is the caller's to check. If the row cannot be written the file is removed.
 */
export function storeEventDocument(
  trx: Kysely<Database>,
  deps: Pick<Deps, 'config' | 'clock'>,
  ctx: { actor: Actor; requestId: string | null },
  eventId: string,
  kind: EventDocumentRow['kind'],
  file: IncomingFile,
): Promise<string> {
  return storeCheckedFile(documentsDir(deps), file, (checked) => recordEventDocument(trx, deps.clock, ctx, eventId, kind, checked));
}

/** The stored file, to be sent as an attachment with the type found in its content. */
export async function openEventDocument(deps: Deps, ctx: RequestContext, eventId: string, documentId: string) {
  await getEventForActor(deps, ctx.actor, eventId);
  const row = await findDocument(deps.db, eventId, documentId);
  if (!row) throw notFound();
  return { row, stream: await openStoredFile(documentsDir(deps), row.stored_name) };
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
  if (removed) await removeStoredFile(documentsDir(deps), removed.stored_name);
}
