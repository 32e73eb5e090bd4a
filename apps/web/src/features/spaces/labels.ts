import type { TFunction } from 'i18next';

export const SPACE_KINDS = ['project', 'municipal', 'regional', 'alliance'] as const;
export const SPACE_ROLES = ['space_admin', 'facilitator', 'member', 'observer'] as const;

export const kindLabel = (t: TFunction, kind: string) => t(`space.kind.${kind}`);
export const roleLabel = (t: TFunction, role: string) => t(`space.role.${role}`);
export const visibilityLabel = (t: TFunction, visibility: string) => t(`space.visibility.${visibility}`);
