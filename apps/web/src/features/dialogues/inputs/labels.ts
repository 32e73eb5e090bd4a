import {
  ageGroup,
  inputChannel,
  inputKind,
  inputServiceType,
  inputSource,
  inputStatus,
  inputTheme,
  submitterSector,
} from '@samhandling/contracts';
import type { TFunction } from 'i18next';

// The values come from the contracts, so the form's choices are exactly what the server accepts.
export const KINDS = inputKind.options;
export const THEMES = inputTheme.options;
export const SERVICE_TYPES = inputServiceType.options;
export const STATUSES = inputStatus.options;
export const SOURCES = inputSource.options;
export const CHANNELS = inputChannel.options;
export const SUBMITTER_SECTORS = submitterSector.options;
export const AGE_GROUPS = ageGroup.options;

/** Which statuses an input may move to from its current one (the server enforces the same rules). */
export const NEXT_STATUSES: Record<string, readonly string[]> = {
  received: ['being_assessed', 'planned', 'done', 'declined'],
  being_assessed: ['planned', 'done', 'declined'],
  planned: ['being_assessed', 'done', 'declined'],
  done: ['being_assessed'],
  declined: ['being_assessed'],
};

type Group = 'kind' | 'theme' | 'serviceType' | 'status' | 'source' | 'channel' | 'sector' | 'ageGroup';

export const label = (t: TFunction, group: Group, value: string | null | undefined): string =>
  value ? t(`inputs.${group}.${value}`) : '–';

export function optionsOf(t: TFunction, group: Group, values: readonly string[], empty?: string) {
  return [...(empty !== undefined ? [{ value: '', label: empty }] : []), ...values.map((v) => ({ value: v, label: label(t, group, v) }))];
}
