/**
 * Small RFC 4180 CSV reader (quoted fields, "" escapes, CRLF). Separator: comma, or semicolon when
 * the header has semicolons and no commas (Swedish spreadsheets export that way).
 */
export function parseCsv(text: string, separator?: ',' | ';'): { header: string[]; rows: string[][] } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const sep = separator ?? (!firstLine.includes(',') && firstLine.includes(';') ? ';' : ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else {
          quoted = false;
          i++;
        }
      } else {
        field += c;
        i++;
      }
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === sep) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
  }
  const header = (rows.shift() ?? []).map((h) => h.trim());
  return { header, rows };
}

/** Column lookup with a clear error naming the file and the missing columns. */
export function columns(header: string[], required: string[], optional: string[], what: string): Record<string, number> {
  const idx: Record<string, number> = {};
  const lower = header.map((h) => h.toLowerCase());
  const missing: string[] = [];
  for (const c of required) {
    const i = lower.indexOf(c);
    if (i < 0) missing.push(c);
    idx[c] = i;
  }
  for (const c of optional) idx[c] = lower.indexOf(c);
  if (missing.length) throw new Error(`${what}: missing column(s) ${missing.join(', ')} (header: ${header.join(',')})`);
  return idx;
}

export function num(v: string | undefined, what: string, line: number): number {
  const x = Number((v ?? '').trim());
  if ((v ?? '').trim() === '' || !Number.isFinite(x)) throw new Error(`${what}, line ${line}: not a number: "${v ?? ''}"`);
  return x;
}
