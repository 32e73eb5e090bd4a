import { randomUUID } from 'node:crypto';
import {
  ENGINE_TYPE_OF_KIND,
  SERVICE_KINDS,
  engineTypesOfKinds,
  type ServicePoint,
  type servicePointInput,
  type servicePointPatch,
  type servicePointsQuery,
} from '@samhandling/contracts';
import type { ServiceType } from '@samhandling/engine';
import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import type { Database, ServicePointsTable } from '../../../db/schema.ts';
import { ValidationError } from '../../../http/validate.ts';
import type { Actor, RequestContext } from '../../../platform/actor.ts';
import { actorId } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { MessageKey } from '../../../platform/messages.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { municipalitiesOfPoints } from './municipality-of-point.ts';
import { canonicalOpeningHours, openingHoursProblem } from './opening-hours.ts';
import { servicePointsToCsv, servicePointsToEngineCsv, servicePointsToGeoJson } from './service-point-export.ts';
import { canEditServicePoints, canSeeWhoChanged, canViewServicePoints, servicePointActions, servicePointCollectionActions } from './service-point.policy.ts';
import { pointFieldsOf, presentChange, presentServicePoint, type PointFields } from './service-point.presenter.ts';
import {
  countServicePoints,
  externalIdTaken,
  findServicePoint,
  recordPointChange,
  insertServicePoint,
  insertServicePoints,
  recordPointChanges,
  listAnalysisRows,
  listChanges,
  listServicePoints,
  lockServicePoint,
  municipalityExists,
  organisationExists,
  updateServicePoint,
  type ServicePointRow,
} from './service-point.repository.ts';

type Patch = z.output<typeof servicePointPatch>;
type Input = z.output<typeof servicePointInput>;
export type ChangeKind = 'created' | 'updated' | 'imported' | 'suggestion_accepted';

/** The point and the caller's access to its space; 404 when the caller may not see it. */
export async function loadServicePoint(deps: Deps, actor: Actor, id: string, db: Kysely<Database> = deps.db) {
  const row = await findServicePoint(db, id);
  if (!row) throw notFound();
  const { access, row: space } = await loadSpaceAccess(deps, actor, row.space_id, db).catch(() => {
    throw notFound();
  });
  if (!canViewServicePoints(actor, access)) throw notFound();
  return { row, access, space };
}

export async function getServicePoints(deps: Deps, ctx: RequestContext, spaceId: string, query: z.output<typeof servicePointsQuery>) {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canViewServicePoints(ctx.actor, access)) throw notFound();
  const kinds = query.kind ? [query.kind] : query.type ? kindsOfType(query.type) : undefined;
  const filter = { q: query.q, kinds, status: query.status, municipality: query.municipality };
  const [rows, total] = await Promise.all([
    listServicePoints(deps.db, spaceId, filter, { limit: query.limit, offset: query.offset }),
    countServicePoints(deps.db, spaceId, filter),
  ]);
  const actions = servicePointActions(ctx.actor, access);
  const now = deps.clock.now();
  return {
    total,
    items: rows.map((row) => presentServicePoint(row, actions, now, false)),
    allowedActions: servicePointCollectionActions(ctx.actor, access),
  };
}

function kindsOfType(type: ServiceType): string[] {
  return SERVICE_KINDS.filter((kind) => ENGINE_TYPE_OF_KIND[kind] === type);
}

export async function getServicePoint(deps: Deps, ctx: RequestContext, id: string): Promise<ServicePoint> {
  const { row, access } = await loadServicePoint(deps, ctx.actor, id);
  return presentServicePoint(row, servicePointActions(ctx.actor, access), deps.clock.now(), true);
}

export async function getServicePointHistory(deps: Deps, ctx: RequestContext, id: string) {
  const { access } = await loadServicePoint(deps, ctx.actor, id);
  const rows = await listChanges(deps.db, id);
  const showWho = canSeeWhoChanged(ctx.actor, access);
  return rows.map((row) => presentChange(row, showWho));
}

/**
 * What the accessibility analyses use: the space's points open at `asOf` (default now) that
 * count for at least one engine type, with the external id given at import.
 */
