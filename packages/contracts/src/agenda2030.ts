import { z } from 'zod';
// The same rule as inputs.ts' goalNumber, kept here so inputs.ts (and others) can import targets without an import cycle.
const goalNumber = z.number().int().min(1).max(17);

/**
 * The 169 Agenda 2030 targets by their official numbering (goal.target, with lettered means of
 * implementation such as 11.a); the same list as data/agenda2030/targets.csv, which the server's
 * target labels are checked against.
 */
export const TARGET_CODES = [
  '1.1',
  '1.2',
  '1.3',
  '1.4',
  '1.5',
  '1.a',
  '1.b',
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '2.5',
  '2.a',
  '2.b',
  '2.c',
  '3.1',
  '3.2',
  '3.3',
  '3.4',
  '3.5',
  '3.6',
  '3.7',
  '3.8',
  '3.9',
  '3.a',
  '3.b',
  '3.c',
  '3.d',
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '4.5',
  '4.6',
  '4.7',
  '4.a',
  '4.b',
  '4.c',
  '5.1',
  '5.2',
  '5.3',
  '5.4',
  '5.5',
  '5.6',
  '5.a',
  '5.b',
  '5.c',
  '6.1',
  '6.2',
  '6.3',
  '6.4',
  '6.5',
  '6.6',
  '6.a',
  '6.b',
  '7.1',
  '7.2',
  '7.3',
  '7.a',
  '7.b',
  '8.1',
  '8.2',
  '8.3',
  '8.4',
  '8.5',
  '8.6',
  '8.7',
  '8.8',
  '8.9',
  '8.10',
  '8.a',
  '8.b',
  '9.1',
  '9.2',
  '9.3',
  '9.4',
  '9.5',
  '9.a',
  '9.b',
  '9.c',
  '10.1',
  '10.2',
  '10.3',
  '10.4',
  '10.5',
  '10.6',
  '10.7',
  '10.a',
  '10.b',
  '10.c',
  '11.1',
  '11.2',
  '11.3',
  '11.4',
  '11.5',
  '11.6',
  '11.7',
  '11.a',
  '11.b',
  '11.c',
  '12.1',
  '12.2',
  '12.3',
  '12.4',
  '12.5',
  '12.6',
  '12.7',
  '12.8',
  '12.a',
  '12.b',
  '12.c',
  '13.1',
  '13.2',
  '13.3',
  '13.a',
  '13.b',
  '14.1',
  '14.2',
  '14.3',
  '14.4',
  '14.5',
  '14.6',
  '14.7',
  '14.a',
  '14.b',
  '14.c',
  '15.1',
  '15.2',
  '15.3',
  '15.4',
  '15.5',
  '15.6',
  '15.7',
  '15.8',
  '15.9',
  '15.a',
  '15.b',
  '15.c',
  '16.1',
  '16.2',
  '16.3',
  '16.4',
  '16.5',
  '16.6',
  '16.7',
  '16.8',
  '16.9',
  '16.10',
  '16.a',
  '16.b',
  '17.1',
  '17.2',
  '17.3',
  '17.4',
  '17.5',
  '17.6',
  '17.7',
  '17.8',
  '17.9',
  '17.10',
  '17.11',
  '17.12',
  '17.13',
  '17.14',
  '17.15',
  '17.16',
  '17.17',
  '17.18',
  '17.19',
] as const;

export type TargetCode = (typeof TARGET_CODES)[number];
const targetCodeSet: ReadonlySet<string> = new Set(TARGET_CODES);

/** The goal a target belongs to: "11.a" → 11. */
export function goalOfTarget(target: string): number {
  return Number(target.split('.')[0]);
}

export const targetCode = z.string().refine((value): value is TargetCode => targetCodeSet.has(value), {
  message: 'validation.unknown_target',
});

/**
 * The Agenda 2030 tags every taggable object (space, event, input, measure, initiative, library
 * item, model) accepts and answers: goals by number, targets by code. Without a goal listed, a
 * target still counts for its goal (see goalsWithTargets).
 */
