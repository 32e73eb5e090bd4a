import { z } from 'zod';
import { line } from './common.ts';

/**
 * Agreements (överenskommelser) in a space: sections kept in versions, parties from the
 * organisation registry, an adoption per party by its own decision body, signatures of the
 * adopted version, remiss comments per section and accession once the agreement is in force.
 */

const isoDate = z.iso.date({ message: 'validation.date' });
const text = (max: number) => z.string().trim().max(max);

/** draft → remiss → adoption → in force (automatic: every required party adopted the same version) → ended or replaced. */
export const agreementStatus = z.enum(['draft', 'remiss', 'adoption', 'in_force', 'ended', 'replaced']);
export type AgreementStatus = z.infer<typeof agreementStatus>;
/** The statuses a leader sets by hand; in force is reached only through the parties' adoptions. */
export const agreementStatusChange = z.enum(['draft', 'remiss', 'adoption', 'ended', 'replaced']);

export const agreementPartyRole = z.enum(['party', 'supporting']);
export type AgreementPartyRole = z.infer<typeof agreementPartyRole>;
/** A party's place in the adoption of the current version. */
export const agreementPartyState = z.enum(['invited', 'reviewing', 'adopted', 'declined']);
export type AgreementPartyState = z.infer<typeof agreementPartyState>;

export const agreementSection = z.strictObject({
  heading: line().min(1).max(200),
  text: text(20000),
});
export type AgreementSection = z.infer<typeof agreementSection>;

export const agreementInput = z.strictObject({
  title: line().min(3).max(200),
  summary: text(2000).optional(),
  sections: z.array(agreementSection).max(60).optional(),
});
export type AgreementInput = z.input<typeof agreementInput>;

export const agreementPatch = z.strictObject({
  title: line().min(3).max(200).optional(),
  summary: text(2000).optional(),
  /** Saving sections makes a new version. */
  sections: z.array(agreementSection).max(60).optional(),
  /** The version the edit starts from; a newer version saved meanwhile answers 409. */
  baseVersion: z.number().int().min(1).optional(),
  /** A version some party has adopted cannot be edited (409): say `revise` to make a new version the parties adopt again. */
  revise: z.boolean().optional(),
  status: agreementStatusChange.optional(),
});

export const agreementPartyInput = z.strictObject({
  organisationId: z.uuid(),
  /** A person of the space: the party's contact, who comments on remiss. */
  contactPersonId: z.uuid().nullable().optional(),
  role: agreementPartyRole.default('party'),
});

export const agreementDecision = z.enum(['adopted', 'declined']);
export const agreementAdoptionInput = z
  .strictObject({
    organisationId: z.uuid(),
    decision: agreementDecision.default('adopted'),
    /** styrelse, fullmäktige, nämnd, ledningsgrupp … */
    decisionBody: line().min(2).max(200),
    decidedOn: isoDate,
    /** protokoll § */
    minuteReference: line().max(100).default(''),
    /** Required when the party declines. */
    reason: text(2000).optional(),
    /** The version decided on; the current one when left out. */
    version: z.number().int().min(1).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'declined' && !value.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.reason_required' });
    if (value.decision === 'adopted' && !value.minuteReference) ctx.addIssue({ code: 'custom', path: ['minuteReference'], message: 'validation.required' });
  });

export const agreementSignatoryInput = z.strictObject({
  organisationId: z.uuid(),
  userId: z.uuid(),
  title: line().min(2).max(160),
});
export const agreementSignatureInput = z.strictObject({ organisationId: z.uuid() });

export const agreementCommentInput = z.strictObject({
  organisationId: z.uuid(),
  /** The section commented on (0-based); leave out for the whole agreement. */
  section: z.number().int().min(0).max(59).nullable().optional(),
  body: text(5000).min(3),
});
export const agreementCommentAnswer = z.strictObject({ answer: text(5000).min(2) });

export const agreementAccessionInput = z.strictObject({
  organisationId: z.uuid(),
  motivation: text(3000).min(10),
});
export const agreementAccessionDecision = z
  .strictObject({ decision: z.enum(['approved', 'declined']), reason: text(2000).optional() })
  .superRefine((value, ctx) => {
    if (value.decision === 'declined' && !value.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.reason_required' });
  });

export const agreementAction = z.enum(['view', 'update', 'manage_parties', 'record_adoption', 'upload_extract', 'comment', 'answer_comments', 'name_signatories', 'sign', 'apply', 'decide_accessions', 'export']);
export type AgreementAction = z.infer<typeof agreementAction>;

export const agreementVersion = z.object({
  number: z.number(),
  sections: z.array(z.object({ heading: z.string(), text: z.string() })),
  /** SHA-256 (hex) of the version's canonical text: what a signature binds to. */
  sha256: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  /** Organisations that adopted this version. */
  adoptedBy: z.array(z.string()),
});
export type AgreementVersion = z.infer<typeof agreementVersion>;

/** A protocol extract (protokollsutdrag) on file for a decision: downloaded at /api/agreements/:id/adoptions/:adoptionId/extract. */
export const agreementExtract = z.object({ fileName: z.string(), contentType: z.string(), size: z.number(), uploadedAt: z.string() });
export type AgreementExtract = z.infer<typeof agreementExtract>;

export const agreementAdoptionParams = z.object({ id: z.uuid(), adoptionId: z.uuid() });

export const agreementAdoption = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  version: z.number(),
  decision: agreementDecision,
  decisionBody: z.string(),
  decidedOn: z.string(),
  minuteReference: z.string(),
  reason: z.string().nullable(),
  recordedAt: z.string(),
  /** The uploaded protocol extract of the decision, if any. */
  extract: agreementExtract.nullable(),
});
export type AgreementAdoption = z.infer<typeof agreementAdoption>;

