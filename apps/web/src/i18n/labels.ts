import { labelled, type LabelledEnum } from '@samhandling/contracts';
import type { TFunction } from 'i18next';

/**
 * The label of one value of a contract enum in the UI language ('–' for none). The enums and
 * where their labels live come from the contracts (packages/contracts/src/labels.ts) only.
 */
export function enumLabel(t: TFunction, name: LabelledEnum, value: string | null | undefined): string {
  return value ? t(`${labelled[name].key}.${value}`) : '–';
}

/** A form's or an address's string as one of an enum's values, or undefined when it is none (e.g. an empty select). */
export function pick<T extends string>(values: readonly T[], value: string | null | undefined): T | undefined {
  return values.find((v) => v === value);
}
