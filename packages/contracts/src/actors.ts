import { z } from 'zod';
import { email, municipalityCode, line, webUrl } from './common.ts';
import { suggestion } from './service-points.ts';

export const sector = z.enum(['public', 'private', 'civil_society', 'academia']);
export type Sector = z.infer<typeof sector>;
export const SECTORS = sector.options;

export const organisationType = z.enum([
  'municipality',
  'region',
  'county_board',
  'state_agency',
  'company',
  'cooperative',
  'association',
  'village_association',
  'foundation',
  'faith_community',
  'study_association',
  'folk_high_school',
  'university',
  'network',
  'other',
]);
export type OrganisationType = z.infer<typeof organisationType>;

export const level = z.enum(['local', 'municipal', 'regional', 'national', 'eu']);
export type Level = z.infer<typeof level>;

/**
 * Swedish organisation number: NNNNNN-NNNN whose ten digits pass the Luhn check
 * (the same check digit as personal identity numbers).
 */
export function isValidOrgNumber(value: string): boolean {
  if (!/^\d{6}-\d{4}$/.test(value)) return false;
  const digits = value.replace('-', '');
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

export const orgNumber = z
  .string()
  .trim()
  .regex(/^\d{6}-\d{4}$/, { message: 'validation.org_number_format' })
  .refine(isValidOrgNumber, { message: 'validation.org_number_checksum' });

export const organisationInput = z.strictObject({
  name: line().min(2).max(200),
  orgNumber: orgNumber.nullable().optional(),
  sector,
  type: organisationType,
  level,
  municipalityCode: municipalityCode.nullable().optional(),
  contactEmail: email.nullable().optional(),
  contactPhone: line().max(40).nullable().optional(),
  website: webUrl(300).nullable().optional(),
  description: z.string().trim().max(5000).optional(),
  tags: z.array(line().min(1).max(40)).max(30).optional(),
  /** Create even though a near-duplicate exists (after the user has seen the warning). */
  confirmDuplicate: z.boolean().optional(),
});
export type OrganisationInput = z.input<typeof organisationInput>;
export const organisationPatch = organisationInput.omit({ confirmDuplicate: true }).partial();

/** What the caller may do with an organisation (its `allowedActions`). */
export const organisationAction = z.enum(['update', 'delete', 'suggest', 'represent']);
export type OrganisationAction = z.infer<typeof organisationAction>;

export const organisation = z.object({
  id: z.string(),
  name: z.string(),
  orgNumber: z.string().nullable(),
  sector,
  type: organisationType,
  level,
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(organisationAction),
});
export type Organisation = z.infer<typeof organisation>;

export const organisationsQuery = z.object({
  q: z.string().max(100).optional(),
  sector: sector.optional(),
  level: level.optional(),
  type: organisationType.optional(),
  municipality: municipalityCode.optional(),
  space: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const organisationPage = z.object({ total: z.number(), items: z.array(organisation) });

export const duplicateCandidate = z.object({ id: z.string(), name: z.string(), orgNumber: z.string().nullable(), municipalityCode: z.string().nullable(), reason: z.enum(['org_number', 'similar_name']) });

export const consentMethod = z.enum(['form', 'paper', 'verbal']);
export const consentInput = z.strictObject({
  purpose: z.string().trim().min(2).max(500),
  textVersion: line().min(1).max(50),
  method: consentMethod,
  givenAt: z.iso.datetime({ offset: true }).optional(),
});

export const ageGroup = z.enum(['under_16', '16_25', '26_64', '65_plus']);
export const affiliationInput = z.strictObject({ organisationId: z.uuid(), role: line().max(120).default('') });

export const personInput = z.strictObject({
  name: line().min(1).max(200),
  email: email.nullable().optional(),
  phone: line().max(40).nullable().optional(),
  municipalityCode: municipalityCode.nullable().optional(),
  youthRepresentative: z.boolean().optional(),
  ageGroup: ageGroup.nullable().optional(),
  affiliations: z.array(affiliationInput).max(20).optional(),
  /** People are recorded within a space; its leaders see them. */
  spaceId: z.uuid(),
  consent: consentInput,
});
export const personPatch = personInput.omit({ spaceId: true, consent: true }).partial();

/** What the caller may do with a person (its `allowedActions`). */
export const personAction = z.enum(['update', 'erase']);
export type PersonAction = z.infer<typeof personAction>;

export const person = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  youthRepresentative: z.boolean(),
  ageGroup: ageGroup.nullable(),
  affiliations: z.array(z.object({ organisationId: z.string(), organisationName: z.string(), role: z.string() })),
  spaceIds: z.array(z.string()),
  consents: z.array(
    z.object({
      id: z.string(),
      purpose: z.string(),
      textVersion: z.string(),
      method: consentMethod,
      givenAt: z.string(),
      withdrawnAt: z.string().nullable(),
      /** How the consent was withdrawn (recorded beside it): link, leader, self or account_deletion. */
      withdrawalMethod: z.string().nullable().optional(),
    }),
  ),
  createdAt: z.string(),
  allowedActions: z.array(personAction),
});
export type Person = z.infer<typeof person>;
export const peopleQuery = z.object({ space: z.uuid().optional(), q: z.string().max(100).optional() });

export const collaborationType = z.enum([
  'partnership',
  'formal_agreement',
  'funding',
  'joint_project',
  'network_membership',
  'service_agreement',
  'informal_contact',
]);
export const frequency = z.enum(['occasional', 'regular', 'continuous']);
export const collaborationSource = z.enum(['manual', 'survey', 'derived']);
/** The shared activity a derived collaboration comes from. */
export const derivedFrom = z.object({ kind: z.string(), id: z.string() });

const isoDate = z.iso.date();

export const collaborationInput = z
  .strictObject({
    organisationIds: z.tuple([z.uuid(), z.uuid()]),
    type: collaborationType,
    level: level.nullable().optional(),
    startDate: isoDate.nullable().optional(),
    endDate: isoDate.nullable().optional(),
    description: z.string().trim().max(2000).optional(),
    frequency: frequency.nullable().optional(),
    confirmed: z.boolean().optional(),
    exampleData: z.boolean().optional(),
    /** The space whose view this is (a leader records only there); none: the registry's own (representatives, admins). */
    spaceId: z.uuid().nullable().optional(),
  })
  .refine((c) => c.organisationIds[0] !== c.organisationIds[1], { message: 'validation.collaboration_self', path: ['organisationIds'] })
  .refine((c) => !c.startDate || !c.endDate || c.startDate <= c.endDate, { message: 'validation.end_before_start', path: ['endDate'] });

/** What the caller may do with a collaboration (its `allowedActions`). */
export const collaborationAction = z.enum(['delete']);
export type CollaborationAction = z.infer<typeof collaborationAction>;

export const collaboration = z.object({
  id: z.string(),
  organisationIds: z.tuple([z.string(), z.string()]),
  organisationNames: z.tuple([z.string(), z.string()]),
  type: collaborationType,
  level: level.nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  description: z.string(),
  frequency: frequency.nullable(),
  source: collaborationSource,
  confirmedByBoth: z.boolean(),
  exampleData: z.boolean(),
  /** The space whose view this is; null: the registry's own, shown wherever both organisations are. */
  spaceId: z.string().nullable(),
  /** A derived collaboration's source: the shared activity (working_group, initiative, event, agreement, measure) and its id. */
  derivedFrom: derivedFrom.nullable(),
  createdAt: z.string(),
  allowedActions: z.array(collaborationAction),
});
export type Collaboration = z.infer<typeof collaboration>;
export const collaborationsQuery = z.object({
  organisation: z.uuid().optional(),
  space: z.uuid().optional(),
  type: collaborationType.optional(),
  source: collaborationSource.optional(),
});

export const spaceOrganisationInput = z.strictObject({ organisationId: z.uuid() });

export const networkNode = z.object({
  id: z.string(),
  name: z.string(),
  sector,
  level,
  type: organisationType,
  municipalityCode: z.string().nullable(),
  degree: z.number(),
});
export const networkEdge = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  type: collaborationType,
  origin: collaborationSource,
  frequency: frequency.nullable(),
  exampleData: z.boolean(),
  /** The space whose view this tie is; null: the registry's. (Absent in snapshots taken before 0010_orgs.) */
  spaceId: z.string().nullable().optional(),
  /** What the tie is (for a derived one, its source by name, e.g. "Initiativ: Skräpplockardagen"). (Absent in older snapshots.) */
  description: z.string().optional(),
  /** A derived tie's source: the shared activity's kind and id; null for others. (Absent in older snapshots.) */
  derivedFrom: derivedFrom.nullable().optional(),
});
export const network = z.object({ nodes: z.array(networkNode), edges: z.array(networkEdge) });
export type Network = z.infer<typeof network>;
export type NetworkNode = z.infer<typeof networkNode>;
export type NetworkEdge = z.infer<typeof networkEdge>;

