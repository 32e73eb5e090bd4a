/**
 * Near-duplicate detection for organisation names: "Sorsele kommun" and "Sorsele Kommun",
 * "Ammarnäs byaförening" and "Ammarnäs Byaförening ek. för." are the same organisation.
 */
// Legal-form words that say nothing about which organisation it is.
const NOISE = [' ab ', ' hb ', ' kb ', ' ek för ', ' ekonomisk förening ', ' ideell förening ', ' upa '];

export function normaliseName(name: string): string {
  let spaced = ` ${name.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  for (const noise of NOISE) while (spaced.includes(noise)) spaced = spaced.replace(noise, ' ');
  return spaced.trim().replace(/\s+/g, ' ');
}

/** Levenshtein distance, bounded: returns max + 1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Similar when equal after normalising, or within one edit per eight characters. */
export function areSimilarNames(a: string, b: string): boolean {
  const left = normaliseName(a);
  const right = normaliseName(b);
  if (!left || !right) return false;
  if (left === right) return true;
  const allowed = Math.floor(Math.max(left.length, right.length) / 8);
  return allowed > 0 && editDistance(left, right, allowed) <= allowed;
}
