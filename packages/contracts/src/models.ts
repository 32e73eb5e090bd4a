import { z } from 'zod';
import { agenda2030Tags } from './agenda2030.ts';
import { line, municipalityCode, webUrl } from './common.ts';
import { eventKind } from './dialogues.ts';
import { compositionTargets, groupKind } from './groups.ts';
import { spaceVisibility } from './spaces.ts';
import { goalNumber } from './inputs.ts';

/**
 * Collaboration models (samverkansmodeller): a described, packaged way of working with a
 * template of the structure it sets up in a space. A model travels between servers as a
 * versioned JSON file (docs/schemas/samhandling-model-v1.schema.json is generated from
 * `modelFile` below and checked against it in a test). Every field is required in the file, so
 * what one server exports another reads back the same.
 */

const text = (max: number) => z.string().trim().max(max);
const title = (max = 200) => line().min(1).max(max);

/**
 * The key of an item in a template (a-z, 0-9, - and _): applying a model creates each keyed item
 * once per space and municipality, so applying again never duplicates.
 */
export const templateKey = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'validation.template_key' });

export const templateWorkingGroup = z.strictObject({
  key: templateKey,
  name: line().min(2).max(160),
  kind: groupKind,
  description: text(5000),
  /** How many members of each sector the group aims for; TALKO's 4 + 4 + 4 + 1. */
  targets: compositionTargets,
});

export const templateAgendaItem = z.strictObject({
  /** Minutes after the event starts. */
  minuteOffset: z.number().int().min(0).max(1440),
  title: title(),
  description: text(2000),
});

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.time_of_day' });

export const templateEvent = z.strictObject({
  key: templateKey,
  kind: eventKind,
  title: line().min(2).max(200),
  description: text(10000),
  /** Weeks after the start date the leader picks when applying. */
  weekOffset: z.number().int().min(0).max(520),
  /** Local time (Europe/Stockholm) the event starts. */
  startTime: clock,
  durationMinutes: z.number().int().min(15).max(1440),
  /** The working group (by template key) the event belongs to, if any. */
  workingGroupKey: templateKey.nullable(),
  agenda: z.array(templateAgendaItem).max(50),
});

export const templateEventSeries = z.strictObject({
  key: templateKey,
  title: title(),
  events: z.array(templateEvent).min(1).max(30),
});

/** Prompts for a live board on one of the template's events. */
export const templateBoardPromptSet = z.strictObject({
  key: templateKey,
  title: title(),
  /** The event (by template key) the board belongs to. */
  eventKey: templateKey,
  prompts: z.array(z.string().trim().min(1).max(300)).min(1).max(12),
});

export const templateServicePlan = z.strictObject({
  title: line().min(2).max(200),
  /** The plan covers this many calendar years from the start date's year. */
  periodYears: z.number().int().min(1).max(10),
  background: text(20000),
  goals: z.array(z.strictObject({ text: text(1000).min(1), indicator: text(500) })).max(100),
});

/** A survey to send to the space's organisations (kept with the use until a leader sends it). */
export const templateSurvey = z.strictObject({
  title: line().min(2).max(200),
  message: text(2000),
  questions: z.array(text(500).min(1)).max(30),
});

/** Goals for the draft action plan that applying the model creates (plans module). */
export const templateActionPlanGoal = z.strictObject({
  text: text(1000).min(1),
  indicator: text(500),
  goals: z.array(goalNumber).max(17),
  targets: agenda2030Tags.targets,
});

/** Version 1 of the structure a model sets up. */
export const modelTemplateV1 = z.strictObject({
  templateVersion: z.literal(1),
  workingGroups: z.array(templateWorkingGroup).max(20),
  eventSeries: z.array(templateEventSeries).max(10),
  boardPromptSets: z.array(templateBoardPromptSet).max(20),
  servicePlan: templateServicePlan.nullable(),
  survey: templateSurvey.nullable(),
  actionPlanGoals: z.array(templateActionPlanGoal).max(50),
});
export type ModelTemplate = z.infer<typeof modelTemplateV1>;

const describedStep = z.strictObject({ title: title(), description: text(5000) });

export const modelMaterial = z.strictObject({
  title: title(),
  url: webUrl(500).nullable(),
  /** A library item on the server the model was written on. */
  libraryItemId: z.uuid().nullable(),
});

