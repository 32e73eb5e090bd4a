import { createHash } from 'node:crypto';

export interface Section {
  heading: string;
  text: string;
}

/**
 * The canonical text of a version: what a signature binds to. Numbered sections, headings and
 * text in Unicode NFC with \n line ends and no trailing spaces, so the same words always give the
 * same SHA-256 whatever the browser or operating system sent.
 */
export function canonicalText(sections: Section[]): string {
  const clean = (value: string) =>
    value
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.replace(/\s+$/u, ''))
      .join('\n')
      .trim();
  return sections.map((s, i) => `${i + 1}. ${clean(s.heading)}\n\n${clean(s.text)}`).join('\n\n') + '\n';
}

export function sha256Of(sections: Section[]): string {
  return createHash('sha256').update(canonicalText(sections), 'utf8').digest('hex');
}

/** Section-by-section comparison of two versions (for the compare view and its tests). */
export function compareSections(a: Section[], b: Section[]): { index: number; change: 'same' | 'changed' | 'added' | 'removed' }[] {
  const length = Math.max(a.length, b.length);
  return Array.from({ length }, (_, index) => {
    const left = a[index];
    const right = b[index];
    if (!left) return { index, change: 'added' as const };
    if (!right) return { index, change: 'removed' as const };
    return { index, change: left.heading === right.heading && left.text === right.text ? ('same' as const) : ('changed' as const) };
  });
}
