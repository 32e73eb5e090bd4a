import { z } from 'zod';
import { line } from './common.ts';

/** The engine's five service types (what an analysis measures the way to). */
export const ANALYSIS_SERVICE_TYPES = ['groceries', 'fuel', 'pharmacy', 'post', 'payment'] as const;
export const analysisServiceType = z.enum(ANALYSIS_SERVICE_TYPES);
export type AnalysisServiceType = z.infer<typeof analysisServiceType>;

export const jobStatus = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof jobStatus>;

// --- population
export const populationKind = z.enum(['grid', 'origins', 'localities']);
/** What the caller may do with a managed (its `allowedActions`). */
export const managedAction = z.enum(['view', 'use']);
export type ManagedAction = z.infer<typeof managedAction>;

export const populationSet = z.object({
  id: z.string(),
  kind: populationKind,
  name: z.string(),
  year: z.number().nullable(),
  fileName: z.string().nullable(),
  origins: z.number(),
  population: z.number(),
  /** Whether the set carries sex and age bands (65+, under 20). */
  hasAge: z.boolean(),
  byMunicipality: z.array(z.object({ code: z.string().nullable(), population: z.number(), origins: z.number(), age65Plus: z.number().nullable(), under20: z.number().nullable() })),
  createdAt: z.string(),
  allowedActions: z.array(managedAction),
});
export type PopulationSet = z.infer<typeof populationSet>;
export const populationImportQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  name: line().min(1).max(200).optional(),
});
export const populationFromLocalities = z.object({ name: line().min(1).max(200).optional() });

// --- road networks
export const roadNetwork = z.object({
  id: z.string(),
  name: z.string(),
  fileName: z.string(),
  bytes: z.number(),
  status: jobStatus,
  progress: z.object({ stage: z.string().nullable(), percent: z.number() }),
  error: z.string().nullable(),
  nodes: z.number().nullable(),
  edges: z.number().nullable(),
  droppedNodes: z.number().nullable(),
  createdAt: z.string(),
  allowedActions: z.array(managedAction),
});
export type RoadNetwork = z.infer<typeof roadNetwork>;

/** The display classes of the roads drawn on a space's maps, minor first (the engine's osm/roads.ts). */
export const ROAD_CLASSES = ['minor', 'secondary', 'primary', 'major'] as const;
export const roadClass = z.enum(ROAD_CLASSES);
export type RoadClass = z.infer<typeof roadClass>;

/**
 * The drivable roads of a space's newest built road network as GeoJSON (RFC 7946): one
 * MultiLineString per display class present, simplified for drawing. Empty when the space has no
 * built network (or one imported before roads were kept).
 */
export const roadCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ class: roadClass }),
      geometry: z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(z.array(z.number()))) }),
    }),
  ),
});
export type RoadCollection = z.infer<typeof roadCollection>;

// --- analyses
export const classCount = z.object({ label: z.string(), fromMin: z.number(), toMin: z.number().nullable(), population: z.number(), origins: z.number() });
export const typeAggregate = z.object({
  population: z.number(),
  origins: z.number(),
  classes: z.array(classCount),
  unreachable: z.object({ population: z.number(), origins: z.number() }),
  noRoad: z.object({ population: z.number(), origins: z.number() }),
  meanMin: z.number().nullable(),
  medianMin: z.number().nullable(),
  vulnerable: z.object({ thresholdMin: z.number(), population: z.number(), origins: z.number() }),
});
export type TypeAggregate = z.infer<typeof typeAggregate>;
/** Per service type: the population per travel-time class (and unreachable, mean, median, vulnerable). */
export const analysisSummary = z.record(z.string(), typeAggregate);
export type AnalysisSummary = z.infer<typeof analysisSummary>;
/** The rest of an analysis's outcome: totals, per municipality, the network used, timings. */
export const analysisDetails = z.object({
  mode: z.enum(['road', 'straight_line']),
  population: z.number(),
  origins: z.number(),
  points: z.record(z.string(), z.number()),
  pointsWithoutRoad: z.array(z.object({ id: z.string(), type: z.string() })),
  byMunicipality: z.record(z.string(), z.record(z.string(), typeAggregate)),
  network: z.object({ nodes: z.number(), edges: z.number(), droppedNodes: z.number() }).nullable(),
  timingsMs: z.record(z.string(), z.number()),
});
export type AnalysisDetails = z.infer<typeof analysisDetails>;

export const analysisInput = z.object({
  name: line().min(1).max(200).optional(),
  populationId: z.uuid(),
  /** Omitted: the space's newest road network, or the straight-line fallback when it has none. */
  networkId: z.uuid().nullable().optional(),
  /** The service points as they stood at this moment (default: now). */
  pointsAsOf: z.iso.datetime({ offset: true }).optional(),
  types: z.array(analysisServiceType).min(1).max(5).optional(),
  thresholdsMin: z.array(z.number().int().min(1).max(600)).min(1).max(6).optional(),
  vulnerableMin: z.number().int().min(1).max(600).optional(),
});

