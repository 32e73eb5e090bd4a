import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../platform/errors.ts';
import type { RouteDefinition } from './route.ts';

export interface Upload {
  filename: string;
  mimetype: string;
  bytes: Buffer;
}

/**
 * Reads the one file of a multipart/form-data request into memory, refusing a missing field,
 * another content type and a file over the route's limit (413). Shared by every upload route.
 */
export async function readUpload(request: FastifyRequest, upload: NonNullable<RouteDefinition['upload']>): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'errors.upload_multipart');
  let part;
  try {
    part = await request.file({ limits: { fileSize: upload.maxBytes, files: 1 } });
  } catch {
    throw invalid({ [upload.field]: 'errors.upload_missing' }, 'errors.upload_missing');
  }
  if (!part || part.fieldname !== upload.field) throw invalid({ [upload.field]: 'errors.upload_missing' }, 'errors.upload_missing');
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large');
    throw invalid({ [upload.field]: 'errors.upload_missing' }, 'errors.upload_missing');
  }
  if (part.file.truncated) throw new AppError('payload_too_large');
  if (bytes.length === 0) throw invalid({ [upload.field]: 'errors.upload_empty' }, 'errors.upload_empty');
  return { filename: part.filename, mimetype: part.mimetype, bytes };
}
