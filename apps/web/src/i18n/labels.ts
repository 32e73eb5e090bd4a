import { labelled, type LabelledEnum } from '@samhandling/contracts';
import type { TFunction } from 'i18next';

/**
 * The label of one value of a contract enum in the UI language ('–' for none). The enums and
 * where their labels live come from the contracts (packages/contracts/src/labels.ts) only.
 */
export function enumLabel(t: TFunction, name: LabelledEnum, value: string | null | undefined): string {
  return value ? t(`${labelled[name].key}.${value}`) : '–';
}
