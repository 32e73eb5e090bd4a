import { gunzipSync, inflateSync } from 'node:zlib';
import {
  ENGINE_SERVICE_TYPES,
  KIND_OF_ENGINE_TYPE,
  SERVICE_KINDS,
  engineTypesOfKinds,
  type EngineServiceType,
  type ServiceKind,
  type ServicePointImportResult,
} from '@samhandling/contracts';
import { haversine, OsmServiceCollector, parseOsmXml, parsePbf } from '@samhandling/engine';
import { ValidationError } from '../../../http/validate.ts';
import type { Upload } from '../../../http/upload.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { missingColumns, parseCsvNumber, readCsv } from '../../../platform/csv.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, invalid } from '../../../platform/errors.ts';
import { translate } from '../../../platform/messages.ts';
import { areSimilarNames } from '../../actors/organisation/organisation-names.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { openingHoursProblem } from '../service-point/opening-hours.ts';
import { canEditServicePoints } from '../service-point/service-point.policy.ts';
import { municipalitiesOfPoints } from '../service-point/municipality-of-point.ts';
import { listPointKeys } from '../service-point/service-point.repository.ts';
import { applyPointPatch, insertImportedPoints } from '../service-point/service-point.service.ts';

const MAX_ROWS = 50_000;

/** One point read from a file, before matching. */
export interface ImportedPoint {
  line: number | null;
  externalId: string;
  name: string;
  lon: number;
  lat: number;
  kinds: ServiceKind[];
  address: string;
  openingHours: string | null;
  source: string;
}

const ALIASES: Record<string, string> = { namn: 'name', typ: 'type', tjänster: 'kinds', adress: 'address', öppettider: 'opening_hours', longitud: 'lon', latitud: 'lat', lng: 'lon' };

const isPbf = (bytes: Uint8Array) => bytes.length > 16 && Buffer.from(bytes.subarray(4, 32)).toString('latin1').includes('OSMHeader');
const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;
const isOsmXml = (text: string) => /^\s*(<\?xml[^>]*>\s*)?<osm[\s>]/.test(text.slice(0, 500));

/** Reads the features of an OSM file (PBF, or XML) through the engine's service kinds mapping. */
export function readOsmServicePoints(bytes: Uint8Array, source: string): ImportedPoint[] {
  const collector = new OsmServiceCollector();
  if (isPbf(bytes)) parsePbf(bytes, (data) => inflateSync(data), collector);
  else parseOsmXml(new TextDecoder('utf-8').decode(bytes), collector);
  return collector.finish().map((f) => {
    const hours = f.tags.opening_hours ?? null;
    const street = [f.tags['addr:street'], f.tags['addr:housenumber']].filter(Boolean).join(' ');
    const place = [f.tags['addr:postcode'], f.tags['addr:city']].filter(Boolean).join(' ');
    return {
      line: null,
      externalId: f.id,
      name: f.name ?? f.tags.brand ?? f.id,
      lon: f.lon,
      lat: f.lat,
      kinds: f.kinds as ServiceKind[],
      address: [street, place].filter(Boolean).join(', '),
      // Hours that do not read are left out rather than stored broken.
      openingHours: hours && !openingHoursProblem(hours) ? hours : null,
      source,
    };
  });
}

