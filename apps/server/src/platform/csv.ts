import { hasControlCharacters } from '@samhandling/contracts';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
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

export type CsvCell = string | number | boolean | null | undefined;

/** What a spreadsheet reads as the start of a formula (OWASP, CSV injection): = + - @, tab, carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number ("-12", "-0.5", "1e-3") is a number, not a formula: numeric columns stay exact. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A text cell made safe to open in a spreadsheet: one that would start a formula gets a leading
 * single quote (and is quoted when written), so Excel and LibreOffice show it as text. Numbers, and
 * text that is a plain number, are left exactly as they are.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

const csvOptions = { quoted_match: /^'[=+\-@\t\r]/ };

/** The one CSV writer of every export: a header row, then the rows, each text cell neutralised. */
export function writeCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    // Booleans as csv-stringify writes them (1 or empty), so earlier exports read the same.
    rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseCell(cell) : typeof cell === 'boolean' ? (cell ? '1' : '') : (cell ?? '')))),
    { header: true, columns: [...columns], ...csvOptions },
  );
}

/** A CSV made elsewhere (the engine's result file) neutralised the same way; untouched when nothing needs it. */
export function neutraliseCsvText(text: string): string {
  const records = parse(text, { relax_column_count: true }) as string[][];
  if (!records.some((record) => record.some((cell) => neutraliseCell(cell) !== cell))) return text;
  return stringify(
    records.map((record) => record.map(neutraliseCell)),
    csvOptions,
  );
}