export async function listServicePointsForAnalysis(
  db: Kysely<Database>,
  spaceId: string,
  asOf: Date = new Date(),
): Promise<{ id: string; externalId: string; name: string; lon: number; lat: number; types: ServiceType[] }[]> {
  const rows = await listAnalysisRows(db, spaceId, asOf.toISOString().slice(0, 10));
  return rows
    .map((row) => ({ id: row.id, externalId: row.external_id, name: row.name, lon: row.lon, lat: row.lat, types: engineTypesOfKinds(row.kinds) satisfies ServiceType[] }))
    .filter((p) => p.types.length > 0);
}

/**
 * Business rules beyond the shape: the opening hours must read as OSM syntax, the operator must
 * be in the registry, the municipality must exist, and a closed point needs its closing date.
 * Every problem is reported at once, per field.
 */
export async function assertPointRules(db: Kysely<Database>, after: PointFields, changed: Set<string>): Promise<void> {
  const problems: Record<string, { key: MessageKey; params: Record<string, string | number> }> = {};
  if (changed.has('openingHours') && after.openingHours) {
    const problem = openingHoursProblem(after.openingHours);
    if (problem) problems.openingHours = { key: 'servicePoints.opening_hours_invalid', params: { detail: problem } };
  }
  if (changed.has('operatorOrganisationId') && after.operatorOrganisationId && !(await organisationExists(db, after.operatorOrganisationId))) {
    problems.operatorOrganisationId = { key: 'servicePoints.operator_unknown', params: {} };
  }
  if ((changed.has('status') || changed.has('statusDate')) && after.status === 'closed' && !after.statusDate) {
    problems.statusDate = { key: 'servicePoints.closed_needs_date', params: {} };
  }
  // Inside the caller's transaction (one connection on PGlite): no query through deps.db here.
  if (changed.has('municipalityCode') && after.municipalityCode && !(await municipalityExists(db, after.municipalityCode))) {
    problems.municipalityCode = { key: 'validation.municipality_unknown', params: {} };
  }
  if (Object.keys(problems).length) throw new ValidationError(problems);
}