/** What the caller may do with an analysis (its `allowedActions`). */
export const analysisAction = z.enum(['view', 'cancel', 'try_scenario', 'save_scenario']);
export type AnalysisAction = z.infer<typeof analysisAction>;

export const analysis = z.object({
  id: z.string(),
  spaceId: z.string(),
  name: z.string(),
  status: jobStatus,
  progress: z.object({ stage: z.string().nullable(), percent: z.number() }),
  error: z.string().nullable(),
  summary: analysisSummary.nullable(),
  details: analysisDetails.nullable(),
  /** What it was made from, so every figure can be traced and reproduced. */
  inputs: z.object({
    pointsAsOf: z.string(),
    pointCount: z.number(),
    population: z.object({ id: z.string(), name: z.string(), kind: populationKind, year: z.number().nullable() }),
    network: z.object({ id: z.string(), name: z.string(), fileName: z.string() }).nullable(),
    mode: z.enum(['road', 'straight_line']),
    types: z.array(analysisServiceType),
    thresholdsMin: z.array(z.number()),
    vulnerableMin: z.number(),
    profile: z.record(z.string(), z.unknown()),
  }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  allowedActions: z.array(analysisAction),
});
export type Analysis = z.infer<typeof analysis>;

export const analysisListItem = analysis.omit({ summary: true, details: true });
export type AnalysisListItem = z.infer<typeof analysisListItem>;

/** Per origin, for the map and the village table: minutes to the nearest and second-nearest of each type. */
export const analysisOrigins = z.object({
  types: z.array(analysisServiceType),
  origins: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      lon: z.number(),
      lat: z.number(),
      population: z.number(),
      municipalityCode: z.string().nullable(),
      /** Per type (in `types` order): [nearest id, seconds, second-nearest id, seconds]; null when none. */
      times: z.array(z.tuple([z.string().nullable(), z.number().nullable(), z.string().nullable(), z.number().nullable()])),
    }),
  ),
  points: z.array(z.object({ id: z.string(), type: analysisServiceType, lon: z.number(), lat: z.number(), name: z.string().nullable() })),
});
export type AnalysisOrigins = z.infer<typeof analysisOrigins>;

// --- scenarios
export const scenarioInput = z.object({
  close: z.array(z.string().min(1).max(200)).max(1000).default([]),
  open: z
    .array(z.object({ id: z.string().min(1).max(200), type: analysisServiceType, lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90), name: z.string().max(200).optional() }))
    .max(1000)
    .default([]),
  move: z.array(z.object({ id: z.string().min(1).max(200), lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) })).max(1000).default([]),
  /** Given: the scenario is saved under this name and gets an id others can refer to. */
  name: line().min(1).max(200).optional(),
});
export type ScenarioInput = z.input<typeof scenarioInput>;

const endpoint = z.object({ nearestId: z.string().nullable(), seconds: z.number().nullable() });
export const scenarioSummary = z.object({
  before: z.record(z.string(), typeAggregate),
  after: z.record(z.string(), typeAggregate),
  /** after − before, per type and class: people moving between classes. */
  change: z.record(z.string(), z.object({ classes: z.array(z.object({ label: z.string(), population: z.number() })), vulnerable: z.number(), unreachable: z.number() })),
  changedOrigins: z.number(),
  ms: z.number(),
});
export const scenarioResult = z.object({
  id: z.string().nullable(),
  changed: z.array(z.object({ originId: z.string(), type: analysisServiceType, before: endpoint, after: endpoint })),
  summary: scenarioSummary,
});
export type ScenarioResult = z.infer<typeof scenarioResult>;

/** What the caller may do with a saved scenario (its `allowedActions`). */
export const savedScenarioAction = z.enum(['view']);
export type SavedScenarioAction = z.infer<typeof savedScenarioAction>;

export const savedScenario = z.object({
  id: z.string(),
  analysisId: z.string(),
  spaceId: z.string(),
  name: z.string(),
  input: z.object({ close: z.array(z.string()), open: z.array(z.object({ id: z.string(), type: analysisServiceType, lon: z.number(), lat: z.number(), name: z.string().optional() })), move: z.array(z.object({ id: z.string(), lon: z.number(), lat: z.number() })) }),
  summary: scenarioSummary,
  changedCount: z.number(),
  createdAt: z.string(),
  allowedActions: z.array(savedScenarioAction),
});
export type SavedScenario = z.infer<typeof savedScenario>;
