import { z } from 'zod';
import { line, municipalityCode } from './common.ts';

/**
 * A figure on a dashboard, computed from the platform's own data by one function of the server's
 * figure registry (modules/dashboards/figures.ts); `link` leads to the data behind it.
 */
export const figureKey = z.enum([
  'working_groups',
  'municipalities_with_complete_group',
  'events_held',
  'participants',
  'inputs',
  'inputs_median_days_to_answer',
  'process_steps_done',
  'feedback_answers',
  'measures',
  'indicators_on_track',
  'agreements',
  'people_beyond_30_min_groceries',
  'network_cross_sector_share',
]);
export type FigureKey = z.infer<typeof figureKey>;

export const figure = z.object({
  key: z.string(),
  value: z.number().nullable(),
  /** The whole the value is a part of (e.g. steps in all, municipalities in the space). */
  total: z.number().nullable(),
  /** A value to compare with, e.g. the network's baseline snapshot. */
  baseline: z.number().nullable(),
  unit: z.enum(['count', 'days', 'share', 'people']),
  /** Breakdowns (by status, sector, age group, mode, type …) as label → value tables. */
  breakdowns: z.array(z.object({ dimension: z.string(), items: z.array(z.object({ key: z.string(), value: z.number(), target: z.number().optional() })) })),
  /** Where the data behind it is (a web path). */
  link: z.string().nullable(),
  note: z.string().nullable(),
});
export type Figure = z.infer<typeof figure>;

export const projectGoalInput = z.strictObject({
  title: line().min(2).max(300),
  figureKey,
  target: z.number().min(0).max(1e12),
});
export const projectGoalParams = z.object({ id: z.uuid(), goalId: z.uuid() });
export const projectGoal = z.object({
  id: z.string(),
  title: z.string(),
  figureKey: z.string(),
  target: z.number(),
  value: z.number().nullable(),
  /** value / target, capped at 1. */
  progress: z.number(),
});
export type ProjectGoal = z.infer<typeof projectGoal>;

export const coFinancier = z.strictObject({ name: line().min(1).max(200), amount: z.number().min(0).max(1e12) });
export const steeringMember = z.strictObject({ name: line().min(1).max(200), organisation: line().max(200).default(''), role: line().max(200).default('') });
export const projectFactsInput = z.strictObject({
  periodStart: z.iso.date().nullable(),
  periodEnd: z.iso.date().nullable(),
  budget: z.number().min(0).max(1e12).nullable(),
  coFinanciers: z.array(coFinancier).max(30),
  steeringGroup: z.array(steeringMember).max(40),
});
export const spinOffInput = z.strictObject({
  date: z.iso.date(),
  text: z.string().trim().min(2).max(2000),
  source: line().max(300).default(''),
});
export const spinOffParams = z.object({ id: z.uuid(), spinOffId: z.uuid() });
export const spinOff = z.object({ id: z.string(), date: z.string(), text: z.string(), source: z.string() });
export const projectFacts = z.object({
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  budget: z.number().nullable(),
  coFinanciers: z.array(z.object({ name: z.string(), amount: z.number() })),
  steeringGroup: z.array(z.object({ name: z.string(), organisation: z.string(), role: z.string() })),
  spinOffs: z.array(spinOff),
});
export type ProjectFacts = z.infer<typeof projectFacts>;

export const dashboard = z.object({
  scope: z.object({ kind: z.enum(['space', 'municipality', 'county']), id: z.string(), name: z.string() }),
  figures: z.array(figure),
  goals: z.array(projectGoal).nullable(),
  facts: projectFacts.nullable(),
  allowedActions: z.array(z.enum(['view', 'manage'])),
});
export type Dashboard = z.infer<typeof dashboard>;

/**
 * A village's (locality's) dashboard: only what the data can say about it. Inputs and events are
 * the village's when tagged to it (inputs) or placed within `radiusKm` of its point; measures when
 * they name it; the accessibility figure where the latest analysis has per-locality results.
 * `unknown` lists what cannot be told for this village (figure keys, or `initiatives`, which have
 * no link to a village).
 */
export const localityDashboard = z.object({
  locality: z.object({
    id: z.string(),
    name: z.string(),
    municipalityCode: z.string(),
    municipalityName: z.string(),
    population: z.number().nullable(),
    lon: z.number(),
    lat: z.number(),
  }),
  radiusKm: z.number(),
  figures: z.array(figure),
  /** The nearest open service point of each kind, as the crow flies. */
  nearest: z.array(z.object({ kind: z.string(), pointId: z.string(), name: z.string(), spaceId: z.string(), distanceKm: z.number() })),
  unknown: z.array(z.string()),
});
export type LocalityDashboard = z.infer<typeof localityDashboard>;

export const comparison = z.object({
  figureKeys: z.array(z.string()),
  rows: z.array(z.object({ municipalityCode, municipalityName: z.string(), values: z.record(z.string(), z.number().nullable()) })),
});
export type Comparison = z.infer<typeof comparison>;
export const comparisonQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });
export const countyCodeParams = z.object({ code: z.string().regex(/^\d{2}$/, { message: 'validation.county_code' }) });
export const municipalityCodeParams = z.object({ code: municipalityCode });
