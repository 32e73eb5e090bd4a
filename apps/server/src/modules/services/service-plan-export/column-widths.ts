/**
 * Column widths for a document table that wrap text only where a line may break (at spaces and
 * after hyphens and dashes), never inside a word: each column is at least as wide as its longest
 * word, and the rest of the width goes to the columns with the most text.
 */

/** The pieces of a cell's text no line break may split (a no-break space joins, as in "350 000"). */
export function unbreakable(text: string): string[] {
  return text.split(/[ \t\r\n]+|(?<=[-–—/])/).filter(Boolean);
}

/**
 * Widths summing to `available`, or null when the longest words alone need more (the caller then
 * tries a smaller font). `measure` gives a text's width in the table's font; `bold` for the header.
 */
export function columnWidths(headers: string[] | null, rows: string[][], available: number, measure: (text: string, bold: boolean) => number, cellPadding: number): number[] | null {
  const count = Math.max(headers?.length ?? 0, ...rows.map((r) => r.length));
  const chrome = 2 * cellPadding + 3; // padding both sides, the border and a little slack
  const min = new Array<number>(count).fill(chrome);
  const preferred = new Array<number>(count).fill(chrome);
  const consider = (row: string[], bold: boolean) =>
    row.forEach((text, i) => {
      for (const word of unbreakable(text)) min[i] = Math.max(min[i]!, measure(word, bold) + chrome);
      for (const line of text.split('\n')) preferred[i] = Math.max(preferred[i]!, measure(line, bold) + chrome);
    });
  if (headers) consider(headers, true);
  for (const row of rows) consider(row, false);
  const minSum = min.reduce((a, b) => a + b, 0);
  if (minSum > available) return null;
  const preferredSum = preferred.reduce((a, b) => a + b, 0);
  if (preferredSum <= available) return preferred.map((p) => (p * available) / preferredSum);
  // Between the two: every column its longest word, the extra in proportion to what it would still like.
  const extra = available - minSum;
  const wants = preferred.map((p, i) => p - min[i]!);
  const wantSum = wants.reduce((a, b) => a + b, 0);
  return min.map((m, i) => m + (wantSum > 0 ? (extra * wants[i]!) / wantSum : extra / count));
}