/** What a model says: the description and the template (one version of it). */
export const modelContent = z.strictObject({
  title: line().min(2).max(200),
  summary: text(1000),
  purpose: text(5000),
  whenItFits: text(5000),
  steps: z.array(describedStep).max(30),
  roles: z.array(describedStep).max(30),
  cost: text(2000),
  lessonsLearned: text(5000),
  material: z.array(modelMaterial).max(50),
  ...agenda2030Tags,
  /** The municipality the model comes from. */
  originMunicipalityCode: municipalityCode.nullable(),
  template: modelTemplateV1,
});
export type ModelContent = z.infer<typeof modelContent>;
export type ModelContentInput = z.input<typeof modelContent>;

export const MODEL_FILE_FORMAT = 'samhandling-model';
/** The file a model is exported as and imported from. */
export const modelFile = z.strictObject({
  format: z.literal(MODEL_FILE_FORMAT),
  formatVersion: z.literal(1),
  /** The model's version on the server that wrote the file. */
  version: z.number().int().min(1).max(100000),
  model: modelContent,
});
export type ModelFile = z.infer<typeof modelFile>;

export const modelAction = z.enum(['view', 'update', 'apply', 'export']);
export type ModelAction = z.infer<typeof modelAction>;

/** Where a model is used: the municipalities other than its origin, and whether that makes it spread. */
export const modelSpread = z.object({
  uses: z.number(),
  /** Municipalities using it other than the one it came from. */
  otherMunicipalities: z.number(),
  /** At least three municipalities other than its origin use it. */
  spread: z.boolean(),
});

export const modelSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  goals: z.array(z.number()),
  targets: z.array(z.string()),
  originMunicipalityCode: z.string().nullable(),
  originMunicipalityName: z.string().nullable(),
  version: z.number(),
  spread: modelSpread,
  updatedAt: z.string(),
});
export type ModelSummary = z.infer<typeof modelSummary>;

export const model = modelContent.extend({
  id: z.string(),
  version: z.number(),
  versions: z.array(z.object({ version: z.number(), createdAt: z.string() })),
  originMunicipalityName: z.string().nullable(),
  /** Imported from another server's file. */
  imported: z.boolean(),
  spread: modelSpread,
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(modelAction),
});
export type Model = z.infer<typeof model>;

export const modelApplyInput = z
  .strictObject({
    /** An existing space the caller leads … */
    spaceId: z.uuid().optional(),
    /** … or a new one, made for this municipality with the caller as its administrator. */
    newSpace: z.strictObject({ name: line().min(2).max(120), visibility: spaceVisibility }).optional(),
    municipalityCode,
    /** The first event's week; dates of the series count from here (default: two weeks from today). */
    startDate: z.iso.date({ message: 'validation.date' }).optional(),
  })
  .refine((v) => (v.spaceId === undefined) !== (v.newSpace === undefined), { message: 'validation.space_or_new_space', path: ['spaceId'] });
export type ModelApplyInput = z.input<typeof modelApplyInput>;

export const modelUseItemType = z.enum(['working_group', 'event', 'board', 'service_plan', 'survey', 'action_plan_goal', 'action_plan']);
export type ModelUseItemType = z.infer<typeof modelUseItemType>;

export const modelUseAction = z.enum(['view', 'update']);

export const modelUse = z.object({
  id: z.string(),
  modelId: z.string(),
  modelTitle: z.string(),
  /** The model version last applied. */
  version: z.number(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  /** Null when the space is members-only and the caller is not a member. */
  spaceId: z.string().nullable(),
  spaceName: z.string().nullable(),
  appliedAt: z.string(),
  /** How the model was adapted here, and what came of it (null when the space is hidden from the caller). */
  adaptation: z.string().nullable(),
  outcome: z.string().nullable(),
  /** What applying created (or keeps as data); only for those who see the space. */
  items: z.array(z.object({ key: z.string(), type: modelUseItemType, resourceId: z.string().nullable(), title: z.string() })),
  allowedActions: z.array(modelUseAction),
});
export type ModelUse = z.infer<typeof modelUse>;

export const modelApplyResult = z.object({
  use: modelUse,
  /** Items created by this request (0 when the model was already applied here). */
  created: z.number(),
});

export const modelUsePatch = z.strictObject({
  adaptation: text(5000).optional(),
  outcome: text(5000).optional(),
});

/** The JSON Schema of the model file, as docs/schemas/samhandling-model-v1.schema.json holds it. */
export function modelFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(modelFile, { target: 'draft-2020-12', unrepresentable: 'any' }),
    title: 'Samhandling collaboration model (samverkansmodell), file format version 1',
  };
}
