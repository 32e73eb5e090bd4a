import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.ts';

/**
 * Uploads: multipart/form-data with the file in the field `file`. Files are streamed (to memory up
 * to a limit, or to disk), never through the JSON body limit.
 */
const MB = 1024 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', 'analyses.file_too_large', {}, { maximum: Math.round(maxBytes / MB) });
}

async function filePart(request: FastifyRequest, maxBytes: number) {
  if (!request.isMultipart()) throw new AppError('invalid', 'analyses.file_required', { file: 'validation.required' });
  let part;
  try {
    part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 10 } });
  } catch {
    throw new AppError('invalid', 'analyses.file_required', { file: 'validation.required' });
  }
  if (!part || part.fieldname !== 'file') throw new AppError('invalid', 'analyses.file_required', { file: 'validation.required' });
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
  if (buffer.length === 0) throw new AppError('invalid', 'analyses.file_required', { file: 'validation.required' });
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
    if (bytes === 0) throw new AppError('invalid', 'analyses.file_required', { file: 'validation.required' });
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return { bytes, sha256: hash.digest('hex'), fileName: part.filename.slice(0, 200) };
}
