import { z } from 'zod';
import { targetCode } from './agenda2030.ts';
import { ageGroup } from './actors.ts';
import { email, language, municipalityCode, line } from './common.ts';
import { latitude, longitude } from './geography.ts';

/** Needs and ideas ("inspel") raised in a space and followed to their answer. */
export const inputKind = z.enum(['need', 'idea']);
export type InputKind = z.infer<typeof inputKind>;

export const inputTheme = z.enum([
  'service',
  'transport',
  'housing',
  'work_business',
  'school_education',
  'health_care',
  'culture_leisure',
  'nature_environment',
  'digital',
  'safety',
  'democracy_participation',
  'other',
]);
export type InputTheme = z.infer<typeof inputTheme>;
export const INPUT_THEMES = inputTheme.options;

/** The accessibility engine's five basic commercial services, plus other services. */
export const inputServiceType = z.enum(['groceries', 'fuel', 'pharmacy', 'post', 'payment', 'other']);
export type InputServiceType = z.infer<typeof inputServiceType>;

export const inputSource = z.enum(['form', 'facilitator', 'board']);
export type InputSource = z.infer<typeof inputSource>;

/** How a facilitator got the input they enter on someone's behalf. */
export const inputChannel = z.enum(['paper', 'phone', 'meeting', 'email', 'other']);
export type InputChannel = z.infer<typeof inputChannel>;

export const inputStatus = z.enum(['received', 'being_assessed', 'planned', 'done', 'declined']);
export type InputStatus = z.infer<typeof inputStatus>;
export const INPUT_STATUSES = inputStatus.options;

/** Which sector the person who raised it speaks for; "resident" is a private person. */
export const submitterSector = z.enum(['resident', 'public', 'private', 'civil_society', 'academia']);
export type SubmitterSector = z.infer<typeof submitterSector>;

/** Agenda 2030: the 17 Sustainable Development Goals by number. */
export const goalNumber = z.number().int().min(1).max(17);
export const agendaGoal = z.object({ number: z.number(), nameSv: z.string(), nameEn: z.string(), color: z.string() });
export type AgendaGoal = z.infer<typeof agendaGoal>;

export const point = z.strictObject({ lon: longitude, lat: latitude });

/** What a plan measure or action that answers an input is called where it lives (another module). */
export const plannedRef = z.strictObject({ id: z.string().trim().min(1).max(100), label: line().min(1).max(300) });

const classification = {
  kind: inputKind,
  theme: inputTheme.nullable().optional(),
  serviceType: inputServiceType.nullable().optional(),
  goals: z.array(goalNumber).max(17).optional(),
  targets: z.array(targetCode).max(169).optional(),
  municipalityCode: municipalityCode.nullable().optional(),
  localityId: z.uuid().nullable().optional(),
  point: point.nullable().optional(),
};

/** A service need names its service; a service type only fits the service theme. */
function serviceTypeRule<T extends { kind?: InputKind | undefined; theme?: InputTheme | null | undefined; serviceType?: InputServiceType | null | undefined }>(
  value: T,
  ctx: z.RefinementCtx,
) {
  if (value.serviceType && value.theme !== 'service') ctx.addIssue({ code: 'custom', message: 'validation.service_type_needs_service_theme', path: ['serviceType'] });
  if (value.kind === 'need' && value.theme === 'service' && !value.serviceType) ctx.addIssue({ code: 'custom', message: 'validation.service_type_required', path: ['serviceType'] });
}

/**
 * A new input. `source` is `form` (the public form, anyone who may see the space) or
 * `facilitator` (a space leader entering paper or phone input on someone's behalf, with `channel`).
 * Inputs from workshop boards are created by the board module through the input service.
 */
export const inputInput = z
  .strictObject({
    text: z.string().trim().min(3).max(4000),
    ...classification,
    source: inputSource.exclude(['board']).default('form'),
    channel: inputChannel.nullable().optional(),
    eventId: z.uuid().nullable().optional(),
    submitterSector: submitterSector.nullable().optional(),
    submitterAgeGroup: ageGroup.nullable().optional(),
    /** Personal data: used only to tell the submitter about changes; never shown, never logged. */
    submitterEmail: email.nullable().optional(),
    /** The language notices are written in (defaults to the request's). */
    submitterLanguage: language.optional(),
  })
  .superRefine(serviceTypeRule)
  .superRefine((value, ctx) => {
    if (value.source === 'facilitator' && !value.channel) ctx.addIssue({ code: 'custom', message: 'validation.channel_required', path: ['channel'] });
    if (value.source === 'form' && value.channel) ctx.addIssue({ code: 'custom', message: 'validation.channel_only_facilitator', path: ['channel'] });
  });
export type InputInput = z.input<typeof inputInput>;

/**
 * A change to an input: a status change (with `reason`; required when declining; `measureId`
 * required when planned), a corrected classification, or hiding it from the public.
 */
