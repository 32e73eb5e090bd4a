import { z } from 'zod';
import { municipalityCode, webUrl } from './common.ts';

/**
 * The municipal service plan (kommunal serviceplan): per municipality and period, structured
 * into background, service levels per locality, the analysis it rests on, the needs raised,
 * goals, measures and yearly follow-up; kept in versions (consultation, adopted).
 */

const isoDate = z.iso.date({ message: 'validation.date' });

/**
 * A period bound: a date (`2026-01-01`) or a year (`2026` or "2026"), which means the year's
 * first day for a start and its last day for an end.
 */
function periodBound(edge: 'start' | 'end') {
  return z
    .union([z.number().int(), z.string().trim()])
    .describe(`A year (2026: its ${edge === 'start' ? 'first' : 'last'} day) or a date (YYYY-MM-DD)`)
    .transform((value, ctx) => {
      const text = String(value);
      if (/^\d{4}$/.test(text)) return edge === 'start' ? `${text}-01-01` : `${text}-12-31`;
      if (isoDate.safeParse(text).success) return text;
      ctx.addIssue({ code: 'custom', message: 'validation.date_or_year' });
      return z.NEVER;
    })
    .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { message: 'validation.period_range' });
}

export const servicePlanStatus = z.enum(['draft', 'consultation', 'adopted']);
export type ServicePlanStatus = z.infer<typeof servicePlanStatus>;

/** Service town, node or point (serviceort, servicenod, servicepunkt). */
export const serviceLevel = z.enum(['service_town', 'service_node', 'service_point']);
export type ServiceLevel = z.infer<typeof serviceLevel>;
export const SERVICE_LEVELS = serviceLevel.options;

/** The services a plan can aim for at a place: the basic commercial services and public ones. */
export const plannedService = z.enum([
  'groceries_full',
  'groceries_partial',
  'post_agent',
  'parcel_pickup',
  'parcel_locker',
  'pharmacy_agent',
  'cash_withdrawal',
  'bill_payment',
  'day_takings_deposit',
  'fuel',
  'ev_charging',
  'library',
  'citizen_office',
]);
export type PlannedService = z.infer<typeof plannedService>;
export const PLANNED_SERVICES = plannedService.options;

export const measureStatus = z.enum(['planned', 'in_progress', 'done', 'postponed', 'cancelled']);
export type MeasureStatus = z.infer<typeof measureStatus>;
export const MEASURE_STATUSES = measureStatus.options;

const text = (max: number) => z.string().trim().max(max);

export const planLink = z.strictObject({
  title: text(200).min(1),
  url: webUrl(500).nullable().optional(),
  note: text(1000).optional(),
});

export const planLevel = z.strictObject({
  localityId: z.uuid(),
  level: serviceLevel,
  targetServices: z.array(plannedService).max(PLANNED_SERVICES.length).default([]),
  note: text(2000).optional(),
});

export const planGoal = z.strictObject({
  id: z.uuid().optional(),
  text: text(1000).min(1),
  indicator: text(500).optional(),
});

export const planMeasure = z.strictObject({
  /** Kept across edits so follow-ups can refer to it; assigned when missing. */
  id: z.uuid().optional(),
  title: text(300).min(1),
  description: text(5000).optional(),
  localityId: z.uuid().nullable().optional(),
  place: text(200).optional(),
  organisationIds: z.array(z.uuid()).max(50).default([]),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  /** Estimated cost in Swedish kronor. */
  costSek: z.number().int().min(0).max(10_000_000_000).nullable().optional(),
  status: measureStatus.default('planned'),
  /** A saved scenario (from the analyses) that is the measure's reason. */
  scenarioId: z.uuid().nullable().optional(),
  goalIds: z.array(z.uuid()).max(50).default([]),
});

export const servicePlanInput = z.strictObject({
  title: text(200).min(2),
  municipalityCode,
  periodStart: periodBound('start'),
  periodEnd: periodBound('end'),
});
export type ServicePlanInput = z.input<typeof servicePlanInput>;

