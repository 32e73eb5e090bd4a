import { hasControlCharacters } from '@samhandling/contracts';
import { parse } from 'csv-parse/sync';
import { AppError, invalid } from './errors.ts';

/**
 * Reads an uploaded CSV as records keyed by canonical column names. Accepts comma or semicolon
 * (Swedish spreadsheets use semicolons), a byte-order mark, and header aliases such as `namn`.
 */
export function readCsv(text: string, aliases: Record<string, string>, maxRows: number): Record<string, string>[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      delimiter,
      columns: (header: string[]) => header.map((h) => aliases[h.trim().toLowerCase()] ?? h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch (error) {
    // csv-parse names the line it stopped at; the message says which, in the user's language.
    const line = (error as { lines?: number }).lines ?? '?';
    throw new AppError('invalid', 'import.unreadable', { csv: 'import.unreadable' }, { line });
  }
  if (records.length === 0) throw invalid({ csv: 'import.empty' });
  // A NUL cannot be stored and other control characters only break what is made from the rows.
  const bad = records.findIndex((record) => Object.entries(record).some(([key, value]) => hasControlCharacters(key) || (typeof value === 'string' && hasControlCharacters(value))));
  if (bad >= 0) throw new AppError('invalid', 'import.control_characters', { csv: 'import.control_characters' }, { line: bad + 2 });
  if (records.length > maxRows) throw invalid({ csv: 'import.too_many_rows' });
  return records;
}

/** Numbers as Swedish spreadsheets write them: decimal comma, spaces between thousands. */
export function parseCsvNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return Number(value.trim().replace(/\s/g, '').replace(',', '.'));
}

export function missingColumns(records: Record<string, string>[], required: string[]): string[] {
  return required.filter((c) => !(c in records[0]!));
}