export const networkQuery = z.object({
  sector: sector.optional(),
  level: level.optional(),
  type: collaborationType.optional(),
  source: collaborationSource.optional(),
  municipality: municipalityCode.optional(),
  /** The state on this date: collaborations started by then and not ended before it. */
  at: isoDate.optional(),
});

export const networkMetrics = z.object({
  nodeCount: z.number(),
  edgeCount: z.number(),
  density: z.number(),
  crossSectorShare: z.number(),
  countsBySector: z.record(z.string(), z.number()),
  sectorMatrix: z.record(z.string(), z.record(z.string(), z.number())),
  degree: z.array(z.object({ organisationId: z.string(), value: z.number() })),
  betweenness: z.array(z.object({ organisationId: z.string(), value: z.number() })),
  isolated: z.array(z.string()),
  communities: z.array(z.object({ id: z.number(), organisationIds: z.array(z.string()) })),
  modularity: z.number().nullable(),
  surveyReciprocity: z.number().nullable(),
});
export type NetworkMetrics = z.infer<typeof networkMetrics>;

export const snapshotInput = z.strictObject({ name: line().min(1).max(120), at: isoDate.optional() });
export const snapshot = z.object({ id: z.string(), name: z.string(), takenAt: z.string(), at: z.string(), nodeCount: z.number(), edgeCount: z.number() });
export const snapshotComparison = z.object({
  baseline: snapshot,
  newCollaborations: z.array(networkEdge),
  endedCollaborations: z.array(networkEdge),
  crossSectorShare: z.object({ before: z.number(), after: z.number(), change: z.number() }),
  sectorDegree: z.record(z.string(), z.object({ before: z.number(), after: z.number(), change: z.number() })),
  nodeCount: z.object({ before: z.number(), after: z.number() }),
  edgeCount: z.object({ before: z.number(), after: z.number() }),
});