export const servicePlanPatch = z.strictObject({
  title: text(200).min(2).optional(),
  periodStart: periodBound('start').optional(),
  periodEnd: periodBound('end').optional(),
  background: text(20_000).optional(),
  links: z.array(planLink).max(50).optional(),
  analysisId: z.uuid().nullable().optional(),
  levels: z.array(planLevel).max(500).optional(),
  goals: z.array(planGoal).max(100).optional(),
  measures: z.array(planMeasure).max(500).optional(),
});
export type ServicePlanPatch = z.input<typeof servicePlanPatch>;

export const planConsultationInput = z.strictObject({
  /** The last day comments are taken (inclusive). */
  endsOn: isoDate,
  message: text(2000).optional(),
});

export const planAdoptionInput = z.strictObject({
  decisionBody: text(200).min(2),
  decisionDate: isoDate,
  minuteReference: text(100).min(1),
});

export const planCommentInput = z.strictObject({
  body: text(5000).min(3),
  /** Shown with the comment when published; leave out to comment without a name. */
  authorName: text(120).nullable().optional(),
  localityId: z.uuid().nullable().optional(),
});

export const planCommentModeration = z.strictObject({
  status: z.enum(['published', 'rejected']),
  /** The municipality's answer: how the comment was handled. */
  response: text(5000).nullable().optional(),
});

export const planFollowUpInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  summary: text(10_000).min(1),
  measures: z
    .array(z.strictObject({ measureId: z.uuid(), status: measureStatus, note: text(2000).optional() }))
    .max(500)
    .default([]),
});

export const planParams = z.object({ id: z.uuid() });
export const planVersionParams = z.object({ id: z.uuid(), number: z.coerce.number().int().min(1).max(10_000) });
export const planCommentParams = z.object({ id: z.uuid(), commentId: z.uuid() });
export const servicePlanExportQuery = z.object({ version: z.coerce.number().int().min(1).max(10_000).optional() });

export const planContent = z.object({
  background: z.string(),
  links: z.array(z.object({ title: z.string(), url: z.string().nullable(), note: z.string() })),
  analysisId: z.string().nullable(),
  levels: z.array(
    z.object({
      localityId: z.string(),
      localityName: z.string(),
      lon: z.number().nullable(),
      lat: z.number().nullable(),
      level: serviceLevel,
      targetServices: z.array(plannedService),
      note: z.string(),
    }),
  ),
  goals: z.array(z.object({ id: z.string(), text: z.string(), indicator: z.string() })),
  measures: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      localityId: z.string().nullable(),
      localityName: z.string().nullable(),
      place: z.string(),
      organisationIds: z.array(z.string()),
      organisationNames: z.array(z.string()),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      costSek: z.number().nullable(),
      status: measureStatus,
      scenarioId: z.string().nullable(),
      goalIds: z.array(z.string()),
    }),
  ),
});
export type PlanContent = z.infer<typeof planContent>;

/** A need raised in the villages (an input of type "service need" from the dialogues). */
export const planNeed = z.object({
  id: z.string(),
  title: z.string(),
  localityName: z.string().nullable(),
  status: z.string(),
  raisedAt: z.string().nullable(),
});
export type PlanNeed = z.infer<typeof planNeed>;

/** The figures of the analysis a plan rests on: population per travel-time class per service type. */
export const planAnalysisFigures = z.object({
  analysisId: z.string(),
  available: z.boolean(),
  /** Why the figures are missing (e.g. the analysis module is not there or the analysis is not done). */
  reason: z.string().nullable(),
  straightLine: z.boolean(),
  types: z.array(z.object({ type: z.string(), classes: z.array(z.object({ label: z.string(), population: z.number() })) })),
});
export type PlanAnalysisFigures = z.infer<typeof planAnalysisFigures>;

export const planVersionSummary = z.object({
  number: z.number(),
  status: z.enum(['consultation', 'adopted']),
  title: z.string(),
  createdAt: z.string(),
  consultationEndsOn: z.string().nullable(),
  decisionBody: z.string().nullable(),
  decisionDate: z.string().nullable(),
  minuteReference: z.string().nullable(),
});
export type PlanVersionSummary = z.infer<typeof planVersionSummary>;