export const agenda2030Tags = {
  goals: z.array(goalNumber).max(17),
  targets: z.array(targetCode).max(169),
};

/** The goals a set of tags covers: the goals named plus the goals of the targets named. */
export function goalsWithTargets(goals: readonly number[], targets: readonly string[]): number[] {
  return [...new Set([...goals, ...targets.map(goalOfTarget)])].sort((a, b) => a - b);
}

/** One of the 169 targets with a short label in Swedish and English (our own words, not the official text). */
export const agendaTarget = z.object({ goal: z.number(), target: z.string(), labelSv: z.string(), labelEn: z.string() });
export type AgendaTarget = z.infer<typeof agendaTarget>;

/** The tags as answered by every taggable object. */
export const agenda2030TagsOut = { goals: z.array(z.number()), targets: z.array(z.string()) };

/** A simple indicator on a local target: where it started, where it should go, what was measured. (The action-plan work owns full indicators.) */
export const localIndicator = z.strictObject({
  name: z.string().trim().min(1).max(200),
  unit: z.string().trim().max(40).default(''),
  baseline: z.number().finite().nullable().default(null),
  target: z.number().finite().nullable().default(null),
  values: z
    .array(z.strictObject({ date: z.iso.date(), value: z.number().finite() }))
    .max(200)
    .default([]),
});

export const localTargetInput = z.strictObject({
  title: z.string().trim().min(2).max(200),
  description: z.string().trim().max(5000).default(''),
  municipalityCode: z.string().regex(/^\d{4}$/, { message: 'validation.municipality_code' }).nullable().optional(),
  /** The global targets it serves: at least one. */
  targets: z.array(targetCode).min(1).max(20),
  indicator: localIndicator.nullable().optional(),
});
export type LocalTargetInput = z.input<typeof localTargetInput>;

export const localTarget = z.object({
  id: z.string(),
  spaceId: z.string(),
  municipalityCode: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  targets: z.array(z.string()),
  goals: z.array(z.number()),
  indicator: z
    .object({ name: z.string(), unit: z.string(), baseline: z.number().nullable(), target: z.number().nullable(), values: z.array(z.object({ date: z.string(), value: z.number() })) })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LocalTarget = z.infer<typeof localTarget>;

/**
 * What is going on for a goal or target: one row per thing tagged with it. The kinds grow as
 * modules add coverage sources (docs/adr/0015-agenda2030-coverage-sources.md).
 */
export const coverageKind = z.enum(['event', 'input', 'local_target', 'library_item', 'measure', 'initiative', 'model']);
export type CoverageKind = z.infer<typeof coverageKind>;
export const COVERAGE_KINDS = coverageKind.options;

export const coverageEntry = z.object({
  kind: coverageKind,
  id: z.string(),
  title: z.string(),
  /** e.g. held / planned for events, the input's status, a measure's status; null when it has none. */
  status: z.string().nullable(),
  date: z.string().nullable(),
  spaceId: z.string(),
  municipalityCode: z.string().nullable(),
  goals: z.array(z.number()),
  targets: z.array(z.string()),
});
export type CoverageEntry = z.infer<typeof coverageEntry>;

const coverageCounts = z.record(z.string(), z.number());

export const coverage = z.object({
  scope: z.object({ kind: z.enum(['space', 'municipality', 'county']), id: z.string(), name: z.string() }),
  goals: z.array(
    z.object({
      goal: z.number(),
      total: z.number(),
      counts: coverageCounts,
      targets: z.array(z.object({ target: z.string(), total: z.number(), counts: coverageCounts })),
    }),
  ),
  entries: z.array(coverageEntry),
});
export type Coverage = z.infer<typeof coverage>;

/** Goals without repeats in number order, targets without repeats in the official order (as stored and answered). */
export function normaliseTags<T extends string>(goals: readonly number[], targets: readonly T[]): { goals: number[]; targets: T[] } {
  const order = new Map<string, number>(TARGET_CODES.map((code, i) => [code, i]));
  return {
    goals: [...new Set(goals)].sort((a, b) => a - b),
    targets: [...new Set(targets)].sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999)),
  };
}
