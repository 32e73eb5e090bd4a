import { initiativeEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import { readUpload } from '../../../http/upload.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getInitiativeDocuments, MAX_DOCUMENT_BYTES, openInitiativeDocument, removeInitiativeDocument, uploadInitiativeDocument } from './initiative-document.service.ts';

export function initiativeDocumentRoutes(deps: Deps) {
  return [
    defineRoute(initiativeEndpoints.getInitiativeDocuments, {
      personal: true,
      handler: ({ ctx, params }) => getInitiativeDocuments(deps, ctx, params.id),
    }),
    defineRoute(initiativeEndpoints.uploadInitiativeDocument, {
      // The file is read only after the caller may add documents to the initiative.
      handler: ({ ctx, params, request }) =>
        uploadInitiativeDocument(deps, ctx, params.id, () =>
          readUpload(request, initiativeEndpoints.uploadInitiativeDocument.upload, () => new AppError('payload_too_large', 'errors.file_too_large', {}, { maximum: MAX_DOCUMENT_BYTES / 1024 / 1024 })),
        ),
    }),
    defineRoute(initiativeEndpoints.openInitiativeDocument, {
      personal: true,
      handler: async ({ ctx, params, reply }) => {
        const { row, stream } = await openInitiativeDocument(deps, ctx, params.id, params.documentId);
        return reply
          .type(row.content_type)
          .header('Content-Disposition', `attachment; filename="${row.original_name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(row.original_name)}`)
          .header('Content-Length', String(row.size))
          .send(stream);
      },
    }),
    defineRoute(initiativeEndpoints.removeInitiativeDocument, {
      handler: async ({ ctx, params }) => {
        await removeInitiativeDocument(deps, ctx, params.id, params.documentId);
      },
    }),
  ];
}
