import { valuesOf, type InputStatus, type LabelledEnum } from '@samhandling/contracts';
import type { TFunction } from 'i18next';
import { enumLabel } from '../../../i18n/labels.ts';

// The values come from the contracts, so the form's choices are exactly what the server accepts.
export const KINDS = valuesOf('inputKind');
export const THEMES = valuesOf('inputTheme');
export const SERVICE_TYPES = valuesOf('inputServiceType');
export const STATUSES = valuesOf('inputStatus');
export const SOURCES = valuesOf('inputSource');
export const CHANNELS = valuesOf('inputChannel');
export const SUBMITTER_SECTORS = valuesOf('submitterSector');
export const AGE_GROUPS = valuesOf('inputAgeGroup');

/** Which statuses an input may move to from its current one (the server enforces the same rules). */
/** The statuses a leader may set (an input is received by submitting it). */
export const SETTABLE_STATUSES = STATUSES.filter((s): s is Exclude<InputStatus, 'received'> => s !== 'received');

export const NEXT_STATUSES: Record<InputStatus, readonly InputStatus[]> = {
  received: ['being_assessed', 'planned', 'done', 'declined'],
  being_assessed: ['planned', 'done', 'declined'],
  planned: ['being_assessed', 'done', 'declined'],
  done: ['being_assessed'],
  declined: ['being_assessed'],
};

type Group = 'kind' | 'theme' | 'serviceType' | 'status' | 'source' | 'channel' | 'sector' | 'ageGroup';
const ENUM_OF: Record<Group, LabelledEnum> = {
  kind: 'inputKind',
  theme: 'inputTheme',
  serviceType: 'inputServiceType',
  status: 'inputStatus',
  source: 'inputSource',
  channel: 'inputChannel',
  sector: 'submitterSector',
  ageGroup: 'inputAgeGroup',
};

export const label = (t: TFunction, group: Group, value: string | null | undefined): string => enumLabel(t, ENUM_OF[group], value);

export function optionsOf(t: TFunction, group: Group, values: readonly string[], empty?: string) {
  return [...(empty !== undefined ? [{ value: '', label: empty }] : []), ...values.map((v) => ({ value: v, label: label(t, group, v) }))];
}
