import { localityInput, type Locality, type LocalityImportResult } from '@samhandling/contracts';
import type { z } from 'zod';
import { parseInput, ValidationError } from '../../../http/validate.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { missingColumns, parseCsvNumber, readCsv } from '../../../platform/csv.ts';
import type { Deps } from '../../../platform/deps.ts';
import { conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { translate } from '../../../platform/messages.ts';
import { bySwedishName } from '../../../platform/sort.ts';
import { assertMunicipalitiesExist, knownMunicipalityCodes } from '../municipality/municipality.service.ts';
import { canManageLocalities } from './locality.policy.ts';
import { presentLocality } from './locality.presenter.ts';
import {
  deleteLocality,
  findLocality,
  findLocalityByName,
  insertLocality,
  listLocalities,
  updateLocality,
} from './locality.repository.ts';

const MAX_IMPORT_ROWS = 20_000;

export async function getLocalities(deps: Deps, ctx: RequestContext, filter: { municipality?: string | undefined; q?: string | undefined }) {
  const rows = await listLocalities(deps.db, { municipalityCode: filter.municipality, q: filter.q });
  return rows.map((row) => presentLocality(row, ctx.actor)).sort(bySwedishName);
}

export async function getLocality(deps: Deps, ctx: RequestContext, id: string): Promise<Locality> {
  const row = await findLocality(deps.db, id);
  if (!row) throw notFound();
  return presentLocality(row, ctx.actor);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

export async function createLocality(deps: Deps, ctx: RequestContext, input: z.output<typeof localityInput>): Promise<Locality> {
  if (!canManageLocalities(ctx.actor)) throw forbidden();
  await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
  const id = await deps.db.transaction().execute(async (trx) => {
    if (await findLocalityByName(trx, input.municipalityCode, input.name)) throw conflict('errors.conflict', { name: 'errors.conflict' });
    const { id } = await insertLocality(trx, { ...input, population: input.population ?? null, now: deps.clock.now() });
    await recordAudit(trx, deps.clock, ctx, { action: 'locality.create', resourceType: 'locality', resourceId: id });
    return id;
  });
  return getLocality(deps, ctx, id);
}

export async function patchLocality(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: Partial<z.output<typeof localityInput>>,
): Promise<Locality> {
  if (!canManageLocalities(ctx.actor)) throw notFound();
  if (input.municipalityCode) await assertMunicipalitiesExist(deps, [input.municipalityCode], 'municipalityCode');
  try {
    await deps.db.transaction().execute(async (trx) => {
      const updated = await updateLocality(
        trx,
        id,
        {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.municipalityCode !== undefined ? { municipality_code: input.municipalityCode } : {}),
          ...(input.lon !== undefined ? { lon: input.lon } : {}),
          ...(input.lat !== undefined ? { lat: input.lat } : {}),
          ...(input.population !== undefined ? { population: input.population } : {}),
        },
        deps.clock.now(),
      );
      if (!updated) throw notFound();
      await recordAudit(trx, deps.clock, ctx, {
        action: 'locality.update',
        resourceType: 'locality',
        resourceId: id,
        details: { fields: Object.keys(input) },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('errors.conflict', { name: 'errors.conflict' });
    throw error;
  }
  return getLocality(deps, ctx, id);
}

export async function removeLocality(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  if (!canManageLocalities(ctx.actor)) throw notFound();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteLocality(trx, id))) throw notFound();
    await recordAudit(trx, deps.clock, ctx, { action: 'locality.delete', resourceType: 'locality', resourceId: id });
  });
}

const HEADER_ALIASES: Record<string, string> = {
  name: 'name',
  namn: 'name',
  ort: 'name',
  municipality_code: 'municipalityCode',
  municipalitycode: 'municipalityCode',
  kommunkod: 'municipalityCode',
  kommun: 'municipalityCode',
  lon: 'lon',
  longitude: 'lon',
  longitud: 'lon',
  lat: 'lat',
  latitude: 'lat',
  latitud: 'lat',
  population: 'population',
  befolkning: 'population',
  invanare: 'population',
  invånare: 'population',
};

/**
 * CSV import of localities (name, municipality code, lon, lat, optional population), by comma or
 * semicolon. A dry run lists every bad row with its reason and changes nothing; a real run
 * changes nothing either when any row is bad. Rows matching an existing locality by
 * municipality and name update it.
 */
export async function importLocalities(deps: Deps, ctx: RequestContext, csv: string, dryRun: boolean): Promise<LocalityImportResult> {
  if (!canManageLocalities(ctx.actor)) throw notFound();
  const t = (key: string, params?: Record<string, string | number>) => translate(ctx.language, key, params);
  const records = readCsv(csv, HEADER_ALIASES, MAX_IMPORT_ROWS);
  const missing = missingColumns(records, ['name', 'municipalityCode', 'lon', 'lat']);
  if (missing.length) {
    return { dryRun, created: 0, updated: 0, errors: [{ line: 1, message: t('import.missing_columns', { columns: missing.join(', ') }) }] };
  }

  const errors: LocalityImportResult['errors'] = [];
  const valid: { line: number; input: z.output<typeof localityInput> }[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const line = index + 2;
    try {
      const input = parseInput(localityInput, {
        name: record.name,
        municipalityCode: record.municipalityCode?.padStart(4, '0'),
        lon: parseCsvNumber(record.lon),
        lat: parseCsvNumber(record.lat),
        population: parseCsvNumber(record.population) ?? null,
      });
      const key = `${input.municipalityCode}:${input.name.toLowerCase()}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        errors.push({ line, message: t('import.duplicate_in_file', { line: earlier }) });
        return;
      }
      seen.set(key, line);
      valid.push({ line, input });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const parts = Object.entries(error.problems).map(([field, p]) => `${field}: ${t(p.key, p.params)}`);
      errors.push({ line, message: parts.join(' ') });
    }
  });
  const codes = [...new Set(valid.map((v) => v.input.municipalityCode))];
  const known = await knownMunicipalityCodes(deps, codes);
  for (const row of valid) {
    if (!known.has(row.input.municipalityCode)) errors.push({ line: row.line, message: `municipalityCode: ${t('validation.municipality_unknown')}` });
  }
  errors.sort((a, b) => a.line - b.line);

  let created = 0;
  let updated = 0;
  const apply = errors.length === 0 && !dryRun;
  await deps.db.transaction().execute(async (trx) => {
    for (const { input } of valid) {
      if (!known.has(input.municipalityCode)) continue;
      const existing = await findLocalityByName(trx, input.municipalityCode, input.name);
      if (existing) {
        updated++;
        if (apply) await updateLocality(trx, existing.id, { lon: input.lon, lat: input.lat, population: input.population ?? null }, deps.clock.now());
      } else {
        created++;
        if (apply) await insertLocality(trx, { ...input, population: input.population ?? null, now: deps.clock.now() });
      }
    }
    if (apply) {
      await recordAudit(trx, deps.clock, ctx, { action: 'locality.import', resourceType: 'locality', resourceId: null, details: { created, updated } });
    }
  });
  return { dryRun: !apply, created, updated, errors };
}