/** API field names → columns. */
export function columnsOf(fields: Partial<PointFields>): Updateable<ServicePointsTable> {
  const out: Updateable<ServicePointsTable> = {};
  if (fields.name !== undefined) out.name = fields.name;
  if (fields.lon !== undefined) out.lon = fields.lon;
  if (fields.lat !== undefined) out.lat = fields.lat;
  if (fields.address !== undefined) out.address = fields.address;
  if (fields.municipalityCode !== undefined) out.municipality_code = fields.municipalityCode;
  if (fields.kinds !== undefined) out.kinds = fields.kinds;
  if (fields.operatorOrganisationId !== undefined) out.operator_organisation_id = fields.operatorOrganisationId;
  if (fields.staffed !== undefined) out.staffed = fields.staffed;
  if (fields.openingHours !== undefined) out.opening_hours = fields.openingHours;
  if (fields.seasonal !== undefined) out.seasonal = fields.seasonal;
  if (fields.seasonNote !== undefined) out.season_note = fields.seasonNote;
  if (fields.status !== undefined) out.status = fields.status;
  if (fields.statusDate !== undefined) out.status_date = fields.statusDate;
  if (fields.openedOn !== undefined) out.opened_on = fields.openedOn;
  if (fields.supports !== undefined) out.supports = JSON.stringify(fields.supports);
  if (fields.sources !== undefined) out.sources = JSON.stringify(fields.sources);
  if (fields.notes !== undefined) out.notes = fields.notes;
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields a patch really changes, with their values before and after. */
export function diffOf(before: PointFields, patch: Patch): Record<string, { from: unknown; to: unknown }> {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  const normalised = patch.openingHours && !openingHoursProblem(patch.openingHours) ? { ...patch, openingHours: canonicalOpeningHours(patch.openingHours) } : patch;
  for (const [key, value] of Object.entries(normalised)) {
    if (value === undefined) continue;
    const from = before[key as keyof PointFields];
    // Sources merge: a patch names the attributes whose source it gives.
    const to = key === 'sources' ? { ...before.sources, ...(value as Record<string, string>) } : value;
    if (!same(from, to)) diff[key] = { from, to };
  }
  return diff;
}

/**
 * Applies a patch to a locked point inside the caller's transaction and records it in the
 * history (and the audit log). Returns the changes; an empty patch records nothing.
 */
export async function applyPointPatch(
  deps: Deps,
  trx: Kysely<Database>,
  ctx: { actor: Actor; requestId: string | null },
  pointId: string,
  patch: Patch,
  kind: ChangeKind,
  extra: { suggestionId?: string; note?: string; audit?: boolean } = {},
): Promise<Record<string, { from: unknown; to: unknown }>> {
  await lockServicePoint(trx, pointId);
  const row = await findServicePoint(trx, pointId);
  if (!row) throw notFound();
  const before = pointFieldsOf(row);
  const diff = diffOf(before, patch);
  const after = { ...before, ...Object.fromEntries(Object.entries(diff).map(([k, v]) => [k, v.to])) } as PointFields;
  await assertPointRules(trx, after, new Set(Object.keys(diff)));
  if (Object.keys(diff).length === 0 && kind !== 'suggestion_accepted') return diff;
  const now = deps.clock.now();
  if (Object.keys(diff).length) {
    await updateServicePoint(trx, pointId, { ...columnsOf(Object.fromEntries(Object.entries(diff).map(([k, v]) => [k, v.to]))), updated_at: now });
  }
  await recordPointChange(trx, {
    point_id: pointId,
    at: now,
    actor_id: actorId(ctx.actor),
    kind,
    changes: JSON.stringify(diff),
    suggestion_id: extra.suggestionId ?? null,
    note: extra.note ?? '',
  });
  if (extra.audit !== false) await recordAudit(trx, deps.clock, ctx, {
    action: `service_point.${kind === 'suggestion_accepted' ? 'accept_suggestion' : kind === 'imported' ? 'import_update' : 'update'}`,
    resourceType: 'service_point',
    resourceId: pointId,
    details: { fields: Object.keys(diff) },
  });
  return diff;
}

export function newExternalId(): string {
  return `sp-${randomUUID().slice(0, 8)}`;
}

/** Inserts a point with its first history entry (created or imported) inside the caller's transaction. */
export async function insertPointWithHistory(
  deps: Deps,
  trx: Kysely<Database>,
  ctx: { actor: Actor; requestId: string | null },
  spaceId: string,
  input: Input & { externalId: string },
  kind: 'created' | 'imported',
  options: { audit?: boolean } = {},
): Promise<string> {
  const now = deps.clock.now();
  const fields: PointFields = {
    name: input.name,
    lon: input.lon,
    lat: input.lat,
    address: input.address,
    municipalityCode: input.municipalityCode ?? null,
    kinds: input.kinds,
    operatorOrganisationId: input.operatorOrganisationId ?? null,
    staffed: input.staffed ?? null,
    openingHours: input.openingHours ? canonicalOpeningHours(input.openingHours) : null,
    seasonal: input.seasonal,
    seasonNote: input.seasonNote,
    status: input.status,
    statusDate: input.statusDate ?? null,
    openedOn: input.openedOn ?? null,
    supports: input.supports,
    sources: input.sources,
    notes: input.notes,
  };
  await assertPointRules(trx, fields, new Set(Object.keys(fields)));
  const { id } = await insertServicePoint(trx, {
    space_id: spaceId,
    external_id: input.externalId,
    name: fields.name,
    lon: fields.lon,
    lat: fields.lat,
    ...columnsOf(fields),
    created_by: actorId(ctx.actor),
    updated_at: now,
  } as Parameters<typeof insertServicePoint>[1]);
  const initial = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)).map(([k, v]) => [k, { from: null, to: v }]));
  await recordPointChange(trx, { point_id: id, at: now, actor_id: actorId(ctx.actor), kind, changes: JSON.stringify(initial), suggestion_id: null });
  if (options.audit !== false) await recordAudit(trx, deps.clock, ctx, { action: `service_point.${kind === 'created' ? 'create' : 'import_create'}`, resourceType: 'service_point', resourceId: id, details: { spaceId, kinds: fields.kinds } });
  return id;
}

/**
 * Many new points at once (imports) inside the caller's transaction, in batches: the rows are
 * already checked (opening hours read, municipality from the boundaries, no operator), so only
 * the database's own constraints remain. Each point gets its `imported` history entry.
 */
