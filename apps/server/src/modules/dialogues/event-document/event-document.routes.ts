import { eventDocumentEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import { readUpload } from '../../../http/upload.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Deps } from '../../../platform/deps.ts';
import {
  getEventDocuments,
  MAX_DOCUMENT_BYTES,
  openEventDocument,
  removeEventDocument,
  uploadEventDocument,
} from './event-document.service.ts';

export function eventDocumentRoutes(deps: Deps) {
  return [
    defineRoute(eventDocumentEndpoints.getEventDocuments, {
      personal: true,
      handler: ({ ctx, params }) => getEventDocuments(deps, ctx, params.id),
    }),
    defineRoute(eventDocumentEndpoints.uploadEventDocument, {
      // The file is read only after the caller may add documents to the event.
      handler: ({ ctx, params, request }) =>
        uploadEventDocument(deps, ctx, params.id, () =>
          readUpload(request, eventDocumentEndpoints.uploadEventDocument.upload, () => new AppError('payload_too_large', 'errors.file_too_large', {}, { maximum: MAX_DOCUMENT_BYTES / 1024 / 1024 })),
        ),
    }),
    defineRoute(eventDocumentEndpoints.openEventDocument, {
      personal: true,
      handler: async ({ ctx, params, reply }) => {
        const { row, stream } = await openEventDocument(deps, ctx, params.id, params.documentId);
        return reply
          .type(row.content_type)
          .header(
            'Content-Disposition',
            `attachment; filename="${row.original_name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(row.original_name)}`,
          )
          .header('Content-Length', String(row.size))
          .send(stream);
      },
    }),
    defineRoute(eventDocumentEndpoints.removeEventDocument, {
      handler: async ({ ctx, params }) => {
        await removeEventDocument(deps, ctx, params.id, params.documentId);
      },
    }),
  ];
}
