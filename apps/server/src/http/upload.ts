import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import { hasControlCharacters, type Upload as UploadField } from '@samhandling/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../platform/errors.ts';

export interface Upload {
  filename: string;
  mimetype: string;
  bytes: Buffer;
  /** The form's text fields (before or after the file), each checked for control characters. */
  fields: Record<string, string>;
}

/**
 * Walks every part of a multipart/form-data request: exactly one file, in the route's field, read by
 * `take`; text fields collected. A file in another field, a second file, too many parts or a control
 * character in a field or the file name is a clear 400 and nothing is kept (`discard` undoes `take`).
 */
async function readMultipart<T>(
  request: FastifyRequest,
  field: string,
  maxBytes: number,
  take: (part: MultipartFile) => Promise<T>,
  discard: (value: T) => Promise<void> = async () => {},
): Promise<{ value: T; filename: string; mimetype: string; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'errors.upload_multipart');
  const fields: Record<string, string> = {};
  let taken: { value: T; filename: string; mimetype: string } | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12 } })) {
      if (part.type === 'field') {
        const value = typeof part.value === 'string' ? part.value : String(part.value);
        if (hasControlCharacters(part.fieldname) || hasControlCharacters(value)) throw invalid({ [part.fieldname]: 'validation.control_characters' });
        fields[part.fieldname] = value;
        continue;
      }
      if (part.fieldname !== field) {
        part.file.resume();
        throw new AppError('invalid', 'errors.upload_field', { [part.fieldname]: 'errors.upload_field' }, { field });
      }
      if (hasControlCharacters(part.filename)) {
        part.file.resume();
        throw invalid({ [field]: 'validation.control_characters' });
      }
      taken = { value: await take(part), filename: part.filename, mimetype: part.mimetype };
    }
  } catch (error) {
    if (taken) await discard(taken.value);
    const code = (error as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw new AppError('invalid', 'errors.upload_one_file', { [field]: 'errors.upload_one_file' });
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw invalid({ _: 'errors.upload_parts' }, 'errors.upload_parts');
    if (error instanceof AppError) throw error;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large');
    throw invalid({ [field]: 'errors.upload_missing' }, 'errors.upload_missing');
  }
  if (!taken) throw invalid({ [field]: 'errors.upload_missing' }, 'errors.upload_missing');
  return { ...taken, fields };
}

async function partBuffer(part: MultipartFile, tooLarge: () => AppError): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw invalid({ [part.fieldname]: 'errors.upload_missing' }, 'errors.upload_missing');
  }
  if (part.file.truncated) throw tooLarge();
  if (bytes.length === 0) throw invalid({ [part.fieldname]: 'errors.upload_empty' }, 'errors.upload_empty');
  return bytes;
}

/**
 * Reads the one file of a multipart/form-data request into memory, refusing a missing field,
 * another content type and a file over the route's limit (413). Shared by every upload route.
 */
export async function readUpload(
  request: FastifyRequest,
  upload: UploadField,
  tooLarge: () => AppError = () => new AppError('payload_too_large'),
): Promise<Upload> {
  const { value, filename, mimetype, fields } = await readMultipart(request, upload.field, upload.maxBytes, (part) => partBuffer(part, tooLarge));
  return { filename, mimetype, bytes: value, fields };
}

/** A document or picture upload: over the route's limit says the limit in MB ("Filen är större än 20 MB"). */
export function readDocumentUpload(request: FastifyRequest, upload: UploadField): Promise<Upload> {
  return readUpload(request, upload, () => new AppError('payload_too_large', 'errors.file_too_large', {}, { maximum: upload.maxBytes / 1024 / 1024 }));
}

// --- analyses (population, road networks): the file in the field `file`, in memory or streamed to disk
const MB = 1024 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', 'analyses.file_too_large', {}, { maximum: Math.round(maxBytes / MB) });
}

/** The uploaded file in memory. */
export async function readUploadBuffer(request: FastifyRequest, maxBytes: number): Promise<{ buffer: Buffer; fileName: string }> {
  const { value, filename } = await readMultipart(request, 'file', maxBytes, (part) => partBuffer(part, () => tooLarge(maxBytes)));
  return { buffer: value, fileName: filename.slice(0, 200) };
}

/** Streams the uploaded file to `target` (through a temporary name), with its size and SHA-256. */
export async function saveUpload(request: FastifyRequest, maxBytes: number, target: string): Promise<{ bytes: number; sha256: string; fileName: string }> {
  const tmp = `${target}.upload-${process.pid}-${Date.now()}`;
  const { value, filename } = await readMultipart(
    request,
    'file',
    maxBytes,
    async (part) => {
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
      } catch (error) {
        await rm(tmp, { force: true });
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
        throw error;
      }
      return { bytes, sha256: hash.digest('hex') };
    },
    () => rm(tmp, { force: true }),
  );
  // Only a complete, single, well-placed upload takes the target's name.
  await rename(tmp, target);
  return { ...value, fileName: filename.slice(0, 200) };
}
