import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** What a stored upload's row says about the file sent back. */
export interface StoredFileRow {
  original_name: string;
  content_type: string;
  size: number;
}

/**
 * Sends a stored upload as an attachment under its checked type, with a plain-ASCII name for old
 * clients and the exact (UTF-8) name for the rest: "Protokoll från Åsele.pdf" stays whole.
 */
export function sendStoredFile(reply: FastifyReply, row: StoredFileRow, stream: Readable) {
  const asciiName = row.original_name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .type(row.content_type)
    .header('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(row.original_name)}`)
    .header('Content-Length', String(row.size))
    .send(stream);
}
