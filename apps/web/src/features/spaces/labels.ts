import { valuesOf } from '@samhandling/contracts';
import type { TFunction } from 'i18next';
import { enumLabel } from '../../i18n/labels.ts';

export const SPACE_KINDS = valuesOf('spaceKind');
export const SPACE_ROLES = valuesOf('spaceRole');
export const JOIN_POLICIES = valuesOf('joinPolicy');

export const kindLabel = (t: TFunction, kind: string) => enumLabel(t, 'spaceKind', kind);
export const roleLabel = (t: TFunction, role: string) => enumLabel(t, 'spaceRole', role);
export const visibilityLabel = (t: TFunction, visibility: string) => enumLabel(t, 'spaceVisibility', visibility);
export const joinPolicyLabel = (t: TFunction, policy: string) => enumLabel(t, 'joinPolicy', policy);
