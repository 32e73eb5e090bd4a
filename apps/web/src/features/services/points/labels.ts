import { ENGINE_SERVICE_TYPES, SERVICE_KINDS, SOURCED_FIELDS, valuesOf, type ServicePoint } from '@samhandling/contracts';
import type { TFunction } from 'i18next';
import i18n from '../../../i18n/index.ts';
import { enumLabel } from '../../../i18n/labels.ts';

export { ENGINE_SERVICE_TYPES, SERVICE_KINDS, SOURCED_FIELDS };
export const SUPPORT_KINDS = valuesOf('supportKind');
export const STATUSES = valuesOf('servicePointStatus');

export const kindLabel = (t: TFunction, kind: string) => enumLabel(t, 'serviceKind', kind);
export const typeLabel = (t: TFunction, type: string) => enumLabel(t, 'servicePointType', type);
export const statusLabel = (t: TFunction, status: string) => enumLabel(t, 'servicePointStatus', status);
export const supportLabel = (t: TFunction, kind: string) => enumLabel(t, 'supportKind', kind);
export const fieldLabel = (t: TFunction, field: string) => t(`servicePoints.fields.${field}`, { defaultValue: field });

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'sv-SE');

/** ISO weekday (1 Monday) → its name in the UI language ("måndag"). */
export function weekdayName(weekday: number): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
}

/** "1 december" for a 'YYYY-MM-DD'. */
export function dayAndMonth(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

export function formatSek(amount: number | null): string {
  if (amount === null) return '–';
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 }).format(amount);
}

/** One value of a point's field as text, for the history and suggestions. */
export function fieldValueText(t: TFunction, field: string, value: unknown, names: { organisations?: Map<string, string> } = {}): string {
  if (value === null || value === undefined || value === '') return '–';
  switch (field) {
    case 'kinds':
      return Array.isArray(value) ? value.map((k) => kindLabel(t, String(k))).join(', ') : String(value);
    case 'status':
      return statusLabel(t, String(value));
    case 'staffed':
    case 'seasonal':
      return value ? t('servicePoints.yes') : t('servicePoints.no');
    case 'operatorOrganisationId':
      return names.organisations?.get(String(value)) ?? t('servicePoints.anOrganisation');
    case 'supports':
      return Array.isArray(value)
        ? value.map((s: ServicePoint['supports'][number]) => `${supportLabel(t, s.kind)} ${s.year}${s.amountSek !== null ? ` (${formatSek(s.amountSek)})` : ''}`).join('; ') || '–'
        : String(value);
    case 'sources':
      return typeof value === 'object' ? Object.entries(value as Record<string, string>).map(([k, v]) => `${fieldLabel(t, k)}: ${v}`).join('; ') || '–' : String(value);
    default:
      return String(value);
  }
}
