import { z } from 'zod';
import { line, municipalityCode } from './common.ts';

/**
 * Completion criteria the platform checks from its own data. Each kind has one checker on the
 * server (modules/processes/criteria.ts); a kind without a checker yet (an action plan adopted,
 * until the plans module lands) is ticked by a facilitator with a note.
 */
export const criterionKind = z.enum(['working_group_complete', 'event_held', 'inputs_collected', 'test_session_feedback', 'action_plan_adopted']);
export type CriterionKind = z.infer<typeof criterionKind>;

export const criterion = z.strictObject({
  kind: criterionKind,
  /** The threshold the data must reach: members per sector for a group, inputs, feedback answers. */
  min: z.number().int().min(1).max(100000).optional(),
  /** For event_held: which kind of event (kick_off, village_forum, …). */
  eventKind: z.enum(['kick_off', 'village_forum', 'knowledge_dialogue', 'workshop', 'seminar', 'test_session', 'other']).optional(),
});
export type Criterion = z.infer<typeof criterion>;

const slug = z.string().regex(/^[a-z0-9-]{1,40}$/, { message: 'validation.slug' });
const text = (max: number) => z.string().trim().max(max);

export const processStepInput = z.strictObject({
  id: slug.optional(),
  title: line().min(2).max(200),
  guidance: z
    .strictObject({ what: text(4000).default(''), why: text(4000).default(''), who: text(1000).default(''), duration: text(200).default('') })
    .default({ what: '', why: '', who: '', duration: '' }),
  checklist: z.array(line().min(1).max(300)).max(30).default([]),
  /** What the step uses: a library item (then its page is the link) or any other link or title. */
  material: z
    .array(z.strictObject({ title: line().min(1).max(200), url: z.string().trim().max(500).optional(), libraryItemId: z.uuid().optional() }))
    .max(20)
    .default([]),
  criterion: criterion.nullable().default(null),
  /** Days from the process start to the step's due date. */
  dueAfterDays: z.number().int().min(0).max(3650).default(30),
});
export const processPhaseInput = z.strictObject({
  id: slug.optional(),
  title: line().min(2).max(200),
  steps: z.array(processStepInput).min(1).max(40),
});
export const processTemplateInput = z.strictObject({
  spaceId: z.uuid(),
  name: line().min(2).max(200),
  description: text(4000).default(''),
  phases: z.array(processPhaseInput).min(1).max(20),
});
/** A template rewritten in full (its space stays); processes already started keep the steps they started with. */
export const processTemplateUpdate = processTemplateInput.omit({ spaceId: true });
export const processTemplateCopyInput = z.strictObject({ spaceId: z.uuid() });
export const processTemplatesQuery = z.object({ spaceId: z.uuid().optional() });

export const processStepDefinition = z.object({
  id: z.string(),
  title: z.string(),
  guidance: z.object({ what: z.string(), why: z.string(), who: z.string(), duration: z.string() }),
  checklist: z.array(z.string()),
  material: z.array(z.object({ title: z.string(), url: z.string().optional(), libraryItemId: z.string().optional() })),
  criterion: criterion.nullable(),
  dueAfterDays: z.number(),
});
export type ProcessStepDefinition = z.infer<typeof processStepDefinition>;
export const processPhaseDefinition = z.object({ id: z.string(), title: z.string(), steps: z.array(processStepDefinition) });
export type ProcessPhaseDefinition = z.infer<typeof processPhaseDefinition>;

export const processTemplate = z.object({
  id: z.string(),
  /** Null for a template shipped with the platform (TALKO). */
  spaceId: z.string().nullable(),
  name: z.string(),
  description: z.string(),
  builtIn: z.boolean(),
  phases: z.array(processPhaseDefinition),
  /** What the caller may do with it: edit (leaders of its space; never the shipped one). */
  allowedActions: z.array(z.enum(['view', 'update'])),
  createdAt: z.string().nullable(),
});
export type ProcessTemplate = z.infer<typeof processTemplate>;

export const processInput = z.strictObject({
  templateId: z.uuid(),
  municipalityCode,
  localityId: z.uuid().nullable().optional(),
  /** The day the process starts (default: today); due dates count from it. */
  startsOn: z.iso.date().optional(),
  name: line().min(2).max(200).optional(),
});

export const processStepParams = z.object({ id: z.uuid(), stepId: slug });
export const tickInput = z.strictObject({
  done: z.boolean(),
  note: text(2000).default(''),
});
export const processStepPatch = z.strictObject({
  responsible: line().max(200).nullable().optional(),
  dueDate: z.iso.date().nullable().optional(),
});

export const stepStatus = z.enum(['done', 'open', 'overdue']);
export type StepStatus = z.infer<typeof stepStatus>;

export const processStep = processStepDefinition.extend({
  phaseId: z.string(),
  status: stepStatus,
  /** Who made it done: the platform (its criterion is met by the data) or a facilitator's tick. */
  checkedBy: z.union([z.literal('platform'), z.object({ userId: z.string().nullable(), name: z.string() })]).nullable(),
  checkedAt: z.string().nullable(),
  note: z.string(),
  /** Whether the platform checks this step's criterion itself (then it cannot be ticked by hand). */
  platformChecked: z.boolean(),
  /** What the data shows now, e.g. "7 av 10 inlägg". */
  progress: z.object({ value: z.number(), target: z.number() }).nullable(),
  responsible: z.string().nullable(),
  dueDate: z.string().nullable(),
});
export type ProcessStep = z.infer<typeof processStep>;

export const processAction = z.enum(['view', 'tick', 'update']);
export type ProcessAction = z.infer<typeof processAction>;

export const processSummary = z.object({
  id: z.string(),
  spaceId: z.string(),
  templateId: z.string().nullable(),
  name: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string().nullable(),
  localityId: z.string().nullable(),
  localityName: z.string().nullable(),
  startsOn: z.string(),
  stepsDone: z.number(),
  stepsTotal: z.number(),
  overdue: z.number(),
  /** The first step not done, or null when all are. */
  nextStep: z.object({ id: z.string(), title: z.string(), status: stepStatus, dueDate: z.string().nullable() }).nullable(),
  createdAt: z.string(),
});
export type ProcessSummary = z.infer<typeof processSummary>;

export const processDetail = processSummary.extend({
  phases: z.array(z.object({ id: z.string(), title: z.string(), steps: z.array(processStep) })),
  allowedActions: z.array(processAction),
});
export type ProcessDetail = z.infer<typeof processDetail>;
