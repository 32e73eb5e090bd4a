import { z } from 'zod';
import { municipalityCode, line } from './common.ts';

/** The accessibility engine's analysis types (`ServiceType` of @samhandling/engine). */
export const ENGINE_SERVICE_TYPES = ['groceries', 'fuel', 'pharmacy', 'post', 'payment'] as const;
export type EngineServiceType = (typeof ENGINE_SERVICE_TYPES)[number];

/**
 * What a service point offers: finer than the engine's types. A shop can be groceries with a
 * full or partial range, a post agent, a parcel pickup, a pharmacy agent and a cash point at once.
 */
export const serviceKind = z.enum([
  'groceries_full',
  'groceries_partial',
  'post_agent',
  'parcel_pickup',
  'parcel_locker',
  'pharmacy',
  'pharmacy_agent',
  'cash_withdrawal',
  'bill_payment',
  'day_takings_deposit',
  'fuel',
  'ev_charging',
  'library',
  'citizen_office',
  'healthcare',
  'other',
]);
export type ServiceKind = z.infer<typeof serviceKind>;
export const SERVICE_KINDS = serviceKind.options;

/** Which engine type each kind counts for in an analysis (null: shown and kept, not analysed). */
export const ENGINE_TYPE_OF_KIND: Record<ServiceKind, EngineServiceType | null> = {
  groceries_full: 'groceries',
  groceries_partial: 'groceries',
  post_agent: 'post',
  parcel_pickup: 'post',
  parcel_locker: 'post',
  pharmacy: 'pharmacy',
  pharmacy_agent: 'pharmacy',
  cash_withdrawal: 'payment',
  bill_payment: 'payment',
  day_takings_deposit: 'payment',
  fuel: 'fuel',
  ev_charging: null,
  library: null,
  citizen_office: null,
  healthcare: null,
  other: null,
};

/** The engine types a set of kinds counts for, each once, in the engine's order. */
export function engineTypesOfKinds(kinds: readonly string[]): EngineServiceType[] {
  const set = new Set(kinds.map((k) => ENGINE_TYPE_OF_KIND[k as ServiceKind]).filter((t): t is EngineServiceType => !!t));
  return ENGINE_SERVICE_TYPES.filter((t) => set.has(t));
}

/** A CSV `type` column may hold an engine type: the kind it stands for. */
export const KIND_OF_ENGINE_TYPE: Record<EngineServiceType, ServiceKind> = {
  groceries: 'groceries_full',
  fuel: 'fuel',
  pharmacy: 'pharmacy',
  post: 'post_agent',
  payment: 'cash_withdrawal',
};

export const servicePointStatus = z.enum(['open', 'at_risk', 'closed']);
export type ServicePointStatus = z.infer<typeof servicePointStatus>;

export const supportKind = z.enum(['investment_support', 'operating_support', 'home_delivery_support', 'municipal_support', 'other']);
export type SupportKind = z.infer<typeof supportKind>;

/** Attributes a source can be given for (where the fact comes from: "butiksägaren 2026-03", "OSM"). */
export const SOURCED_FIELDS = [
  'name',
  'location',
  'address',
  'kinds',
  'operatorOrganisationId',
  'staffed',
  'openingHours',
  'seasonal',
  'status',
  'supports',
] as const;
export type SourcedField = (typeof SOURCED_FIELDS)[number];

const isoDate = z.iso.date({ message: 'servicePoints.date' });
const text = (max: number) => z.string().trim().max(max);

export const publicSupport = z.strictObject({
  kind: supportKind,
  year: z.number().int().min(1990).max(2100),
  amountSek: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
  source: text(300).default(''),
});
export type PublicSupport = z.infer<typeof publicSupport>;

const externalId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{N}._:\-/]+$/u, { message: 'servicePoints.external_id_format' });