/** CSV `id,type,lon,lat,name` (the engine's points file) plus optional `kinds`, `address`, `opening_hours`. */
export function readCsvServicePoints(text: string, source: string, t: (key: string, params?: Record<string, string | number>) => string) {
  const records = readCsv(text, ALIASES, MAX_ROWS);
  const missing = missingColumns(records, ['id', 'lon', 'lat']).concat('type' in records[0]! || 'kinds' in records[0]! ? [] : ['type']);
  if (missing.length) throw new ValidationError({ file: { key: 'servicePoints.csv_columns', params: { columns: missing.join(', ') } } });
  const points = new Map<string, ImportedPoint>();
  const errors: { line: number; message: string }[] = [];
  records.forEach((record, index) => {
    const line = index + 2;
    const problems: string[] = [];
    const externalId = (record.id ?? '').trim();
    if (!externalId) problems.push(t('servicePoints.id_missing'));
    else if (!/^[\p{L}\p{N}._:\-/]+$/u.test(externalId) || externalId.length > 100) problems.push(t('servicePoints.external_id_format'));
    const words = (record.kinds || record.type || '').split(/[|+]/).map((w) => w.trim().toLowerCase()).filter(Boolean);
    const kinds: ServiceKind[] = [];
    for (const word of words) {
      const kind = (SERVICE_KINDS as readonly string[]).includes(word) ? (word as ServiceKind) : (ENGINE_SERVICE_TYPES as readonly string[]).includes(word) ? KIND_OF_ENGINE_TYPE[word as EngineServiceType] : null;
      if (!kind) problems.push(t('servicePoints.unknown_type', { type: word, values: [...ENGINE_SERVICE_TYPES, ...SERVICE_KINDS].join(', ') }));
      else if (!kinds.includes(kind)) kinds.push(kind);
    }
    if (words.length === 0) problems.push(t('servicePoints.unknown_type', { type: '', values: ENGINE_SERVICE_TYPES.join(', ') }));
    const lon = parseCsvNumber(record.lon);
    const lat = parseCsvNumber(record.lat);
    if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      problems.push(t('servicePoints.bad_coordinate', { lon: record.lon ?? '', lat: record.lat ?? '' }));
    }
    const hours = (record.opening_hours ?? '').trim() || null;
    if (hours) {
      const problem = openingHoursProblem(hours);
      if (problem) problems.push(t('servicePoints.opening_hours_invalid', { detail: problem }));
    }
    const name = (record.name ?? '').trim() || externalId;
    if (name.length > 200) problems.push(`name: ${t('validation.too_long', { maximum: 200 })}`);
    if (problems.length) {
      errors.push({ line, message: problems.join(' ') });
      return;
    }
    const earlier = points.get(externalId);
    if (earlier) {
      // The engine's file has one row per type: the same id at the same place adds its types.
      if (haversine(earlier.lon, earlier.lat, lon!, lat!) > 1) {
        errors.push({ line, message: t('servicePoints.duplicate_id', { id: externalId, line: earlier.line ?? 0 }) });
        return;
      }
      for (const kind of kinds) if (!earlier.kinds.includes(kind)) earlier.kinds.push(kind);
      return;
    }
    points.set(externalId, { line, externalId, name, lon: lon!, lat: lat!, kinds, address: (record.address ?? '').trim().slice(0, 300), openingHours: hours, source });
  });
  return { points: [...points.values()], errors };
}

interface Existing {
  id: string;
  external_id: string;
  name: string;
  lon: number;
  lat: number;
  kinds: string[];
}

/**
 * The existing point an imported one is: the same external id, or else the nearest point within
 * `matchMeters` whose name is similar (an OSM shop already entered by hand under its own id).
 */
export function matchPoint(point: ImportedPoint, existing: Existing[], byExternalId: Map<string, Existing>, taken: Set<string>, matchMeters: number) {
  const same = byExternalId.get(point.externalId);
  if (same) return { point: same, match: 'external_id' as const, distance: haversine(point.lon, point.lat, same.lon, same.lat) };
  let best: { point: Existing; distance: number } | null = null;
  const dLat = matchMeters / 111_000;
  for (const candidate of existing) {
    if (taken.has(candidate.id) || Math.abs(candidate.lat - point.lat) > dLat) continue;
    const distance = haversine(point.lon, point.lat, candidate.lon, candidate.lat);
    if (distance > matchMeters || (best && best.distance <= distance)) continue;
    if (!areSimilarNames(candidate.name, point.name) && !namesOverlap(candidate.name, point.name)) continue;
    best = { point: candidate, distance };
  }
  return best ? { point: best.point, match: 'distance_and_name' as const, distance: best.distance } : null;
}

/** "ICA Nära Särna" and "ICA Nära": one name holds the other's words. */
function namesOverlap(a: string, b: string): boolean {
  const words = (s: string) => new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
  const [x, y] = [words(a), words(b)];
  if (!x.size || !y.size) return false;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  return [...small].every((w) => large.has(w));
}

/**
 * Imports service points into a space from CSV or OSM (PBF or XML). Every point is matched
 * against the space's points; a match gains the kinds (and opening hours) it lacked and keeps its
 * own name, place and id. The preview (dry run) shows what would happen; a CSV with any bad row
 * changes nothing.
 */
