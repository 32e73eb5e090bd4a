import { z } from 'zod';
import { email, language, line } from './common.ts';
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
