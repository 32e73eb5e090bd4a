import { initiativeEndpoints } from '@samhandling/contracts';
import { sendStoredFile } from '../../../http/attachment.ts';
import { defineRoute } from '../../../http/route.ts';
import { readDocumentUpload } from '../../../http/upload.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getInitiativeDocuments, openInitiativeDocument, removeInitiativeDocument, uploadInitiativeDocument } from './initiative-document.service.ts';

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
          readDocumentUpload(request, initiativeEndpoints.uploadInitiativeDocument.upload),
        ),
    }),
    defineRoute(initiativeEndpoints.openInitiativeDocument, {
      personal: true,
      handler: async ({ ctx, params, reply }) => {
        const { row, stream } = await openInitiativeDocument(deps, ctx, params.id, params.documentId);
        return sendStoredFile(reply, row, stream);
      },
    }),
    defineRoute(initiativeEndpoints.removeInitiativeDocument, {
      handler: async ({ ctx, params }) => {
        await removeInitiativeDocument(deps, ctx, params.id, params.documentId);
      },
    }),
  ];
}
