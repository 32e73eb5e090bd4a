/** Swedish alphabetical order (å, ä, ö after z), the order users expect in every list. */
export const swedishCollator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

export function bySwedishName<T extends { name: string }>(a: T, b: T): number {
  return swedishCollator.compare(a.name, b.name);
}
