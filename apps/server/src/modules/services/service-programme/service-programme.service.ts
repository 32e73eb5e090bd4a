import type { ServiceProgramme } from '@samhandling/contracts';
import type { RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { getCounties } from '../../geography/county/county.service.ts';
import { getMunicipalities } from '../../geography/municipality/municipality.service.ts';
import { analysisFiguresFor } from '../service-plan/seams.ts';
import { visiblePlansIn } from '../service-plan/service-plan.service.ts';

/**
 * The regional service programme's view: every municipality of a county with the service plans
 * the caller may see (the public: those of public spaces put out for consultation or adopted)
 * and the figures of the analyses they rest on, side by side.
 */
export async function getServiceProgramme(deps: Deps, ctx: RequestContext, countyCode: string): Promise<ServiceProgramme> {
  const county = (await getCounties(deps)).find((c) => c.code === countyCode);
  if (!county) throw notFound();
  const municipalities = await getMunicipalities(deps, countyCode);
  const plans = await visiblePlansIn(
    deps,
    ctx,
    municipalities.map((m) => m.code),
  );
  const withFigures = await Promise.all(
    plans.map(async ({ row: _row, ...plan }) => ({ ...plan, analysis: plan.analysisId ? await analysisFiguresFor(deps, ctx, plan.analysisId, plan.municipalityCode) : null })),
  );
  return {
    county: { code: county.code, name: county.name },
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name, plans: withFigures.filter((p) => p.municipalityCode === m.code) })),
  };
}
