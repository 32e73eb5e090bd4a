import { valuesOf } from '@samhandling/contracts';

export const planKeys = {
  list: (spaceId: string) => ['action-plans', spaceId] as const,
  one: (id: string) => ['action-plan', id] as const,
  measure: (id: string) => ['measure', id] as const,
};

export const ACTION_MEASURE_STATUSES = valuesOf('actionMeasureStatus');
export const DIRECTIONS = valuesOf('indicatorDirection');

/** Months from the first to the last date (inclusive) as 'YYYY-MM'. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.slice(0, 7).split('-').map(Number) as [number, number];
  const [ly, lm] = last.slice(0, 7).split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
    if (out.length > 120) break;
  }
  return out;
}
