import { z } from 'zod';
import { email, language } from './common.ts';

/**
 * What can be followed. Each kind is one line here and one in the server's follow registry
 * (modules/notifications/follow/followable.ts); agreements, plans and initiatives join later.
 */
export const followKind = z.enum(['space', 'input', 'agreement', 'action_plan', 'initiative']);
export type FollowKind = z.infer<typeof followKind>;

/** Signed in: `{ kind, id }`. Without an account, a space's news by e-mail: `{ kind: 'space', id, email }` (confirmed by a link). */
export const followInput = z.strictObject({
  kind: followKind,
  id: z.uuid(),
  email: email.optional(),
  language: language.optional(),
});

export const follow = z.object({
  id: z.string(),
  kind: followKind,
  targetId: z.string(),
  /** The followed thing's name or title, for lists. */
  label: z.string(),
  /** The space the followed thing belongs to (null when the caller may no longer see it). */
  spaceId: z.string().nullable(),
  confirmed: z.boolean(),
  createdAt: z.string(),
});
export type Follow = z.infer<typeof follow>;

/** Without an account the answer says only that a confirmation link was sent (whether or not the address already follows). */
export const followAnswer = z.object({ follow: follow.nullable(), confirmationSent: z.boolean() });

export const followConfirmBody = z.strictObject({ token: z.string().min(1).max(2000) });

/** The kinds of notices a person chooses how to hear of. */
export const notificationKind = z.enum(['new_input', 'new_suggestion', 'news', 'input_update']);
export type NotificationKind = z.infer<typeof notificationKind>;
export const notificationMode = z.enum(['immediate', 'daily', 'weekly', 'none']);
export type NotificationMode = z.infer<typeof notificationMode>;
export const notificationPreferences = z.record(notificationKind, notificationMode);
export const notificationPreferencesPatch = z.partialRecord(notificationKind, notificationMode);

/**
 * One-click unsubscribe (RFC 8058): a mail program POSTs `List-Unsubscribe=One-Click` as a form to
 * the link's address (the token in the query); the confirmation page POSTs `{ token }` as JSON.
 */
export const unsubscribeQuery = z.object({ token: z.string().min(1).max(2000).optional() });
export const unsubscribeBody = z.object({
  token: z.string().min(1).max(2000).optional(),
  'List-Unsubscribe': z.literal('One-Click').optional(),
});
export const unsubscribeResult = z.object({
  /** What stopped: one follow, one kind of notice, or every mail to the address. */
  scope: z.enum(['follow', 'kind', 'address']),
  kind: z.string().nullable(),
  label: z.string().nullable(),
});
