import { eventDocumentEndpoints } from '@samhandling/contracts';
import { sendStoredFile } from '../../../http/attachment.ts';
import { defineRoute } from '../../../http/route.ts';
import { readDocumentUpload } from '../../../http/upload.ts';
import type { Deps } from '../../../platform/deps.ts';
import {
  getEventDocuments,
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
          readDocumentUpload(request, eventDocumentEndpoints.uploadEventDocument.upload),
        ),
    }),
    defineRoute(eventDocumentEndpoints.openEventDocument, {
      personal: true,
      handler: async ({ ctx, params, reply }) => {
        const { row, stream } = await openEventDocument(deps, ctx, params.id, params.documentId);
        return sendStoredFile(reply, row, stream);
      },
    }),
    defineRoute(eventDocumentEndpoints.removeEventDocument, {
      handler: async ({ ctx, params }) => {
        await removeEventDocument(deps, ctx, params.id, params.documentId);
      },
    }),
  ];
}