export const planVersion = planVersionSummary.extend({
  planId: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  content: planContent,
});
export type PlanVersion = z.infer<typeof planVersion>;

export const planFollowUp = z.object({
  id: z.string(),
  year: z.number(),
  summary: z.string(),
  measures: z.array(z.object({ measureId: z.string(), measureTitle: z.string().nullable(), status: measureStatus, note: z.string() })),
  createdAt: z.string(),
});
export type PlanFollowUp = z.infer<typeof planFollowUp>;

/** What the caller may do with a service plan (its `allowedActions`). */
export const servicePlanAction = z.enum(['view', 'export', 'update', 'start_consultation', 'adopt', 'revise', 'moderate_comments', 'follow_up', 'comment']);
export type ServicePlanAction = z.infer<typeof servicePlanAction>;

export const servicePlanSummary = z.object({
  id: z.string(),
  spaceId: z.string(),
  spaceName: z.string(),
  title: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  countyCode: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: servicePlanStatus,
  consultationEndsOn: z.string().nullable(),
  latestVersion: z.number().nullable(),
  adopted: z.object({ number: z.number(), decisionBody: z.string(), decisionDate: z.string(), minuteReference: z.string() }).nullable(),
  analysisId: z.string().nullable(),
  measureCount: z.number(),
  updatedAt: z.string(),
  allowedActions: z.array(servicePlanAction),
});
export type ServicePlanSummary = z.infer<typeof servicePlanSummary>;

export const servicePlan = servicePlanSummary.extend({
  /** `working`: the editable draft (members); `version`: the latest public version (the public). */
  shows: z.enum(['working', 'version']),
  shownVersion: z.number().nullable(),
  content: planContent,
  needs: z.array(planNeed),
  analysis: planAnalysisFigures.nullable(),
  versions: z.array(planVersionSummary),
  followUps: z.array(planFollowUp),
  consultationOpen: z.boolean(),
  createdAt: z.string(),
});
export type ServicePlan = z.infer<typeof servicePlan>;

/** What the caller may do with a plan comment (its `allowedActions`). */
export const planCommentAction = z.enum(['moderate']);
export type PlanCommentAction = z.infer<typeof planCommentAction>;

export const planComment = z.object({
  id: z.string(),
  versionNumber: z.number(),
  body: z.string(),
  authorName: z.string().nullable(),
  localityName: z.string().nullable(),
  status: z.enum(['pending', 'published', 'rejected']),
  response: z.string().nullable(),
  createdAt: z.string(),
  moderatedAt: z.string().nullable(),
  allowedActions: z.array(planCommentAction),
});
export type PlanComment = z.infer<typeof planComment>;

export const serviceProgramme = z.object({
  county: z.object({ code: z.string(), name: z.string() }),
  municipalities: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      plans: z.array(servicePlanSummary.extend({ analysis: planAnalysisFigures.nullable() })),
    }),
  ),
});
export type ServiceProgramme = z.infer<typeof serviceProgramme>;

export const servicePlanCountyParams = z.object({ code: z.string().regex(/^\d{2}$/, { message: 'validation.county_code' }) });

/** The plan as a document (what DOCX, PDF and the print view are made from). */
export const planDocumentBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), text: z.string(), muted: z.boolean().optional() }),
  z.object({ kind: z.literal('list'), items: z.array(z.string()), numbered: z.boolean().optional() }),
  z.object({ kind: z.literal('table'), caption: z.string(), headers: z.array(z.string()), rows: z.array(z.array(z.string())), numeric: z.array(z.number()).optional(), testId: z.string().optional() }),
  z.object({ kind: z.literal('figure'), svg: z.string(), alt: z.string(), caption: z.string(), width: z.number(), height: z.number() }),
]);
export const planDocument = z.object({
  language: z.enum(['sv', 'en']),
  title: z.string(),
  subtitle: z.string(),
  municipalityName: z.string(),
  meta: z.array(z.tuple([z.string(), z.string()])),
  blocks: z.array(planDocumentBlock),
});
export type PlanDocumentBody = z.infer<typeof planDocument>;
