import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../platform/errors.ts';
import type { Upload as UploadField } from '@samhandling/contracts';

export interface Upload {
  filename: string;
  mimetype: string;
  bytes: Buffer;
}

/**
 * Reads the one file of a multipart/form-data request into memory, refusing a missing field,
 * another content type and a file over the route's limit (413). Shared by every upload route.
 */
export async function readUpload(request: FastifyRequest, upload: UploadField): Promise<Upload> {
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

// --- analyses (population, road networks): the file in the field `file`, in memory or streamed to disk
const MB = 1024 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', 'analyses.file_too_large', {}, { maximum: Math.round(maxBytes / MB) });
}

async function filePart(request: FastifyRequest, maxBytes: number) {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'errors.upload_multipart');
  let part;
  try {
    part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 10 } });
  } catch {
    throw invalid({ file: 'errors.upload_missing' }, 'errors.upload_missing');
  }
  if (!part || part.fieldname !== 'file') throw invalid({ file: 'errors.upload_missing' }, 'errors.upload_missing');
  return part;
}

/** The uploaded file in memory. */
export async function readUploadBuffer(request: FastifyRequest, maxBytes: number): Promise<{ buffer: Buffer; fileName: string }> {
  const part = await filePart(request, maxBytes);
  let buffer: Buffer;
  try {
    buffer = await part.toBuffer();
  } catch {
    throw tooLarge(maxBytes);
  }
  if (part.file.truncated) throw tooLarge(maxBytes);
  if (buffer.length === 0) throw invalid({ file: 'errors.upload_empty' }, 'errors.upload_empty');
  return { buffer, fileName: part.filename.slice(0, 200) };
}

/** Streams the uploaded file to `target` (through a temporary name), with its size and SHA-256. */
export async function saveUpload(request: FastifyRequest, maxBytes: number, target: string): Promise<{ bytes: number; sha256: string; fileName: string }> {
  const part = await filePart(request, maxBytes);
  const tmp = `${target}.upload-${process.pid}-${Date.now()}`;
  const hash = createHash('sha256');
  let bytes = 0;
  part.file.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  try {
    await pipeline(part.file, createWriteStream(tmp, { flags: 'wx' }));
    if (part.file.truncated) throw tooLarge(maxBytes);
    if (bytes === 0) throw invalid({ file: 'errors.upload_empty' }, 'errors.upload_empty');
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return { bytes, sha256: hash.digest('hex'), fileName: part.filename.slice(0, 200) };
}