export async function insertImportedPoints(
  deps: Deps,
  trx: Kysely<Database>,
  ctx: { actor: Actor; requestId: string | null },
  spaceId: string,
  points: { externalId: string; name: string; lon: number; lat: number; address: string; municipalityCode: string | null; kinds: string[]; openingHours: string | null; sources: Record<string, string> }[],
): Promise<number> {
  const now = deps.clock.now();
  const actor = actorId(ctx.actor);
  for (let i = 0; i < points.length; i += 500) {
    const batch = points.slice(i, i + 500);
    const rows = await insertServicePoints(
      trx,
      batch.map((p) => ({
        space_id: spaceId,
        external_id: p.externalId,
        name: p.name,
        lon: p.lon,
        lat: p.lat,
        address: p.address,
        municipality_code: p.municipalityCode,
        kinds: p.kinds,
        opening_hours: p.openingHours ? canonicalOpeningHours(p.openingHours) : null,
        sources: JSON.stringify(p.sources),
        created_by: actor,
        updated_at: now,
      })),
    );
    const byExternal = new Map(batch.map((p) => [p.externalId, p]));
    await recordPointChanges(
      trx,
      rows.map((row) => {
        const p = byExternal.get(row.external_id)!;
        const initial: Record<string, { from: null; to: unknown }> = { name: { from: null, to: p.name }, lon: { from: null, to: p.lon }, lat: { from: null, to: p.lat }, kinds: { from: null, to: p.kinds } };
        if (p.address) initial.address = { from: null, to: p.address };
        if (p.municipalityCode) initial.municipalityCode = { from: null, to: p.municipalityCode };
        if (p.openingHours) initial.openingHours = { from: null, to: p.openingHours };
        return { point_id: row.id, at: now, actor_id: actor, kind: 'imported' as const, changes: JSON.stringify(initial), suggestion_id: null };
      }),
    );
  }
  return points.length;
}

export async function createServicePoint(deps: Deps, ctx: RequestContext, spaceId: string, input: Input): Promise<ServicePoint> {
  const { access, row: space } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canEditServicePoints(ctx.actor, access)) throw forbidden();
  const externalId = input.externalId ?? newExternalId();
  // Not given: the space's municipality the point lies in, by the boundaries.
  const municipalityCode = input.municipalityCode !== undefined ? input.municipalityCode : (await municipalitiesOfPoints(deps, space.municipality_codes, [input]))[0];
  if (await externalIdTaken(deps.db, spaceId, externalId)) {
    throw new AppError('conflict', 'servicePoints.external_id_taken', { externalId: 'servicePoints.external_id_taken' });
  }
  const id = await deps.db.transaction().execute((trx) => insertPointWithHistory(deps, trx, ctx, spaceId, { ...input, externalId, municipalityCode }, 'created'));
  return getServicePoint(deps, ctx, id);
}

export async function patchServicePoint(deps: Deps, ctx: RequestContext, id: string, patch: Patch): Promise<ServicePoint> {
  const { access } = await loadServicePoint(deps, ctx.actor, id);
  if (!canEditServicePoints(ctx.actor, access)) throw forbidden();
  await deps.db.transaction().execute((trx) => applyPointPatch(deps, trx, ctx, id, patch, 'updated'));
  return getServicePoint(deps, ctx, id);
}

export type { ServicePointRow };

/** All points of a space for an export (whoever may see the space may export it). */
export async function exportServicePoints(deps: Deps, ctx: RequestContext, spaceId: string, format: 'csv' | 'geojson' | 'engine-csv') {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canViewServicePoints(ctx.actor, access)) throw notFound();
  if (format === 'engine-csv') return { type: 'text/csv; charset=utf-8', extension: 'csv', body: servicePointsToEngineCsv(await listServicePointsForAnalysis(deps.db, spaceId, deps.clock.now())) };
  const rows = await listServicePoints(deps.db, spaceId, {}, { limit: 100_000, offset: 0 });
  const now = deps.clock.now();
  const points = rows.map((row) => presentServicePoint(row, [], now, false));
  if (format === 'geojson') return { type: 'application/geo+json; charset=utf-8', extension: 'geojson', body: JSON.stringify(servicePointsToGeoJson(points)) };
  return { type: 'text/csv; charset=utf-8', extension: 'csv', body: '\uFEFF' + servicePointsToCsv(points) };
}
