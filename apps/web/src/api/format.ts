import i18n from '../i18n/index.ts';

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'sv-SE');

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}

export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  return new Intl.NumberFormat(locale()).format(n);
}

/** Swedish alphabetical order (å, ä, ö last), whatever the UI language. */
export const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

export function sortBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(key(a), key(b)));
}