export const surveyInput = z.strictObject({
  title: line().min(2).max(200),
  message: z.string().trim().max(2000).optional(),
  /** Who receives the link for each organisation; organisations without an address are skipped. */
  recipients: z.array(z.strictObject({ organisationId: z.uuid(), email })).min(1).max(2000),
});
export const survey = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  invited: z.number(),
  responded: z.number(),
  responseRate: z.number(),
  recipients: z.array(z.object({ organisationId: z.string(), organisationName: z.string(), email: z.string(), respondedAt: z.string().nullable(), remindedAt: z.string().nullable() })),
});
export const surveyForm = z.object({
  surveyTitle: z.string(),
  spaceName: z.string(),
  message: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }),
  registry: z.array(z.object({ id: z.string(), name: z.string(), sector, municipalityCode: z.string().nullable() })),
  answers: z.array(z.object({ organisationId: z.string(), type: collaborationType, frequency })),
});
export const surveyAnswerInput = z.strictObject({
  token: z.string().min(20).max(200),
  answers: z
    .array(
      z.strictObject({
        organisationId: z.uuid().optional(),
        newOrganisation: z.strictObject({ name: line().min(2).max(200), sector, type: organisationType, level, municipalityCode: municipalityCode.nullable().optional() }).optional(),
        type: collaborationType,
        frequency,
      }),
    )
    .max(200),
});

export const importKind = z.enum(['organisations', 'people', 'collaborations']);
export const importResult = z.object({
  dryRun: z.boolean(),
  created: z.number(),
  updated: z.number(),
  errors: z.array(z.object({ line: z.number(), message: z.string() })),
});

export type OrganisationPage = z.infer<typeof organisationPage>;
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;
export type Snapshot = z.infer<typeof snapshot>;
export type SnapshotComparison = z.infer<typeof snapshotComparison>;
export type Survey = z.infer<typeof survey>;
export type SurveyForm = z.infer<typeof surveyForm>;
export type ImportResult = z.infer<typeof importResult>;
// --- Stewardship: representatives keep an organisation; space leaders suggest (issue 14 §1.1) ---
export const representativeClaim = z.strictObject({
  /** What the person does for the organisation, e.g. "verksamhetsledare". */
  role: z.string().trim().max(120).optional(),
});

/** What the caller may do with a representative's claim (its `allowedActions`). */
export const representativeAction = z.enum(['confirm', 'remove']);
export type RepresentativeAction = z.infer<typeof representativeAction>;

export const organisationRepresentative = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.string(),
  status: z.enum(['pending', 'confirmed']),
  requestedAt: z.string(),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  mine: z.boolean(),
  allowedActions: z.array(representativeAction),
});
export type OrganisationRepresentative = z.infer<typeof organisationRepresentative>;

export const organisationSuggestionInput = z.strictObject({
  changes: organisationPatch.refine((p) => Object.keys(p).length > 0, { message: 'organisations.suggestion_empty' }),
  comment: z.string().trim().max(2000).default(''),
});
export type OrganisationSuggestionInput = z.input<typeof organisationSuggestionInput>;

/** The same shape as a service point's suggestion, about an organisation. */
export const organisationSuggestion = suggestion.omit({ pointId: true, pointName: true }).extend({ organisationId: z.string(), organisationName: z.string() });
export type OrganisationSuggestion = z.infer<typeof organisationSuggestion>;
