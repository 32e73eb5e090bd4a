import { valuesOf, type Sector } from '@samhandling/contracts';
import type { TFunction } from 'i18next';
import { enumLabel } from '../../i18n/labels.ts';

// The values and their label keys come from the contracts, so the choices are exactly what the server accepts.
export const SECTORS = valuesOf('sector');
export const ORGANISATION_TYPES = valuesOf('organisationType');
export const LEVELS = valuesOf('level');
export const COLLABORATION_TYPES = valuesOf('collaborationType');
export const FREQUENCIES = valuesOf('frequency');
export const SOURCES = valuesOf('collaborationSource');
export const CONSENT_METHODS = valuesOf('consentMethod');
export const AGE_GROUPS = valuesOf('ageGroup');

/**
 * Sector colours for the network drawing and its legend: distinguishable for the common kinds of
 * colour blindness (Okabe–Ito based) and at least 3:1 against white, so nodes stand out.
 */
export const SECTOR_COLOURS: Record<Sector, string> = {
  public: '#0072b2',
  private: '#c25400',
  civil_society: '#007a5a',
  academia: '#a9489a',
};

export const sectorLabel = (t: TFunction, v: string) => enumLabel(t, 'sector', v);
export const typeLabel = (t: TFunction, v: string) => enumLabel(t, 'organisationType', v);
export const levelLabel = (t: TFunction, v: string | null | undefined) => enumLabel(t, 'level', v);
export const collaborationTypeLabel = (t: TFunction, v: string) => enumLabel(t, 'collaborationType', v);
export const frequencyLabel = (t: TFunction, v: string | null | undefined) => enumLabel(t, 'frequency', v);
export const sourceLabel = (t: TFunction, v: string) => enumLabel(t, 'collaborationSource', v);
export const consentMethodLabel = (t: TFunction, v: string) => enumLabel(t, 'consentMethod', v);
export const ageGroupLabel = (t: TFunction, v: string | null | undefined) => enumLabel(t, 'ageGroup', v);

/** Options for a select: every value with its label, with an optional "all"/"choose" first. */
export function options(values: readonly string[], label: (v: string) => string, first?: string): { value: string; label: string }[] {
  return [...(first !== undefined ? [{ value: '', label: first }] : []), ...values.map((v) => ({ value: v, label: label(v) }))];
}
