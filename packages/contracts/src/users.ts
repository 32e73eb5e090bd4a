import { z } from 'zod';
import { sector } from './actors.ts';
import { email, language, line, municipalityCode } from './common.ts';
import { password } from './auth.ts';

export const user = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  language,
  isAdmin: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof user>;

export const usersQuery = z.object({ q: z.string().max(100).optional() });

export const userCreateInput = z.strictObject({
  email,
  name: line().min(1).max(120),
  password: password.optional(),
  isAdmin: z.boolean().default(false),
  language: language.default('sv'),
});

/** Only platform admins reach this; the policy also stops an admin from demoting themselves. */
export const userAdminPatch = z.strictObject({
  name: line().min(1).max(120).optional(),
  isAdmin: z.boolean().optional(),
  disabled: z.boolean().optional(),
});

/** To whom a person shows their profile: everyone, the members of spaces they share, or nobody. */
export const profileVisibility = z.enum(['everyone', 'members', 'nobody']);
export type ProfileVisibility = z.infer<typeof profileVisibility>;

/** One's own profile, as edited under My account (name and language stay on the account). */
export const profileInput = z.strictObject({
  organisation: z.string().trim().max(200).default(''),
  sector: sector.nullable().default(null),
  municipalityCode: municipalityCode.nullable().default(null),
  presentation: z.string().trim().max(1000).default(''),
  visibility: profileVisibility.default('members'),
});
export type ProfileInput = z.input<typeof profileInput>;

export const ownProfile = z.object({
  organisation: z.string(),
  sector: sector.nullable(),
  municipalityCode: z.string().nullable(),
  presentation: z.string(),
  visibility: profileVisibility,
  updatedAt: z.string().nullable(),
});
export type OwnProfile = z.infer<typeof ownProfile>;

/** A person's profile as others see it (404 when the person does not show it to the caller). */
export const publicProfile = z.object({
  userId: z.string(),
  name: z.string(),
  organisation: z.string(),
  sector: sector.nullable(),
  municipality: z.object({ code: z.string(), name: z.string() }).nullable(),
  presentation: z.string(),
  /** The public spaces the person is a member of, and the caller's own spaces they share. */
  spaces: z.array(z.object({ id: z.string(), name: z.string() })),
  isMe: z.boolean(),
});
export type PublicProfile = z.infer<typeof publicProfile>;
