import { z } from 'zod';
import { agenda2030Tags } from './agenda2030.ts';
import { sector } from './actors.ts';
import { line, municipalityCode, webUrl } from './common.ts';

/**
 * Action plans (handlingsplaner) in a space, optionally under an agreement: goals, measures
 * (åtgärder) with who does what, indicators with values over time, and the inputs each measure
 * answers (issue 10 §2–3).
 */

const isoDate = z.iso.date({ message: 'validation.date' });
const text = (max: number) => z.string().trim().max(max);

export const actionPlanStatus = z.enum(['draft', 'active', 'ended']);
export type ActionPlanStatus = z.infer<typeof actionPlanStatus>;

/** planned → ongoing → done, or paused / cancelled (with a reason). */
export const actionMeasureStatus = z.enum(['planned', 'ongoing', 'done', 'paused', 'cancelled']);
export type ActionMeasureStatus = z.infer<typeof actionMeasureStatus>;
export const ACTION_MEASURE_STATUSES = actionMeasureStatus.options;

export const indicatorDirection = z.enum(['increase', 'decrease', 'maintain']);
export type IndicatorDirection = z.infer<typeof indicatorDirection>;

/** A link to another plan or strategy: a title and an http(s) address, nothing else. */
export const otherPlanLink = z.strictObject({ title: line().min(1).max(200), url: webUrl(500) });

export const actionPlanGoalInput = z.strictObject({
  /** Present for a goal that exists; without it a new goal is added. */
  id: z.uuid().optional(),
  title: line().min(1).max(300),
  description: text(4000).optional(),
});

export const actionPlanInput = z.strictObject({
  title: line().min(2).max(200),
  summary: text(8000).optional(),
  /** The agreement the plan carries out (agreements module); stored as given, checked when that module lands. */
  agreementId: z.uuid().nullable().optional(),
  periodStart: isoDate.nullable().optional(),
  periodEnd: isoDate.nullable().optional(),
  goals: z.array(actionPlanGoalInput).max(50).optional(),
  links: z.array(otherPlanLink).max(50).optional(),
});
export const actionPlanPatch = actionPlanInput.partial().extend({ status: actionPlanStatus.optional() });

export const participantInput = z.strictObject({
  organisationId: z.uuid(),
  /** What the organisation commits to. */
  what: text(1000).min(1),
  hours: z.number().min(0).max(1_000_000).nullable().optional(),
  moneySek: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
  /** Takes part as (or for) young people: a youth council, a youth group. */
  youth: z.boolean().optional(),
});
export const milestoneInput = z.strictObject({ title: line().min(1).max(200), date: isoDate, done: z.boolean().optional() });
export const fundingInput = z.strictObject({ source: line().min(1).max(200), amountSek: z.number().int().min(0).max(1_000_000_000).nullable().optional() });

const measureFields = {
  title: line().min(2).max(300),
  description: text(8000).optional(),
  goalId: z.uuid().nullable().optional(),
  responsibleOrganisationId: z.uuid().nullable().optional(),
  participants: z.array(participantInput).max(50).optional(),
  municipalityCode: municipalityCode.nullable().optional(),
  localityId: z.uuid().nullable().optional(),
  place: text(300).optional(),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  milestones: z.array(milestoneInput).max(50).optional(),
  budgetSek: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
  funding: z.array(fundingInput).max(20).optional(),
  goals: agenda2030Tags.goals.optional(),
  targets: agenda2030Tags.targets.optional(),
  links: z.array(otherPlanLink).max(50).optional(),
};

export const measureInput = z.strictObject(measureFields);
export const measurePatch = z
  .strictObject({
    ...measureFields,
    title: measureFields.title.optional(),
    status: actionMeasureStatus.optional(),
    /** Why a measure is paused or cancelled (required then). */
    statusReason: text(2000).optional(),
    /** The result, when done: told to the submitters of the inputs closed with it. */
    result: text(4000).optional(),
    /** With status done: close every open input the measure answers as done, with the result text. */
    closeInputs: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    const v = value;
    if ((v.status === 'paused' || v.status === 'cancelled') && !v.statusReason) ctx.addIssue({ code: 'custom', message: 'validation.measure_reason_required', path: ['statusReason'] });
    if (v.closeInputs && v.status !== 'done') ctx.addIssue({ code: 'custom', message: 'validation.close_inputs_only_done', path: ['closeInputs'] });
    if (v.closeInputs && !v.result) ctx.addIssue({ code: 'custom', message: 'validation.result_required', path: ['result'] });
  });
export type MeasurePatch = z.input<typeof measurePatch>;

export const indicatorInput = z
  .strictObject({
    name: line().min(2).max(200),
    unit: line().max(40).optional(),
    baselineValue: z.number().finite().nullable().optional(),
    baselineDate: isoDate.nullable().optional(),
    targetValue: z.number().finite().nullable().optional(),
    targetDate: isoDate.nullable().optional(),
    direction: indicatorDirection.default('increase'),
  })
  .superRefine((v, ctx) => {
    if (v.baselineDate && v.targetDate && v.targetDate < v.baselineDate) ctx.addIssue({ code: 'custom', message: 'validation.end_before_start', path: ['targetDate'] });
  });
