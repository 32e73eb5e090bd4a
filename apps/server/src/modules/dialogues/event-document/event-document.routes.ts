import { eventDocument, eventDocumentParams, idParams } from '@samhandling/contracts';
import { z } from 'zod';
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

const documentUpload = {
  field: 'file',
  description: 'The file; optional text fields: kind (minutes, presentation, document) and title',
  maxBytes: MAX_DOCUMENT_BYTES,
};

export function eventDocumentRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/events/:id/documents',
      access: 'public',
      personal: true,
      summary: "An event's minutes and documents",
      tags: ['dialogues'],
      params: idParams,
      response: z.array(eventDocument),
      handler: ({ ctx, params }) => getEventDocuments(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/events/:id/documents',
      access: 'signed_in',
      summary: `Upload minutes or a document (multipart/form-data: file, kind, title; at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; PDF, Office, OpenDocument, PNG, JPEG by content)`,
      tags: ['dialogues'],
      params: idParams,
      upload: documentUpload,
      response: eventDocument,
      status: 201,
      // The file is read only after the caller may add documents to the event.
      handler: ({ ctx, params, request }) =>
        uploadEventDocument(deps, ctx, params.id, () =>
          readUpload(request, documentUpload, () => new AppError('payload_too_large', 'errors.file_too_large', {}, { maximum: MAX_DOCUMENT_BYTES / 1024 / 1024 })),
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/events/:id/documents/:documentId',
      access: 'public',
      personal: true,
      summary: 'Download a document (always as an attachment)',
      tags: ['dialogues'],
      params: eventDocumentParams,
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
    defineRoute({
      method: 'DELETE',
      url: '/api/events/:id/documents/:documentId',
      access: 'signed_in',
      summary: 'Remove a document',
      tags: ['dialogues'],
      params: eventDocumentParams,
      status: 204,
      handler: async ({ ctx, params }) => {
        await removeEventDocument(deps, ctx, params.id, params.documentId);
      },
    }),
  ];
}
