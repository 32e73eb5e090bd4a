import type { TFunction } from 'i18next';

export const SECTORS = ['public', 'private', 'civil_society', 'academia'] as const;
export const ORGANISATION_TYPES = [
  'municipality',
  'region',
  'county_board',
  'state_agency',
  'company',
  'cooperative',
  'association',
  'village_association',
  'foundation',
  'faith_community',
  'study_association',
  'folk_high_school',
  'university',
  'network',
  'other',
] as const;
export const LEVELS = ['local', 'municipal', 'regional', 'national', 'eu'] as const;
export const COLLABORATION_TYPES = [
  'partnership',
  'formal_agreement',
  'funding',
  'joint_project',
  'network_membership',
  'service_agreement',
  'informal_contact',
] as const;
export const FREQUENCIES = ['occasional', 'regular', 'continuous'] as const;
export const SOURCES = ['manual', 'survey', 'derived'] as const;
export const CONSENT_METHODS = ['form', 'paper', 'verbal'] as const;
export const AGE_GROUPS = ['under_16', '16_25', '26_64', '65_plus'] as const;

/**
 * Sector colours for the network drawing and its legend: distinguishable for the common kinds of
 * colour blindness (Okabe–Ito based) and at least 3:1 against white, so nodes stand out.
 */
export const SECTOR_COLOURS: Record<string, string> = {
  public: '#0072b2',
  private: '#c25400',
  civil_society: '#007a5a',
  academia: '#a9489a',
};

export const sectorLabel = (t: TFunction, v: string) => t(`actors.sector.${v}`);
export const typeLabel = (t: TFunction, v: string) => t(`actors.type.${v}`);
export const levelLabel = (t: TFunction, v: string | null | undefined) => (v ? t(`actors.level.${v}`) : '–');
export const collaborationTypeLabel = (t: TFunction, v: string) => t(`actors.collaborationType.${v}`);
export const frequencyLabel = (t: TFunction, v: string | null | undefined) => (v ? t(`actors.frequency.${v}`) : '–');
export const sourceLabel = (t: TFunction, v: string) => t(`actors.source.${v}`);
export const consentMethodLabel = (t: TFunction, v: string) => t(`people.method.${v}`);
export const ageGroupLabel = (t: TFunction, v: string | null | undefined) => (v ? t(`people.ageGroup.${v}`) : '–');

/** Options for a select: every value with its label, with an optional "all"/"choose" first. */
export function options(values: readonly string[], label: (v: string) => string, first?: string): { value: string; label: string }[] {
  return [...(first !== undefined ? [{ value: '', label: first }] : []), ...values.map((v) => ({ value: v, label: label(v) }))];
}