export async function importServicePoints(deps: Deps, ctx: RequestContext, spaceId: string, file: Upload, options: { dryRun: boolean; matchMeters: number }): Promise<ServicePointImportResult> {
  const { access, row: space } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canEditServicePoints(ctx.actor, access)) throw forbidden();
  const t = (key: string, params?: Record<string, string | number>) => translate(ctx.language, key, params);
  const today = deps.clock.now().toISOString().slice(0, 10);
  let bytes: Uint8Array = file.bytes;
  try {
    if (isGzip(bytes)) bytes = gunzipSync(bytes);
  } catch {
    throw invalid({ file: 'servicePoints.file_unreadable' }, 'servicePoints.file_unreadable');
  }
  const text = isPbf(bytes) ? '' : new TextDecoder('utf-8').decode(bytes);
  const format: 'csv' | 'osm' = isPbf(bytes) || isOsmXml(text) ? 'osm' : 'csv';
  let points: ImportedPoint[];
  let errors: { line: number; message: string }[] = [];
  if (format === 'osm') {
    try {
      points = readOsmServicePoints(bytes, `OpenStreetMap (${t('servicePoints.import_source', { date: today })})`);
    } catch {
      throw invalid({ file: 'servicePoints.file_unreadable' }, 'servicePoints.file_unreadable');
    }
  } else {
    if (text.includes('\u0000')) throw invalid({ file: 'servicePoints.file_unreadable' }, 'servicePoints.file_unreadable');
    ({ points, errors } = readCsvServicePoints(text, `${file.filename || 'CSV'} (${t('servicePoints.import_source', { date: today })})`, t));
  }

  const existing = await listPointKeys(deps.db, spaceId);
  const byExternalId = new Map(existing.map((p) => [p.external_id, p]));
  const taken = new Set<string>();
  const plan = points.map((point) => {
    const found = matchPoint(point, existing, byExternalId, taken, options.matchMeters);
    if (found) taken.add(found.point.id);
    const addedKinds = found ? point.kinds.filter((k) => !found.point.kinds.includes(k)) : point.kinds;
    return { point, found, addedKinds };
  });
  const byType: Record<string, number> = Object.fromEntries(ENGINE_SERVICE_TYPES.map((type) => [type, 0]));
  for (const { point } of plan) for (const type of engineTypesOfKinds(point.kinds)) byType[type]! += 1;

  const rows = plan.map(({ point, found, addedKinds }) => ({
    line: point.line,
    externalId: point.externalId,
    name: point.name,
    kinds: point.kinds,
    action: !found ? ('create' as const) : addedKinds.length ? ('update' as const) : ('unchanged' as const),
    matchedId: found?.point.id ?? null,
    matchedName: found?.point.name ?? null,
    match: found?.match ?? null,
    distanceMeters: found ? Math.round(found.distance) : null,
  }));
  const result: ServicePointImportResult = {
    dryRun: options.dryRun,
    format,
    created: rows.filter((r) => r.action === 'create').length,
    updated: 0,
    unchanged: rows.filter((r) => r.action === 'unchanged').length,
    byType,
    rows,
    errors,
  };
  if (options.dryRun || errors.length) {
    // A preview tells what would be updated; a file with bad rows changes nothing.
    return errors.length && !options.dryRun ? { ...result, created: 0, unchanged: 0, rows } : { ...result, updated: rows.filter((r) => r.action === 'update').length };
  }

  const fresh = plan.filter((p) => !p.found).map((p) => p.point);
  const municipalityOf = new Map((await municipalitiesOfPoints(deps, space.municipality_codes, fresh)).map((code, i) => [fresh[i]!, code]));
  let updated = 0;
  await deps.db.transaction().execute(async (trx) => {
    await insertImportedPoints(
      deps,
      trx,
      ctx,
      spaceId,
      fresh.map((point) => ({
        externalId: point.externalId,
        name: point.name,
        lon: point.lon,
        lat: point.lat,
        address: point.address,
        municipalityCode: municipalityOf.get(point) ?? null,
        kinds: point.kinds,
        openingHours: point.openingHours,
        sources: {
          name: point.source,
          location: point.source,
          kinds: point.source,
          ...(point.address ? { address: point.source } : {}),
          ...(point.openingHours ? { openingHours: point.source } : {}),
        },
      })),
    );
    for (const { point, found, addedKinds } of plan) {
      if (!found) continue;
      if (addedKinds.length) {
        const diff = await applyPointPatch(deps, trx, ctx, found.point.id, { kinds: [...(found.point.kinds as ServiceKind[]), ...addedKinds], sources: { kinds: point.source } }, 'imported', { audit: false, note: point.externalId });
        if (Object.keys(diff).length) updated++;
      }
    }
    await recordAudit(trx, deps.clock, ctx, {
      action: 'service_point.import',
      resourceType: 'space',
      resourceId: spaceId,
      details: { format, created: result.created, updated, points: points.length },
    });
  });
  return { ...result, updated, unchanged: rows.length - result.created - updated };
}
