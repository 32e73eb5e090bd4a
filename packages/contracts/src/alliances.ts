import { z } from 'zod';
import { sector } from './actors.ts';
import { agenda2030Tags } from './agenda2030.ts';
import { email, line, municipalityCode } from './common.ts';

/** Issue 11 §2: alliances (thematic networks in a space), joint initiatives, calls for volunteers. */

const tags = { goals: agenda2030Tags.goals.optional(), targets: agenda2030Tags.targets.optional() };
const isoDate = z.iso.date();

export const allianceInput = z.strictObject({
  name: line().min(2).max(160),
  purpose: z.string().trim().max(5000).optional(),
  /** A public alliance has a page anyone sees, even in a members-only space. */
  public: z.boolean().optional(),
  ...tags,
});
export const alliancePatch = z.strictObject({
  name: line().min(2).max(160).optional(),
  purpose: z.string().trim().max(5000).optional(),
  public: z.boolean().optional(),
  ...tags,
});

/**
 * One call for two sides: a leader of the space invites an organisation (or accepts its request);
 * a representative of the organisation asks to join (or accepts the invitation).
 */
export const allianceMemberInput = z.strictObject({
  organisationId: z.uuid(),
  /** A person of the space's registry who is the member's contact (set by a leader). */
  contactPersonId: z.uuid().nullable().optional(),
});
export const allianceMemberParams = z.object({ id: z.uuid(), organisationId: z.uuid() });

export const allianceMemberStatus = z.enum(['invited', 'requested', 'member']);
export type AllianceMemberStatus = z.infer<typeof allianceMemberStatus>;

export const allianceMember = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  sector,
  municipalityCode: z.string().nullable(),
  status: allianceMemberStatus,
  /** The contact person: personal data, named only for those who lead the space. */
  contactPersonId: z.string().nullable(),
  contactPersonName: z.string().nullable(),
  since: z.string(),
});
export type AllianceMember = z.infer<typeof allianceMember>;

export const allianceAction = z.enum(['view', 'update', 'manage_members', 'request_membership', 'create_initiative']);
export type AllianceAction = z.infer<typeof allianceAction>;

export const alliance = z.object({
  id: z.string(),
  spaceId: z.string(),
  spaceName: z.string(),
  name: z.string(),
  purpose: z.string(),
  public: z.boolean(),
  goals: z.array(z.number()),
  targets: z.array(z.string()),
  members: z.array(allianceMember),
  memberCount: z.number(),
  initiativeCount: z.number(),
  municipalityCodes: z.array(z.string()),
  /** Organisations the caller represents (for asking to join on their behalf). */
  representedOrganisations: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(allianceAction),
});
export type Alliance = z.infer<typeof alliance>;

export const directoryQuery = z.object({
  goal: z.coerce.number().int().min(1).max(17).optional(),
  municipality: municipalityCode.optional(),
  county: z.string().regex(/^\d{2}$/).optional(),
  sector: sector.optional(),
});

export const initiativeStatus = z.enum(['idea', 'planned', 'ongoing', 'done']);
export type InitiativeStatus = z.infer<typeof initiativeStatus>;
export const INITIATIVE_STATUSES = initiativeStatus.options;

export const initiativeIndicatorValue = z.strictObject({
  name: line().min(1).max(160),
  value: z.number().finite().min(-1e12).max(1e12),
  unit: line().max(40).optional(),
});
export type InitiativeIndicatorValue = z.infer<typeof initiativeIndicatorValue>;

const initiativeFields = {
  description: z.string().trim().max(10000).optional(),
  municipalityCode: municipalityCode.nullable().optional(),
  placeName: line().max(200).optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  ...tags,
};

export const initiativeInput = z
  .strictObject({
    title: line().min(2).max(200),
    /** The lead organisation: a member of the alliance. */
    leadOrganisationId: z.uuid(),
    status: initiativeStatus.optional(),
    ...initiativeFields,
  })
  .refine((i) => !i.startDate || !i.endDate || i.startDate <= i.endDate, { message: 'validation.end_before_start', path: ['endDate'] });

export const initiativePatch = z
  .strictObject({
    title: line().min(2).max(200).optional(),
    status: initiativeStatus.optional(),
    results: z.string().trim().max(10000).optional(),
    indicators: z.array(initiativeIndicatorValue).max(50).optional(),
    ...initiativeFields,
  })
  .refine((i) => !i.startDate || !i.endDate || i.startDate <= i.endDate, { message: 'validation.end_before_start', path: ['endDate'] });

