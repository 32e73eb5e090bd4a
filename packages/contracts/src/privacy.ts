import { z } from 'zod';

// People's data (GDPR): download my data, delete my account, consent withdrawal, the privacy page
// and the register of processing (Art. 30).

export const personalDataQuery = z.object({
  /** json: a file with everything; html: a readable summary to print; pdf: the same summary as a document. */
  format: z.enum(['json', 'html', 'pdf']).default('json'),
});

/** Deleting an account: the password again, or (accounts without one, e.g. OIDC) the e-mail address typed out. */
export const deleteAccountBody = z.strictObject({
  password: z.string().max(200).optional(),
  confirmEmail: z.string().max(254).optional(),
});

/** What happens on deletion and what stays, shown before the person confirms. */
export const accountDeletionPreview = z.object({
  needsPassword: z.boolean(),
  /** Spaces the person is the only admin of: they must hand over first. */
  soleLeaderOf: z.array(z.object({ id: z.string(), name: z.string() })),
  lastPlatformAdmin: z.boolean(),
  /** How many records of each kind the erasure will touch. */
  counts: z.record(z.string(), z.number()),
});
export type AccountDeletionPreview = z.infer<typeof accountDeletionPreview>;

export const consentKind = z.enum(['registration', 'input', 'person', 'survey']);
export type ConsentKind = z.infer<typeof consentKind>;

export const consentTokenBody = z.strictObject({ token: z.string().min(20).max(300) });

export const consentWithdrawParams = z.object({ kind: consentKind, id: z.uuid() });

/** What a withdrawal link is for, shown before the person confirms (no personal data). */
export const consentLinkInfo = z.object({
  kind: consentKind,
  title: z.string(),
  spaceName: z.string().nullable(),
  active: z.boolean(),
  withdrawnAt: z.string().nullable(),
});
export type ConsentLinkInfo = z.infer<typeof consentLinkInfo>;

export const processingActivity = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  dataSubjects: z.string(),
  dataCategories: z.string(),
  recipients: z.string(),
  transfers: z.string(),
  retention: z.string(),
  security: z.string(),
});
export type ProcessingActivity = z.infer<typeof processingActivity>;

export const privacyPolicy = z.object({
  language: z.enum(['sv', 'en']),
  controller: z.object({ name: z.string().nullable(), contact: z.string().nullable(), configured: z.boolean() }),
  dpoContact: z.string().nullable(),
  retention: z.object({
    registrationAnswersDays: z.number(),
    boardNamesDays: z.number(),
    outboxDays: z.number(),
    volunteerContactsDays: z.number(),
    auditYears: z.number(),
  }),
  activities: z.array(processingActivity),
});
export type PrivacyPolicy = z.infer<typeof privacyPolicy>;

export const privacyQuery = z.object({ lang: z.enum(['sv', 'en']).optional() });
export const registerQuery = z.object({ lang: z.enum(['sv', 'en']).optional() });