export const agreementSignature = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  name: z.string(),
  title: z.string(),
  signedAt: z.string(),
  version: z.number(),
  sha256: z.string(),
  method: z.string(),
  /** False when a newer version is in force or on adoption: the signature is of an older text. */
  current: z.boolean(),
});
export type AgreementSignature = z.infer<typeof agreementSignature>;

export const agreementParty = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  role: agreementPartyRole,
  /** Joined after the agreement was in force (through an accession). */
  acceded: z.boolean(),
  state: agreementPartyState,
  /** The contact's name: personal data, only for those who lead the space. */
  contactName: z.string().nullable(),
  /** The latest decision on the current version. */
  decision: agreementAdoption.nullable(),
  signatories: z.array(z.object({ userId: z.string(), name: z.string(), title: z.string() })),
  /** What the caller may do for this party: upload_extract (its decision's protocol extract). */
  allowedActions: z.array(z.enum(['upload_extract'])),
});
export type AgreementParty = z.infer<typeof agreementParty>;

export const agreementSummary = z.object({
  id: z.string(),
  spaceId: z.string(),
  spaceName: z.string(),
  title: z.string(),
  summary: z.string(),
  status: agreementStatus,
  currentVersion: z.number(),
  inForceVersion: z.number().nullable(),
  inForceSince: z.string().nullable(),
  partiesAdopted: z.number(),
  partiesRequired: z.number(),
  updatedAt: z.string(),
});
export type AgreementSummary = z.infer<typeof agreementSummary>;

export const agreement = agreementSummary.extend({
  /** The current version's sections. */
  sections: z.array(z.object({ heading: z.string(), text: z.string() })),
  sha256: z.string(),
  /** The text changed after the agreement came into force: the parties must adopt the new version. */
  readoptionNeeded: z.boolean(),
  versions: z.array(agreementVersion),
  parties: z.array(agreementParty),
  adoptions: z.array(agreementAdoption),
  signatures: z.array(agreementSignature),
  /** The action plans carrying it out (seen by those who see the space's plans). */
  plans: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })).optional(),
  allowedActions: z.array(agreementAction),
});
export type Agreement = z.infer<typeof agreement>;

/** What anyone sees of an agreement in force: the text in force, the parties and their decisions, the signatures. */
export const publicAgreement = z.object({
  id: z.string(),
  spaceId: z.string(),
  spaceName: z.string(),
  title: z.string(),
  summary: z.string(),
  status: agreementStatus,
  version: z.number(),
  sha256: z.string(),
  inForceSince: z.string().nullable(),
  sections: z.array(z.object({ heading: z.string(), text: z.string() })),
  parties: z.array(
    z.object({
      organisationId: z.string(),
      organisationName: z.string(),
      role: agreementPartyRole,
      acceded: z.boolean(),
      /** The decision shown (the latest adoption of the version in force or an earlier one). */
      adoptionId: z.string().nullable(),
      decisionBody: z.string().nullable(),
      decidedOn: z.string().nullable(),
      minuteReference: z.string().nullable(),
      extract: agreementExtract.nullable(),
    }),
  ),
  signatures: z.array(agreementSignature),
});
export type PublicAgreement = z.infer<typeof publicAgreement>;

export const publicAgreementsQuery = z.object({
  space: z.uuid().optional(),
  municipality: z.string().regex(/^\d{4}$/, { message: 'validation.municipality_code' }).optional(),
  county: z.string().regex(/^\d{2}$/, { message: 'validation.county_code' }).optional(),
  /** Also the agreements out for adoption that have never been in force, in the spaces the caller may see (status tells them apart). */
  adoption: z.enum(['true', 'false']).optional(),
});

export const agreementComment = z.object({
  id: z.string(),
  agreementId: z.string(),
  version: z.number(),
  section: z.number().nullable(),
  sectionHeading: z.string().nullable(),
  organisationId: z.string(),
  organisationName: z.string(),
  authorName: z.string(),
  body: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AgreementComment = z.infer<typeof agreementComment>;

export const agreementAccession = z.object({
  id: z.string(),
  agreementId: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  applicantName: z.string(),
  motivation: z.string(),
  status: z.enum(['pending', 'approved', 'declined']),
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type AgreementAccession = z.infer<typeof agreementAccession>;

export const agreementVersionParams = z.object({ id: z.uuid(), number: z.coerce.number().int().min(1) });
