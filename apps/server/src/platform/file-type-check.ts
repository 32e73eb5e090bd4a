
/** What uploads accept (event minutes, initiative reports, library material): documents in the formats municipalities use, and pictures. */
const ALLOWED: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  png: 'image/png',
  jpg: 'image/jpeg',
};

/** Old Office files share one container format (CFB); the name says which it is. */
const CFB_BY_EXTENSION: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

export interface CheckedType {
  ext: string;
  mime: string;
}

/**
 * The file's type from its content (magic bytes), never from its name or the browser's claim:
 * an HTML page named report.pdf is refused.
 */
export async function detectAllowedType(content: Buffer, fileName: string): Promise<CheckedType | undefined> {
  // Loaded on first use, like the other file readers that a start of the server need not pay for.
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(content);
  if (!detected) return undefined;
  if (detected.ext === 'cfb') {
    const ext = fileName.toLowerCase().split('.').pop() ?? '';
    const mime = CFB_BY_EXTENSION[ext];
    return mime ? { ext, mime } : undefined;
  }
  const mime = ALLOWED[detected.ext];
  return mime ? { ext: detected.ext, mime } : undefined;
}

/** A safe download name: the given name's stem with the extension its content has. */
export function downloadName(originalName: string, ext: string): string {
  const base = originalName
    .replace(/[/\\]/g, '_')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  return `${(stem || 'dokument').slice(0, 150)}.${ext}`;
}
