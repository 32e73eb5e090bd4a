import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TARGET_CODES, type AgendaTarget } from '@samhandling/contracts';

const FILE = fileURLToPath(new URL('../../../../../../data/agenda2030/targets.json', import.meta.url));

let targets: AgendaTarget[] | undefined;

/**
 * The 169 targets with short labels in Swedish and English (data/agenda2030/targets.json, written
 * for Samhandling in our own words). The file must list exactly the official numbering, in order.
 */
export function getTargets(): AgendaTarget[] {
  if (!targets) {
    const rows = (JSON.parse(readFileSync(FILE, 'utf8')) as { targets: AgendaTarget[] }).targets;
    if (rows.length !== TARGET_CODES.length || rows.some((row, i) => row.target !== TARGET_CODES[i] || row.goal !== Number(row.target.split('.')[0])))
      throw new Error('data/agenda2030/targets.json does not match the 169 official target codes');
    targets = rows;
  }
  return targets;
}