export const inputPatch = z
  .strictObject({
    status: inputStatus.exclude(['received']).optional(),
    reason: z.string().trim().max(2000).optional(),
    /** The measure (plans module) that answers the input: required when planned, in the input's space. */
    measureId: z.uuid().optional(),
    kind: inputKind.optional(),
    theme: inputTheme.nullable().optional(),
    serviceType: inputServiceType.nullable().optional(),
    goals: z.array(goalNumber).max(17).optional(),
    targets: z.array(targetCode).max(169).optional(),
    municipalityCode: municipalityCode.nullable().optional(),
    localityId: z.uuid().nullable().optional(),
    point: point.nullable().optional(),
    eventId: z.uuid().nullable().optional(),
    /** Hide from the public (e.g. personal data or abuse in the text), with a reason. */
    hidden: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.status === 'declined' && !value.reason) ctx.addIssue({ code: 'custom', message: 'validation.decline_reason_required', path: ['reason'] });
    if (value.status === 'planned' && !value.measureId) ctx.addIssue({ code: 'custom', message: 'validation.measure_required', path: ['measureId'] });
    if (value.measureId && value.status !== 'planned') ctx.addIssue({ code: 'custom', message: 'validation.planned_ref_only_planned', path: ['measureId'] });
    if (value.hidden === true && !value.reason) ctx.addIssue({ code: 'custom', message: 'validation.hide_reason_required', path: ['reason'] });
  });
export type InputPatch = z.input<typeof inputPatch>;

export const inputStatusChange = z.object({
  at: z.string(),
  fromStatus: inputStatus.nullable(),
  toStatus: inputStatus,
  reason: z.string(),
  plannedRef: z.object({ id: z.string(), label: z.string() }).nullable(),
});
export type InputStatusChange = z.infer<typeof inputStatusChange>;

/** An input as the public sees it: no e-mail address, no name, ever. */
/** What the caller may do with an input (its `allowedActions`). */
export const inputAction = z.enum(['change_status', 'classify', 'hide']);
export type InputAction = z.infer<typeof inputAction>;

export const input = z.object({
  id: z.string(),
  spaceId: z.string(),
  number: z.number(),
  text: z.string(),
  kind: inputKind,
  theme: inputTheme.nullable(),
  serviceType: inputServiceType.nullable(),
  goals: z.array(z.number()),
  targets: z.array(z.string()),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  localityId: z.string().nullable(),
  localityName: z.string().nullable(),
  point: z.object({ lon: z.number(), lat: z.number() }).nullable(),
  source: inputSource,
  channel: inputChannel.nullable(),
  eventId: z.string().nullable(),
  /** The event's title and start, so the list can say which meeting an input came from. */
  eventTitle: z.string().nullable(),
  eventStartsAt: z.string().nullable(),
  submitterSector: submitterSector.nullable(),
  submitterAgeGroup: ageGroup.nullable(),
  status: inputStatus,
  plannedRef: z.object({ id: z.string(), label: z.string() }).nullable(),
  /** The measure that answers it (when planned or done through a measure). */
  measureId: z.string().nullable(),
  /** What was written before inputs pointed at measures, kept where no measure matched. */
  plannedNote: z.string().nullable(),
  statusChangedAt: z.string(),
  createdAt: z.string(),
  /** Only for those who lead the space: who entered it, whether notices go out, whether hidden. */
  enteredByName: z.string().nullable().optional(),
  notifiesSubmitter: z.boolean().optional(),
  hidden: z.boolean(),
  allowedActions: z.array(inputAction),
});
export type Input = z.infer<typeof input>;

export const inputDetail = input.extend({
  timeline: z.array(inputStatusChange),
  /** received → assessed → measure (and its plan) → indicator values → done: the measure's part. */
  trail: z
    .object({
      measureId: z.string(),
      measureTitle: z.string(),
      measureStatus: z.string(),
      measureResult: z.string(),
      actionPlanId: z.string().nullable(),
      actionPlanTitle: z.string().nullable(),
      indicators: z.array(z.object({ name: z.string(), unit: z.string(), targetValue: z.number().nullable(), values: z.array(z.object({ value: z.number(), measuredOn: z.string() })) })),
    })
    .nullable(),
});
export type InputDetail = z.infer<typeof inputDetail>;

const csvList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20)).optional();

export const inputsQuery = z.object({
  status: csvList(inputStatus),
  kind: inputKind.optional(),
  theme: inputTheme.optional(),
  serviceType: inputServiceType.optional(),
  municipality: municipalityCode.optional(),
  goal: z.coerce.number().int().min(1).max(17).optional(),
  source: inputSource.optional(),
  event: z.uuid().optional(),
  q: z.string().max(100).optional(),
  /** Leaders only: include inputs hidden from the public. */
  includeHidden: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type InputsQuery = z.input<typeof inputsQuery>;

/** What the caller may do with a space's inputs (the list's `allowedActions`). */
export const inputCollectionAction = z.enum(['submit', 'enter_on_behalf', 'triage']);
export type InputCollectionAction = z.infer<typeof inputCollectionAction>;

export const inputPage = z.object({
  total: z.number(),
  /** Counts per status under the same filter (without the status filter), for the triage view. */
  byStatus: z.record(z.string(), z.number()),
  items: z.array(input),
  allowedActions: z.array(inputCollectionAction),
});
export type InputPage = z.infer<typeof inputPage>;

/** Counts under a filter, per dimension: the figures a project reports (who was heard, what about). */
export const inputSummary = z.object({
  total: z.number(),
  byStatus: z.record(z.string(), z.number()),
  byKind: z.record(z.string(), z.number()),
  byTheme: z.record(z.string(), z.number()),
  byServiceType: z.record(z.string(), z.number()),
  bySource: z.record(z.string(), z.number()),
  bySubmitterSector: z.record(z.string(), z.number()),
  bySubmitterAgeGroup: z.record(z.string(), z.number()),
  byMunicipality: z.record(z.string(), z.number()),
  byGoal: z.record(z.string(), z.number()),
});
export type InputSummary = z.infer<typeof inputSummary>;

export const inputsExportQuery = inputsQuery.omit({ limit: true, offset: true }).extend({ format: z.enum(['csv', 'geojson']) });