/** Fields a point is made of; shared by create, edit and suggestions. */
const pointFields = {
  name: line().min(1).max(200),
  lon: z.number().min(-180, { message: 'servicePoints.lon' }).max(180, { message: 'servicePoints.lon' }),
  lat: z.number().min(-90, { message: 'servicePoints.lat' }).max(90, { message: 'servicePoints.lat' }),
  address: text(300),
  municipalityCode: municipalityCode.nullable(),
  kinds: z.array(serviceKind).max(SERVICE_KINDS.length).refine((k) => new Set(k).size === k.length, { message: 'servicePoints.kinds_repeated' }),
  operatorOrganisationId: z.uuid().nullable(),
  staffed: z.boolean().nullable(),
  /** OSM `opening_hours` syntax, e.g. `Mo-Fr 08:00-20:00; Sa 10:00-16:00`; checked by the server. */
  openingHours: text(500).nullable(),
  seasonal: z.boolean(),
  seasonNote: text(300),
  status: servicePointStatus,
  /** For `closed`: the day it closed (or will close); for `at_risk`: since when. */
  statusDate: isoDate.nullable(),
  openedOn: isoDate.nullable(),
  supports: z.array(publicSupport).max(50),
  sources: z.partialRecord(z.enum(SOURCED_FIELDS), text(300)),
  notes: text(5000),
};

export const servicePointInput = z
  .strictObject({
    externalId: externalId.optional(),
    /** The engine's points-file shape: `id` for `externalId`, `type` (an engine type or a kind) for `kinds`. */
    id: externalId.optional(),
    type: z.union([z.enum(ENGINE_SERVICE_TYPES), serviceKind]).optional(),
    name: pointFields.name,
    lon: pointFields.lon,
    lat: pointFields.lat,
    address: pointFields.address.default(''),
    municipalityCode: pointFields.municipalityCode.optional(),
    kinds: pointFields.kinds.optional(),
    operatorOrganisationId: pointFields.operatorOrganisationId.optional(),
    staffed: pointFields.staffed.optional(),
    openingHours: pointFields.openingHours.optional(),
    seasonal: pointFields.seasonal.default(false),
    seasonNote: pointFields.seasonNote.default(''),
    status: pointFields.status.default('open'),
    statusDate: pointFields.statusDate.optional(),
    openedOn: pointFields.openedOn.optional(),
    supports: pointFields.supports.default([]),
    sources: pointFields.sources.default({}),
    notes: pointFields.notes.default(''),
  })
  .superRefine((input, ctx) => {
    if (!input.kinds?.length && !input.type) ctx.addIssue({ code: 'custom', path: ['kinds'], message: 'servicePoints.kinds_required' });
  })
  .transform(({ id, type, kinds, externalId: given, ...rest }) => {
    const kind: ServiceKind | undefined = type ? ((ENGINE_SERVICE_TYPES as readonly string[]).includes(type) ? KIND_OF_ENGINE_TYPE[type as EngineServiceType] : (type as ServiceKind)) : undefined;
    const all: ServiceKind[] = [...(kinds ?? [])];
    if (kind && !all.includes(kind)) all.push(kind);
    const externalIdValue = given ?? id;
    return { ...rest, ...(externalIdValue ? { externalId: externalIdValue } : {}), kinds: all };
  });
export type ServicePointInput = z.input<typeof servicePointInput>;

export const servicePointPatch = z.strictObject({
  name: pointFields.name.optional(),
  lon: pointFields.lon.optional(),
  lat: pointFields.lat.optional(),
  address: pointFields.address.optional(),
  municipalityCode: pointFields.municipalityCode.optional(),
  kinds: pointFields.kinds.min(1).optional(),
  operatorOrganisationId: pointFields.operatorOrganisationId.optional(),
  staffed: pointFields.staffed.optional(),
  openingHours: pointFields.openingHours.optional(),
  seasonal: pointFields.seasonal.optional(),
  seasonNote: pointFields.seasonNote.optional(),
  status: pointFields.status.optional(),
  statusDate: pointFields.statusDate.optional(),
  openedOn: pointFields.openedOn.optional(),
  supports: pointFields.supports.optional(),
  sources: pointFields.sources.optional(),
  notes: pointFields.notes.optional(),
});
export type ServicePointPatch = z.input<typeof servicePointPatch>;
export const SERVICE_POINT_FIELDS = Object.keys(servicePointPatch.shape) as (keyof ServicePointPatch)[];

/** The coming seven days of a point's opening hours, evaluated in Swedish local time. */
export const openingWeek = z.array(
  z.object({ date: z.string(), weekday: z.number().int().min(1).max(7), intervals: z.array(z.object({ from: z.string(), to: z.string() })), comment: z.string().nullable() }),
);

/** What the caller may do with a service point (its `allowedActions`). */
export const servicePointAction = z.enum(['view', 'update', 'suggest', 'decide_suggestions']);
export type ServicePointAction = z.infer<typeof servicePointAction>;