/** An indicator on one of the plan's goals (a measure's indicators go through the measure). */
export const goalIndicatorInput = z.strictObject({ goalId: z.uuid(), indicator: indicatorInput });

export const indicatorValueInput = z.strictObject({
  value: z.number().finite(),
  measuredOn: isoDate,
  source: line().min(1).max(300),
  comment: text(2000).optional(),
});

export const followUpInput = z.strictObject({
  asOf: isoDate,
  summary: text(8000).optional(),
  measures: z.array(z.strictObject({ measureId: z.uuid(), text: text(4000) })).max(200).default([]),
});

export const indicatorValue = z.object({ id: z.string(), value: z.number(), measuredOn: z.string(), source: z.string(), comment: z.string() });
export type IndicatorValue = z.infer<typeof indicatorValue>;

export const indicator = z.object({
  id: z.string(),
  goalId: z.string().nullable(),
  measureId: z.string().nullable(),
  name: z.string(),
  unit: z.string(),
  baselineValue: z.number().nullable(),
  baselineDate: z.string().nullable(),
  targetValue: z.number().nullable(),
  targetDate: z.string().nullable(),
  direction: indicatorDirection,
  values: z.array(indicatorValue),
});
export type Indicator = z.infer<typeof indicator>;

export const organisationRef = z.object({ id: z.string(), name: z.string(), sector });

export const measureAction = z.enum(['view', 'update', 'add_indicator', 'add_value']);
export type MeasureAction = z.infer<typeof measureAction>;

/** An input the measure answers, as the public sees it. */
export const measureInputRef = z.object({ id: z.string(), number: z.number(), text: z.string(), status: z.string() });

export const measure = z.object({
  id: z.string(),
  spaceId: z.string(),
  actionPlanId: z.string().nullable(),
  actionPlanTitle: z.string().nullable(),
  goalId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  responsibleOrganisation: organisationRef.nullable(),
  participants: z.array(
    z.object({ organisationId: z.string(), organisationName: z.string(), sector, what: z.string(), hours: z.number().nullable(), moneySek: z.number().nullable(), youth: z.boolean() }),
  ),
  /** The sectors taking part (the responsible organisation's and the participants'), plus youth when a participant takes part for the young. */
  sectors: z.array(z.enum(['public', 'private', 'civil_society', 'academia', 'youth'])),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  localityId: z.string().nullable(),
  localityName: z.string().nullable(),
  place: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  milestones: z.array(z.object({ title: z.string(), date: z.string(), done: z.boolean() })),
  budgetSek: z.number().nullable(),
  funding: z.array(z.object({ source: z.string(), amountSek: z.number().nullable() })),
  status: actionMeasureStatus,
  statusReason: z.string(),
  result: z.string(),
  goals: z.array(z.number()),
  targets: z.array(z.string()),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
  indicators: z.array(indicator),
  inputs: z.array(measureInputRef),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(measureAction),
});
export type Measure = z.infer<typeof measure>;

export const actionPlanAction = z.enum(['view', 'update', 'add_measure', 'add_indicator', 'follow_up']);
export type ActionPlanAction = z.infer<typeof actionPlanAction>;

export const actionPlanGoal = z.object({ id: z.string(), title: z.string(), description: z.string(), indicators: z.array(indicator) });

export const followUp = z.object({
  id: z.string(),
  version: z.number(),
  asOf: z.string(),
  summary: z.string(),
  measures: z.array(z.object({ measureId: z.string(), title: z.string(), status: z.string(), text: z.string() })),
  indicators: z.array(z.object({ indicatorId: z.string(), name: z.string(), unit: z.string(), value: z.number().nullable(), measuredOn: z.string().nullable() })),
  createdAt: z.string(),
});
export type FollowUp = z.infer<typeof followUp>;

export const actionPlanSummary = z.object({
  id: z.string(),
  spaceId: z.string(),
  agreementId: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  status: actionPlanStatus,
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  measureCount: z.number(),
  measuresDone: z.number(),
  updatedAt: z.string(),
});
export type ActionPlanSummary = z.infer<typeof actionPlanSummary>;

export const actionPlan = actionPlanSummary.extend({
  /** The title of the agreement it carries out (agreementId), when there is one. */
  agreementTitle: z.string().nullable().optional(),
  goals: z.array(actionPlanGoal),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
  measures: z.array(measure),
  followUps: z.array(followUp),
  createdAt: z.string(),
  allowedActions: z.array(actionPlanAction),
});
export type ActionPlan = z.infer<typeof actionPlan>;

export const actionPlanList = z.object({ items: z.array(actionPlanSummary), allowedActions: z.array(z.enum(['create'])) });

/** A space's measures in short, for choosing the one that answers an input. */
export const measureChoice = z.object({ id: z.string(), title: z.string(), actionPlanId: z.string().nullable(), actionPlanTitle: z.string().nullable(), status: actionMeasureStatus });
export type MeasureChoice = z.infer<typeof measureChoice>;

export const measureParams = z.object({ id: z.uuid() });
