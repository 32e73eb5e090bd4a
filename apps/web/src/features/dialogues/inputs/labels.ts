import type { TFunction } from 'i18next';

export const KINDS = ['need', 'idea'] as const;
export const THEMES = [
  'service',
  'transport',
  'housing',
  'work_business',
  'school_education',
  'health_care',
  'culture_leisure',
  'nature_environment',
  'digital',
  'safety',
  'democracy_participation',
  'other',
] as const;
export const SERVICE_TYPES = ['groceries', 'fuel', 'pharmacy', 'post', 'payment', 'other'] as const;
export const STATUSES = ['received', 'being_assessed', 'planned', 'done', 'declined'] as const;
export const SOURCES = ['form', 'facilitator', 'board'] as const;
export const CHANNELS = ['paper', 'phone', 'meeting', 'email', 'other'] as const;
export const SUBMITTER_SECTORS = ['resident', 'public', 'private', 'civil_society', 'academia'] as const;
export const AGE_GROUPS = ['under_16', '16_25', '26_64', '65_plus'] as const;

/** Which statuses an input may move to from its current one (the server enforces the same rules). */
export const NEXT_STATUSES: Record<string, readonly string[]> = {
  received: ['being_assessed', 'planned', 'done', 'declined'],
  being_assessed: ['planned', 'done', 'declined'],
  planned: ['being_assessed', 'done', 'declined'],
  done: ['being_assessed'],
  declined: ['being_assessed'],
};

type Group = 'kind' | 'theme' | 'serviceType' | 'status' | 'source' | 'channel' | 'sector' | 'ageGroup';

export const label = (t: TFunction, group: Group, value: string | null | undefined): string => (value ? t(`inputs.${group}.${value}`) : '–');

export function optionsOf(t: TFunction, group: Group, values: readonly string[], empty?: string) {
  return [...(empty !== undefined ? [{ value: '', label: empty }] : []), ...values.map((v) => ({ value: v, label: label(t, group, v) }))];
}