export const servicePoint = z.object({
  id: z.string(),
  spaceId: z.string(),
  externalId: z.string(),
  name: z.string(),
  lon: z.number(),
  lat: z.number(),
  address: z.string(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  kinds: z.array(serviceKind),
  engineTypes: z.array(z.enum(ENGINE_SERVICE_TYPES)),
  operatorOrganisationId: z.string().nullable(),
  operatorName: z.string().nullable(),
  staffed: z.boolean().nullable(),
  openingHours: z.string().nullable(),
  openingWeek: openingWeek.nullable(),
  openNow: z.boolean().nullable(),
  seasonal: z.boolean(),
  seasonNote: z.string(),
  status: servicePointStatus,
  statusDate: z.string().nullable(),
  openedOn: z.string().nullable(),
  supports: z.array(publicSupport),
  sources: z.record(z.string(), z.string()),
  notes: z.string(),
  pendingSuggestions: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(servicePointAction),
});
export type ServicePoint = z.infer<typeof servicePoint>;

export const servicePointsQuery = z.object({
  q: z.string().max(100).optional(),
  kind: serviceKind.optional(),
  type: z.enum(ENGINE_SERVICE_TYPES).optional(),
  status: servicePointStatus.optional(),
  municipality: municipalityCode.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});

/** What the caller may do with a service point collection (its `allowedActions`). */
export const servicePointCollectionAction = z.enum(['view', 'export', 'create', 'import', 'decide_suggestions']);
export type ServicePointCollectionAction = z.infer<typeof servicePointCollectionAction>;

export const servicePointPage = z.object({ total: z.number(), items: z.array(servicePoint), allowedActions: z.array(servicePointCollectionAction) });

export const servicePointChange = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(['created', 'updated', 'imported', 'suggested', 'suggestion_accepted', 'suggestion_rejected']),
  /** Shown to those who lead the space; others see who only as a role-less "someone". */
  actorName: z.string().nullable(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  suggestionId: z.string().nullable(),
  note: z.string(),
});
export type ServicePointChange = z.infer<typeof servicePointChange>;

export const suggestionInput = z.strictObject({
  changes: servicePointPatch.refine((p) => Object.keys(p).length > 0, { message: 'servicePoints.suggestion_empty' }),
  comment: text(2000).default(''),
});
export type SuggestionInput = z.input<typeof suggestionInput>;

export const suggestionDecision = z.strictObject({
  decision: z.enum(['accept', 'reject']),
  note: text(2000).default(''),
});

/** What the caller may do with a suggestion (its `allowedActions`). */
export const suggestionAction = z.enum(['accept', 'reject']);
export type SuggestionAction = z.infer<typeof suggestionAction>;

export const suggestion = z.object({
  id: z.string(),
  pointId: z.string(),
  pointName: z.string(),
  proposedAt: z.string(),
  /** The proposer's name is shown to those who decide and to the proposer. */
  proposedByName: z.string().nullable(),
  mine: z.boolean(),
  changes: z.record(z.string(), z.unknown()),
  comment: z.string(),
  status: z.enum(['pending', 'accepted', 'rejected']),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  allowedActions: z.array(suggestionAction),
});
export type Suggestion = z.infer<typeof suggestion>;

export const servicePointImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  /** Metres within which an imported point with a similar name is the same point. */
  matchMeters: z.coerce.number().min(0).max(2000).default(150),
});

export const servicePointImportRow = z.object({
  line: z.number().nullable(),
  externalId: z.string(),
  name: z.string(),
  kinds: z.array(serviceKind),
  action: z.enum(['create', 'update', 'unchanged']),
  /** The existing point it was matched with, and why. */
  matchedId: z.string().nullable(),
  matchedName: z.string().nullable(),
  match: z.enum(['external_id', 'distance_and_name']).nullable(),
  distanceMeters: z.number().nullable(),
});

export const servicePointImportResult = z.object({
  dryRun: z.boolean(),
  format: z.enum(['csv', 'osm']),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** Per engine type, how many points of the file count for it. */
  byType: z.record(z.string(), z.number()),
  rows: z.array(servicePointImportRow),
  errors: z.array(z.object({ line: z.number(), message: z.string() })),
});
export type ServicePointImportResult = z.infer<typeof servicePointImportResult>;

export const servicePointExportQuery = z.object({ format: z.enum(['csv', 'geojson', 'engine-csv']).default('csv') });
