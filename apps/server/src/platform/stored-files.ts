import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.ts';
import { AppError, notFound } from './errors.ts';
import { detectAllowedType, downloadName } from './file-type-check.ts';

/**
 * Uploaded documents (event minutes, initiative reports, library material, agreements' protocol extracts) are kept the same way:
 * checked by content, stored under a generated name in DATA_DIR/uploads/<area>, described by a
 * database row the caller writes. One place, so every area refuses the same files.
 */
export type UploadArea = 'events' | 'initiatives' | 'library' | 'agreements';

/** The parts of a read upload this needs (the HTTP layer's Upload has them). */
export interface IncomingFile {
  filename: string;
  bytes: Buffer;
  fields: Record<string, string>;
}

/** What a file's database row records. */
export interface CheckedFile {
  title: string;
  original_name: string;
  stored_name: string;
  content_type: string;
  size: number;
  sha256: string;
}

export function uploadsDir(config: Pick<Config, 'dataDir'>, area: UploadArea): string {
  return path.join(config.dataDir, 'uploads', area);
}

/**
 * Checks the type by content (415 when not allowed, whatever the name), writes the file and runs
 * `record` (the row and its audit, in one transaction). If `record` fails the file is removed, so
 * nothing is kept without its row.
 */
export async function storeCheckedFile<T>(dir: string, file: IncomingFile, record: (checked: CheckedFile) => Promise<T>): Promise<T> {
  const content = file.bytes;
  const type = await detectAllowedType(content, file.filename);
  if (!type) throw new AppError('unsupported_media_type', 'errors.file_type', { file: 'errors.file_type' });
  const originalName = downloadName(file.filename, type.ext);
  const storedName = `${randomBytes(16).toString('hex')}.${type.ext}`;
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, storedName);
  await writeFile(target, content, { flag: 'wx' });
  try {
    return await record({
      title: (file.fields.title ?? '').trim().slice(0, 200) || originalName,
      original_name: originalName,
      stored_name: storedName,
      content_type: type.mime,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
  } catch (error) {
    await unlink(target).catch(() => undefined);
    throw error;
  }
}

/** The stored file to stream back; 404 when its row exists but the file is gone. */
export async function openStoredFile(dir: string, storedName: string): Promise<ReadStream> {
  const file = path.join(dir, path.basename(storedName));
  if (!(await stat(file).catch(() => null))) throw notFound();
  return createReadStream(file);
}

/** Removes a stored file after its row is gone; a file already missing is not an error. */
export async function removeStoredFile(dir: string, storedName: string): Promise<void> {
  await unlink(path.join(dir, path.basename(storedName))).catch(() => undefined);
}
