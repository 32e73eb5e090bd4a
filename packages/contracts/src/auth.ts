import { z } from 'zod';
import { notificationPreferences, notificationPreferencesPatch } from './notifications.ts';
import { email, language, line } from './common.ts';

export const password = z.string().min(10, { message: 'validation.password' }).max(200);

export const signInBody = z.strictObject({ email, password: z.string().min(1).max(200) });
export const emailBody = z.strictObject({ email });
export const tokenBody = z.strictObject({ token: z.string().min(20).max(200) });
export const passwordResetBody = z.strictObject({ token: z.string().min(20).max(200), password });
/** Self-registration (SIGNUP=open|domains): the account is made when the e-mailed link is used. */
export const signUpBody = z.strictObject({ email, name: line().min(1).max(200), password, language: language.optional() });

export const me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  language,
  isAdmin: z.boolean(),
  hasPassword: z.boolean(),
  memberships: z.array(z.object({ spaceId: z.string(), spaceName: z.string(), role: z.string() })),
  /** How the person hears of each kind of notice (defaults where they chose nothing). */
  notifications: notificationPreferences,
});
export type Me = z.infer<typeof me>;

export const meResponse = z.object({ user: me.nullable() });

/** A user may change only these fields of their own account: no role, no e-mail, no admin flag. */
export const mePatch = z.strictObject({
  name: line().min(1).max(120).optional(),
  language: language.optional(),
  notifications: notificationPreferencesPatch.optional(),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().max(200).optional(),
  newPassword: password,
});

export const session = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  method: z.string(),
  current: z.boolean(),
});
export type Session = z.infer<typeof session>;

/**
 * What an API token may do: `read` = GET/HEAD only (every token may read); `write` = also change
 * things; `admin` = keep the owner's platform-admin rights (only admins may ask for it; without it
 * the token acts as an ordinary user). No token may manage tokens, sessions or the password.
 */
export const tokenScopes = ['read', 'write', 'admin'] as const;
export const tokenScope = z.enum(tokenScopes);
export type TokenScope = z.infer<typeof tokenScope>;

export const apiTokenInput = z.strictObject({
  name: line().min(1).max(80),
  /** Omitted: a read-only token. */
  scopes: z.array(tokenScope).min(1).max(3).optional(),
});
export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(tokenScope),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;
export const createdApiToken = apiToken.extend({ token: z.string() });

export const oidcStartQuery = z.object({ returnTo: z.string().max(500).optional() });
export const oidcCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
  iss: z.string().max(500).optional(),
});