/** A representative asks to join with a commitment; the lead (or a leader of the space) adds or accepts. */
export const initiativePartnerInput = z.strictObject({
  organisationId: z.uuid(),
  commitment: z.string().trim().max(2000).optional(),
});
export const initiativePartnerParams = z.object({ id: z.uuid(), organisationId: z.uuid() });

export const initiativePartner = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  sector,
  commitment: z.string(),
  status: z.enum(['requested', 'accepted']),
  since: z.string(),
});
export type InitiativePartner = z.infer<typeof initiativePartner>;

export const initiativeUpdateInput = z.strictObject({ text: z.string().trim().min(1).max(5000) });
export const initiativeUpdate = z.object({
  id: z.string(),
  kind: z.enum(['note', 'status']),
  text: z.string(),
  status: initiativeStatus.nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type InitiativeUpdate = z.infer<typeof initiativeUpdate>;

export const initiativeAction = z.enum(['view', 'update', 'manage_partners', 'request_partnership', 'post_update', 'manage_volunteers']);
export type InitiativeAction = z.infer<typeof initiativeAction>;

export const initiativeSummary = z.object({
  id: z.string(),
  allianceId: z.string(),
  allianceName: z.string(),
  spaceId: z.string(),
  title: z.string(),
  status: initiativeStatus,
  leadOrganisationId: z.string(),
  leadOrganisationName: z.string(),
  partnerCount: z.number(),
  goals: z.array(z.number()),
  targets: z.array(z.string()),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  placeName: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export type InitiativeSummary = z.infer<typeof initiativeSummary>;

export const initiative = initiativeSummary.extend({
  description: z.string(),
  results: z.string(),
  indicators: z.array(z.object({ name: z.string(), value: z.number(), unit: z.string() })),
  partners: z.array(initiativePartner),
  updates: z.array(initiativeUpdate),
  representedOrganisations: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(initiativeAction),
});
export type Initiative = z.infer<typeof initiative>;

export const allianceSummary = z.object({
  id: z.string(),
  spaceId: z.string(),
  spaceName: z.string(),
  name: z.string(),
  purpose: z.string(),
  goals: z.array(z.number()),
  targets: z.array(z.string()),
  memberCount: z.number(),
  initiativeCount: z.number(),
  municipalityCodes: z.array(z.string()),
});
export type AllianceSummary = z.infer<typeof allianceSummary>;

// Calls for volunteers (issue 11 §2): anyone signs up without an account.
export const volunteerCallInput = z
  .strictObject({
    title: line().min(2).max(200),
    description: z.string().trim().max(5000).optional(),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    placeName: line().max(200).optional(),
    municipalityCode: municipalityCode.nullable().optional(),
    /** How many people are wanted. */
    wanted: z.number().int().min(1).max(10000),
  })
  .refine((c) => Date.parse(c.startsAt) <= Date.parse(c.endsAt), { message: 'validation.end_before_start', path: ['endsAt'] });

export const volunteerCall = z.object({
  id: z.string(),
  initiativeId: z.string(),
  title: z.string(),
  description: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  placeName: z.string(),
  municipalityCode: z.string().nullable(),
  wanted: z.number(),
  /** Confirmed sign-ups (aggregate; no personal data). */
  confirmed: z.number(),
  hoursGiven: z.number(),
  open: z.boolean(),
});
export type VolunteerCall = z.infer<typeof volunteerCall>;

export const volunteerSignupInput = z.strictObject({
  name: line().min(1).max(160),
  email,
  phone: line().max(40).optional(),
});
export const volunteerTokenInput = z.strictObject({ token: z.string().min(20).max(200) });
export const volunteerSignupAnswer = z.object({ status: z.enum(['pending', 'confirmed', 'cancelled']), callTitle: z.string() });

export const volunteerSignup = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  status: z.enum(['pending', 'confirmed', 'cancelled']),
  hours: z.number().nullable(),
  createdAt: z.string(),
});
export type VolunteerSignup = z.infer<typeof volunteerSignup>;
export const volunteerSignupPatch = z.strictObject({ hours: z.number().min(0).max(1000).nullable() });

// Documents of an initiative (content-checked like event documents).
export const initiativeDocument = z.object({
  id: z.string(),
  initiativeId: z.string(),
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdAt: z.string(),
  allowedActions: z.array(z.enum(['download', 'delete'])),
});
export type InitiativeDocument = z.infer<typeof initiativeDocument>;
export const initiativeDocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });
