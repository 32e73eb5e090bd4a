import type { TFunction } from 'i18next';

export const GROUP_KINDS = ['local', 'youth', 'steering', 'other'] as const;
export const BALANCE_KEYS = ['public', 'private', 'civil_society', 'academia', 'youth'] as const;

export const groupKindLabel = (t: TFunction, v: string) => t(`groups.kind.${v}`);
export const balanceLabel = (t: TFunction, v: string) => t(`groups.balanceKey.${v}`);
