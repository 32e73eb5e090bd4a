import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { eventDocument, eventDocumentParams } from '../dialogues.ts';

const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The event document endpoints (the server's event-document.routes.ts implements them). */
export const eventDocumentEndpoints = {
  getEventDocuments: endpoint({
    method: 'GET',
    path: '/api/events/:id/documents',
    access: 'public',
    summary: "An event's minutes and documents",
    tags: ['dialogues'],
    params: idParams,
    response: z.array(eventDocument),
  }),
  uploadEventDocument: endpoint({
    method: 'POST',
    path: '/api/events/:id/documents',
    access: 'signed_in',
    summary: `Upload minutes or a document (multipart/form-data: file, kind, title; at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; PDF, Office, OpenDocument, PNG, JPEG by content)`,
    tags: ['dialogues'],
    params: idParams,
    upload: {
      field: 'file',
      description: 'The file; optional text fields before it: kind (minutes, presentation, document) and title',
      maxBytes: MAX_DOCUMENT_BYTES,
    },
    response: eventDocument,
    status: 201,
  }),
  openEventDocument: endpoint({
    method: 'GET',
    path: '/api/events/:id/documents/:documentId',
    access: 'public',
    summary: 'Download a document (always as an attachment)',
    tags: ['dialogues'],
    params: eventDocumentParams,
  }),
  removeEventDocument: endpoint({
    method: 'DELETE',
    path: '/api/events/:id/documents/:documentId',
    access: 'signed_in',
    summary: 'Remove a document',
    tags: ['dialogues'],
    params: eventDocumentParams,
    status: 204,
  }),
};
