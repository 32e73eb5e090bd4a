import { closeSync, openSync, writeSync } from 'node:fs';
import { NONE, type ResultTable } from '../analysis/result-table.ts';
import { STATUS } from '../analysis/results.ts';

export const RESULT_CSV_HEADER = 'origin_id,type,nearest_id,seconds,meters,second_id,second_seconds,second_meters,snap_meters,status\n';

const quote = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const tenths = (q: number): string => (q === NONE ? '' : (q / 10).toFixed(1));
const whole = (q: number): string => (q === NONE ? '' : String(q));

/**
 * result.csv, one row per origin and type, in chunks of about 1 MB (the CLI writes them to a file,
 * the server streams them to a download): both come from the same table, so they are the same bytes.
 */
export function* resultCsvChunks(t: ResultTable): Generator<string> {
  let buf = RESULT_CSV_HEADER;
  const points = t.pointIds.map(quote);
  const cols = t.types.map((type) => [type, t.byType[type]!] as const);
  for (let o = 0; o < t.originIds.length; o++) {
    const oid = quote(t.originIds[o]!);
    const snap = tenths(t.snapDm[o]!);
    for (const [type, c] of cols) {
      const n = c.nearest[o]!;
      const s = c.second[o]!;
      buf +=
        `${oid},${type},${n >= 0 ? points[n] : ''},${tenths(c.ds[o]!)},${whole(c.meters[o]!)},` +
        `${s >= 0 ? points[s] : ''},${tenths(c.ds2[o]!)},${whole(c.meters2[o]!)},${snap},${STATUS[c.status[o]!]}\n`;
    }
    if (buf.length > 1 << 20) {
      yield buf;
      buf = '';
    }
  }
  yield buf;
}

export function resultCsv(t: ResultTable): string {
  return [...resultCsvChunks(t)].join('');
}

export function writeResultCsv(path: string, t: ResultTable): void {
  const fd = openSync(path, 'w');
  try {
    for (const chunk of resultCsvChunks(t)) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}
