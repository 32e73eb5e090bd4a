import type { TFunction } from 'i18next';

/** The name the server gives an erased person wherever what they did stays (platform/personal-data.ts). */
export const DELETED_USER_NAME = 'borttagen användare';

/** A person's name as shown: an erased person is "borttagen användare" / "deleted user" in the reader's language. */
export function displayName(t: TFunction, name: string): string;
export function displayName(t: TFunction, name: string | null | undefined): string | null | undefined;
export function displayName(t: TFunction, name: string | null | undefined) {
  return name === DELETED_USER_NAME ? t('privacy.deletedUser') : name;
}
