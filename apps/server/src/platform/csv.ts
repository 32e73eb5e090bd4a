import { parse } from 'csv-parse/sync';
import { invalid } from './errors.ts';

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
  } catch {
    throw invalid({ csv: 'import.unreadable' }, 'import.unreadable');
  }
  if (records.length === 0) throw invalid({ csv: 'import.empty' });
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
