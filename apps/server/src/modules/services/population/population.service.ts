import type { PopulationSet } from '@samhandling/contracts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { getLocalities } from '../../geography/locality/locality.service.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { canManageAnalyses, managerActions } from '../analysis/analysis.policy.ts';
import { municipalityOf } from './municipality-lookup.ts';
import { PopulationFileError, readPopulationFile, type ParsedOrigin } from './population-file.ts';
import { presentPopulationSet } from './population.presenter.ts';
import { findPopulationSet, insertOrigins, insertPopulationSet, listOrigins, listPopulationSets, populationByMunicipality } from './population.repository.ts';

async function store(
  deps: Deps,
  ctx: RequestContext,
  spaceId: string,
  set: { kind: 'grid' | 'origins' | 'localities'; name: string; year: number | null; fileName: string | null; origins: ParsedOrigin[]; hasAge: boolean },
): Promise<string> {
  if (ctx.actor.kind !== 'user') throw forbidden();
  // Cells and places without a municipality code get theirs from the shipped boundaries.
  const missing = set.origins.filter((o) => o.municipalityCode === null);
  if (missing.length) {
    const codes = await municipalityOf(deps, missing);
    missing.forEach((o, i) => (o.municipalityCode = codes[i] ?? null));
  }
  const userId = ctx.actor.user.id;
  return deps.db.transaction().execute(async (trx) => {
    const { id } = await insertPopulationSet(trx, {
      spaceId,
      kind: set.kind,
      name: set.name,
      year: set.year,
      fileName: set.fileName,
      origins: set.origins.length,
      population: set.origins.reduce((s, o) => s + o.population, 0),
      hasAge: set.hasAge,
      createdBy: userId,
      now: deps.clock.now(),
    });
    await insertOrigins(trx, id, set.origins);
    await recordAudit(trx, deps.clock, ctx, {
      action: 'population.import',
      resourceType: 'population_set',
      resourceId: id,
      details: { spaceId, kind: set.kind, origins: set.origins.length, year: set.year },
    });
    return id;
  });
}

async function present(deps: Deps, ctx: RequestContext, spaceId: string, id: string): Promise<PopulationSet> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  const row = await findPopulationSet(deps.db, id);
  if (!row || row.space_id !== spaceId) throw notFound();
  return presentPopulationSet(row, await populationByMunicipality(deps.db, [id]), managerActions(ctx.actor, access));
}

/** An origins CSV or the SCB grid (CSV or GeoPackage), each cell placed in its municipality. */
export async function importPopulation(
  deps: Deps,
  ctx: RequestContext,
  spaceId: string,
  readFile: () => Promise<{ buffer: Buffer; fileName: string }>,
  options: { year?: number | undefined; name?: string | undefined },
): Promise<PopulationSet> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canManageAnalyses(ctx.actor, access)) throw forbidden();
  // The file is read only once the caller may import.
  const file = await readFile();
  let parsed;
  try {
    parsed = await readPopulationFile(file.buffer);
  } catch (error) {
    if (error instanceof PopulationFileError) throw new AppError('invalid', error.key, { file: error.key }, error.params);
    throw error;
  }
  const year = options.year ?? parsed.year;
  const name = options.name ?? (parsed.kind === 'grid' ? `SCB 1 km-rutor${year ? ` ${year}` : ''}` : file.fileName || 'Befolkning');
  const id = await store(deps, ctx, spaceId, { ...parsed, year, name, fileName: file.fileName || null });
  return present(deps, ctx, spaceId, id);
}

/** The localities of the space's municipalities that have a population: the second kind of origin. */
export async function populationFromLocalities(deps: Deps, ctx: RequestContext, spaceId: string, input: { name?: string | undefined }): Promise<PopulationSet> {
  const { access, row } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canManageAnalyses(ctx.actor, access)) throw forbidden();
  const localities = (await Promise.all(row.municipality_codes.map((code) => getLocalities(deps, ctx, { municipality: code })))).flat();
  const origins: ParsedOrigin[] = localities
    .filter((l) => l.population !== null && l.population > 0)
    .map((l) => ({ id: l.id, name: l.name, lon: l.lon, lat: l.lat, population: l.population!, municipalityCode: l.municipalityCode, men: null, women: null, under20: null, age65Plus: null }));
  if (!origins.length) throw new AppError('invalid', 'analyses.no_localities', { name: 'analyses.no_localities' });
  const id = await store(deps, ctx, spaceId, { kind: 'localities', name: input.name ?? 'Orter', year: deps.clock.now().getFullYear(), fileName: null, origins, hasAge: false });
  return present(deps, ctx, spaceId, id);
}

export async function getPopulationSets(deps: Deps, ctx: RequestContext, spaceId: string): Promise<PopulationSet[]> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  const rows = await listPopulationSets(deps.db, spaceId);
  const byMunicipality = await populationByMunicipality(deps.db, rows.map((r) => r.id));
  return rows.map((r) => presentPopulationSet(r, byMunicipality.filter((m) => m.set_id === r.id), managerActions(ctx.actor, access)));
}

/** For analyses (same space checked by the caller): the set and its origins in stored order. */
export async function populationForAnalysis(deps: Deps, spaceId: string, setId: string) {
  const set = await findPopulationSet(deps.db, setId);
  if (!set || set.space_id !== spaceId) return undefined;
  return set;
}

export async function originsOf(deps: Deps, setId: string) {
  const rows = await listOrigins(deps.db, setId);
  return rows.map((r) => ({
    id: r.origin_id,
    name: r.name,
    lon: r.lon,
    lat: r.lat,
    population: r.population,
    ...(r.municipality_code ? { municipality: r.municipality_code } : {}),
  }));
}
