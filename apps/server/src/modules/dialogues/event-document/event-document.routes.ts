import { eventDocumentEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
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
      handler: async ({ ctx, params, request }) => {
        const file = request.isMultipart()
          ? await request.file({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5 } })
          : undefined;
        return uploadEventDocument(deps, ctx, params.id, file);
      },
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
