import { libraryEndpoints } from '@samhandling/contracts';
import { sendStoredFile } from '../../../http/attachment.ts';
import { defineRoute } from '../../../http/route.ts';
import { readDocumentUpload } from '../../../http/upload.ts';
import type { Deps } from '../../../platform/deps.ts';
import {
  createLibraryItem,
  getEventLibraryItems,
  getLinkedLibraryItems,
  getLibraryItem,
  getLibraryItemVersion,
  linkEventLibraryItem,
  linkLibraryItem,
  openLibraryFile,
  patchLibraryItem,
  searchLibrary,
  uploadLibraryFile,
} from './library-item.service.ts';

export function libraryItemRoutes(deps: Deps) {
  return [
    defineRoute(libraryEndpoints.searchLibrary, {
      personal: true,
      handler: ({ ctx, query }) => searchLibrary(deps, ctx, query),
    }),
    defineRoute(libraryEndpoints.createLibraryItem, {
      handler: ({ ctx, body }) => createLibraryItem(deps, ctx, body),
    }),
    defineRoute(libraryEndpoints.getLibraryItem, {
      personal: true,
      handler: ({ ctx, params }) => getLibraryItem(deps, ctx, params.id),
    }),
    defineRoute(libraryEndpoints.patchLibraryItem, {
      handler: ({ ctx, params, body }) => patchLibraryItem(deps, ctx, params.id, body),
    }),
    defineRoute(libraryEndpoints.getLibraryItemVersion, {
      personal: true,
      handler: ({ ctx, params }) => getLibraryItemVersion(deps, ctx, params.id, params.version),
    }),
    defineRoute(libraryEndpoints.uploadLibraryFile, {
      // The file is read only after the caller may add files to the item.
      handler: ({ ctx, params, request }) =>
        uploadLibraryFile(deps, ctx, params.id, () =>
          readDocumentUpload(request, libraryEndpoints.uploadLibraryFile.upload),
        ),
    }),
    defineRoute(libraryEndpoints.openLibraryFile, {
      personal: true,
      handler: async ({ ctx, params, reply }) => {
        const { row, stream } = await openLibraryFile(deps, ctx, params.id, params.fileId);
        return sendStoredFile(reply, row, stream);
      },
    }),
    defineRoute(libraryEndpoints.getEventLibraryItems, {
      personal: true,
      handler: ({ ctx, params }) => getEventLibraryItems(deps, ctx, params.id),
    }),
    defineRoute(libraryEndpoints.linkEventLibraryItem, {
      handler: ({ ctx, params, body }) => linkEventLibraryItem(deps, ctx, params.id, body.itemId),
    }),
    defineRoute(libraryEndpoints.getMeasureLibraryItems, {
      personal: true,
      handler: ({ ctx, params }) => getLinkedLibraryItems(deps, ctx, 'measure', params.id),
    }),
    defineRoute(libraryEndpoints.linkMeasureLibraryItem, {
      handler: ({ ctx, params, body }) => linkLibraryItem(deps, ctx, 'measure', params.id, body.itemId),
    }),
    defineRoute(libraryEndpoints.getInitiativeLibraryItems, {
      personal: true,
      handler: ({ ctx, params }) => getLinkedLibraryItems(deps, ctx, 'initiative', params.id),
    }),
    defineRoute(libraryEndpoints.linkInitiativeLibraryItem, {
      handler: ({ ctx, params, body }) => linkLibraryItem(deps, ctx, 'initiative', params.id, body.itemId),
    }),
  ];
}
