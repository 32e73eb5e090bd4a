import { valuesOf } from '@samhandling/contracts';
import type { TFunction } from 'i18next';
import { enumLabel } from '../../i18n/labels.ts';

export const GROUP_KINDS = valuesOf('groupKind');
export const BALANCE_KEYS = valuesOf('balanceKey');

export const groupKindLabel = (t: TFunction, v: string) => enumLabel(t, 'groupKind', v);
export const balanceLabel = (t: TFunction, v: string) => enumLabel(t, 'balanceKey', v);
