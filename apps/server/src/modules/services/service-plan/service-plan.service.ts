import type { PlanContent, PlanVersion, PlanVersionSummary, ServicePlan, ServicePlanSummary, planFollowUpInput, servicePlanInput, servicePlanPatch } from '@samhandling/contracts';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ServicePlanContentRow } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { organisationsByIds } from '../../actors/organisation/organisation.service.ts';
import { getLocalities, getLocality } from '../../geography/locality/locality.service.ts';
import { listSpaces, loadSpaceAccess } from '../../spaces/space/space.service.ts';
import type { SpaceAccess } from '../../spaces/space/space.policy.ts';
import { canLeadSpace } from '../../spaces/space/space.policy.ts';
import { replaceServiceMeasures, serviceMeasuresOf } from '../../plans/measure/measure.service.ts';
import { analysisFiguresFor, assertAnalysisUsable, assertScenariosUsable, serviceNeedsFor, type PlanScope } from './seams.ts';
import { canManagePlan, canViewPlan, canViewWorkingCopy, planActions, type PlanAccess } from './service-plan.policy.ts';
import { presentFollowUp, presentSummary, presentVersion, presentVersionSummary, readSnapshot, resolveContent, type ContentNames, type VersionSnapshot } from './service-plan.presenter.ts';
import {
  findFollowUpByYear,
  findPlan,
  findVersion,
  insertFollowUp,
  insertPlan,
  listFollowUps,
  listPlansOfMunicipalities,
  listPlansOfSpace,
  listVersionSummaries,
  listVersions,
  lockPlan,
  updatePlan,
  type PlanRow,
  type VersionRow,
} from './service-plan.repository.ts';

/**
 * The plans' measures live in the one measures table (plans module, issue 10 §2): filled into
 * the working copy's content here, so the plan reads exactly as when they sat in its JSON.
 */
async function withMeasures<T extends PlanRow>(deps: Deps, rows: T[]): Promise<T[]> {
  const measures = await serviceMeasuresOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...row, content: { ...row.content, measures: measures.get(row.id) ?? [] } }));
}

export const EMPTY_CONTENT: ServicePlanContentRow = { background: '', links: [], levels: [], goals: [], measures: [] };

/** Today's date in Sweden ('YYYY-MM-DD'): consultations close at the end of their last day there. */
export function swedishToday(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

type VersionInfo = { number: number; status: string; decision_body: string | null; decision_date: string | null; minute_reference: string | null };

export function planAccessOf(deps: Deps, row: PlanRow, space: SpaceAccess, versions: VersionInfo[]): PlanAccess {
  return {
    space,
    status: row.status,
    hasPublicVersion: versions.length > 0,
    hasConsultation: versions.some((v) => v.status === 'consultation'),
    hasAdoptedVersion: versions.some((v) => v.status === 'adopted'),
    consultationOpen: row.status === 'consultation' && row.consultation_ends_on !== null && swedishToday(deps.clock.now()) <= row.consultation_ends_on,
  };
}

/** The plan and the caller's access to it; 404 when the caller may not see it. */
export async function loadPlan(deps: Deps, ctx: RequestContext, id: string) {
  const found = await findPlan(deps.db, id);
  if (!found) throw notFound();
  const [row] = await withMeasures(deps, [found]);
  if (!row) throw notFound();
  const { access: space } = await loadSpaceAccess(deps, ctx.actor, row.space_id);
  const versions = await listVersions(deps.db, id);
  const access = planAccessOf(deps, row, space, versions);
  if (!canViewPlan(ctx.actor, access)) throw notFound();
  return { row, access, versions, scope: { spaceId: row.space_id, municipalityCode: row.municipality_code } satisfies PlanScope };
}

/** Loads a plan the caller may manage: 404 when hidden, 403 when only visible. */
export async function loadManagedPlan(deps: Deps, ctx: RequestContext, id: string) {
  const loaded = await loadPlan(deps, ctx, id);
  if (!canManagePlan(ctx.actor, loaded.access)) throw forbidden();
  return loaded;
}

export async function contentNames(deps: Deps, ctx: RequestContext, municipalityCode: string, content: ServicePlanContentRow): Promise<ContentNames> {
  const organisationIds = [...new Set(content.measures.flatMap((m) => m.organisationIds))];
  const [localities, organisations] = await Promise.all([getLocalities(deps, ctx, { municipality: municipalityCode }), organisationsByIds(deps, organisationIds)]);
  return {
    localities: new Map(localities.map((l) => [l.id, { name: l.name, lon: l.lon, lat: l.lat }])),
    organisations: new Map(organisations.map((o) => [o.id, o.name])),
  };
}

/** The working copy as shown, with names filled in. */
export async function workingContent(deps: Deps, ctx: RequestContext, row: PlanRow): Promise<PlanContent> {
  return resolveContent(row.content, row.analysis_id, await contentNames(deps, ctx, row.municipality_code, row.content));
}

/**
 * What the caller sees of a plan: members the working copy, the public the latest version put
 * out (or a given version). Documents and pages are made from this.
 */
export async function shownPlan(deps: Deps, ctx: RequestContext, loaded: Awaited<ReturnType<typeof loadPlan>>, versionNumber?: number) {
  const { row, access, versions } = loaded;
  let version: VersionRow | undefined;
  if (versionNumber !== undefined) {
    version = versions.find((v) => v.number === versionNumber);
    if (!version) throw notFound();
  } else if (!canViewWorkingCopy(ctx.actor, access)) {
    version = versions.at(-1);
  }
  if (version) {
    const snapshot: VersionSnapshot = readSnapshot(version.content);
    const { analysisFigures, ...content } = snapshot;
    return {
      shows: 'version' as const,
      version,
      title: version.title,
      periodStart: version.period_start,
      periodEnd: version.period_end,
      content,
      analysis: analysisFigures ?? (content.analysisId ? await analysisFiguresFor(deps, ctx, content.analysisId, row.municipality_code) : null),
    };
  }
  const content = await workingContent(deps, ctx, row);
  return {
    shows: 'working' as const,
    version: undefined,
    title: row.title,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    content,
    analysis: row.analysis_id ? await analysisFiguresFor(deps, ctx, row.analysis_id, row.municipality_code) : null,
  };
}

export async function getPlan(deps: Deps, ctx: RequestContext, id: string): Promise<ServicePlan> {
  const loaded = await loadPlan(deps, ctx, id);
  const { row, access, versions, scope } = loaded;
  const shown = await shownPlan(deps, ctx, loaded);
  const [needs, followUps] = await Promise.all([serviceNeedsFor(deps, ctx, scope), listFollowUps(deps.db, id)]);
  const titles = new Map(shown.content.measures.map((m) => [m.id, m.title]));
  const summary = presentSummary(
    row,
    { title: shown.title, periodStart: shown.periodStart, periodEnd: shown.periodEnd, measureCount: shown.content.measures.length, analysisId: shown.content.analysisId },
    versions,
    planActions(ctx.actor, access),
  );
  return {
    ...summary,
    shows: shown.shows,
    shownVersion: shown.version?.number ?? null,
    content: shown.content,
    needs,
    analysis: shown.analysis,
    versions: versions.map(presentVersionSummary),
    followUps: followUps.map((f) => presentFollowUp(f, titles)),
    consultationOpen: access.consultationOpen,
    createdAt: row.created_at.toISOString(),
  };
}

/** Summaries of plans whose spaces the caller can see, as the caller may see them. */
async function summariesOf(deps: Deps, ctx: RequestContext, rows: PlanRow[], spaces: Map<string, SpaceAccess>): Promise<(ServicePlanSummary & { row: PlanRow })[]> {
  const versions = await listVersionSummaries(deps.db, rows.map((r) => r.id));
  const out: (ServicePlanSummary & { row: PlanRow })[] = [];
  for (const row of rows) {
    const space = spaces.get(row.space_id);
    if (!space) continue;
    const own = versions.filter((v) => v.plan_id === row.id);
    const access = planAccessOf(deps, row, space, own);
    if (!canViewPlan(ctx.actor, access)) continue;
    let shown = { title: row.title, periodStart: row.period_start, periodEnd: row.period_end, measureCount: row.content.measures.length, analysisId: row.analysis_id };
    if (!canViewWorkingCopy(ctx.actor, access)) {
      const latest = await findVersion(deps.db, row.id, own.at(-1)!.number);
      const snapshot = readSnapshot(latest!.content);
      shown = { title: latest!.title, periodStart: latest!.period_start, periodEnd: latest!.period_end, measureCount: snapshot.measures.length, analysisId: snapshot.analysisId };
    }
    out.push({ ...presentSummary(row, shown, own, planActions(ctx.actor, access)), row });
  }
  return out;
}

export async function listSpacePlans(deps: Deps, ctx: RequestContext, spaceId: string): Promise<ServicePlanSummary[]> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  const rows = await withMeasures(deps, await listPlansOfSpace(deps.db, spaceId));
  return (await summariesOf(deps, ctx, rows, new Map([[spaceId, access]]))).map(({ row: _row, ...summary }) => summary);
}

/** Plans in the given municipalities that the caller may see (for the regional programme). */
export async function visiblePlansIn(deps: Deps, ctx: RequestContext, municipalityCodes: string[]) {
  const rows = await withMeasures(deps, await listPlansOfMunicipalities(deps.db, municipalityCodes));
  if (rows.length === 0) return [];
  const spaces = new Map<string, SpaceAccess>();
  for (const archived of [false, true]) {
    for (const s of await listSpaces(deps, ctx, { archived })) spaces.set(s.id, { visibility: s.visibility, archived: s.archived, role: s.myRole });
  }
  return summariesOf(deps, ctx, rows, spaces);
}

function assertPeriod(start: string, end: string) {
  if (end < start) throw invalid({ periodEnd: 'validation.period_order' });
}

export async function createPlan(deps: Deps, ctx: RequestContext, spaceId: string, input: z.output<typeof servicePlanInput>): Promise<ServicePlan> {
  const { row: space, access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canLeadSpace(ctx.actor, access)) throw forbidden();
  if (!space.municipality_codes.includes(input.municipalityCode)) throw invalid({ municipalityCode: 'validation.municipality_not_in_space' });
  assertPeriod(input.periodStart, input.periodEnd);
  const userId = ctx.actor.kind === 'user' ? ctx.actor.user.id : null;
  const id = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const { id } = await insertPlan(trx, {
      space_id: spaceId,
      municipality_code: input.municipalityCode,
      title: input.title,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      content: JSON.stringify(EMPTY_CONTENT),
      analysis_id: null,
      consultation_ends_on: null,
      created_by: userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'service_plan.create', resourceType: 'service_plan', resourceId: id, details: { spaceId, municipalityCode: input.municipalityCode } });
    return id;
  });
  return getPlan(deps, ctx, id);
}

/** Checks the references of a new working copy; every problem is reported under its field. */
async function checkedContent(deps: Deps, ctx: RequestContext, row: PlanRow, input: z.output<typeof servicePlanPatch>): Promise<ServicePlanContentRow> {
  const current = row.content;
  const problems: Record<string, string> = {};
  const localities = new Set((await getLocalities(deps, ctx, { municipality: row.municipality_code })).map((l) => l.id));
  const checkLocality = async (id: string, field: string) => {
    if (localities.has(id)) return;
    const elsewhere = await getLocality(deps, ctx, id).then(
      () => true,
      () => false,
    );
    problems[field] = elsewhere ? 'validation.locality_elsewhere' : 'validation.locality_unknown';
  };
  const levels = input.levels?.map((l) => ({ localityId: l.localityId, level: l.level, targetServices: [...new Set(l.targetServices)], note: l.note ?? '' })) ?? current.levels;
  if (input.levels) {
    const seen = new Set<string>();
    for (const [i, l] of levels.entries()) {
      await checkLocality(l.localityId, `levels.${i}.localityId`);
      if (seen.has(l.localityId)) problems[`levels.${i}.localityId`] = 'validation.level_duplicate';
      seen.add(l.localityId);
    }
  }
  const goals = input.goals?.map((g) => ({ id: g.id ?? randomUUID(), text: g.text, indicator: g.indicator ?? '' })) ?? current.goals;
  const goalIds = new Set(goals.map((g) => g.id));
  const measures =
    input.measures?.map((m) => ({
      id: m.id ?? randomUUID(),
      title: m.title,
      description: m.description ?? '',
      localityId: m.localityId ?? null,
      place: m.place ?? '',
      organisationIds: [...new Set(m.organisationIds)],
      startDate: m.startDate ?? null,
      endDate: m.endDate ?? null,
      costSek: m.costSek ?? null,
      status: m.status,
      scenarioId: m.scenarioId ?? null,
      goalIds: [...new Set(m.goalIds)],
    })) ?? current.measures;
  if (input.measures || input.goals) {
    const orgIds = [...new Set(measures.flatMap((m) => m.organisationIds))];
    const known = new Set((await organisationsByIds(deps, orgIds)).map((o) => o.id));
    for (const [i, m] of measures.entries()) {
      if (m.localityId) await checkLocality(m.localityId, `measures.${i}.localityId`);
      m.organisationIds.forEach((id, j) => {
        if (!known.has(id)) problems[`measures.${i}.organisationIds.${j}`] = 'validation.organisation_unknown';
      });
      m.goalIds.forEach((id, j) => {
        if (!goalIds.has(id)) problems[`measures.${i}.goalIds.${j}`] = 'validation.goal_unknown';
      });
      if (m.startDate && m.endDate && m.endDate < m.startDate) problems[`measures.${i}.endDate`] = 'validation.end_before_start';
    }
    const seenIds = new Set<string>();
    for (const [i, m] of measures.entries()) {
      if (seenIds.has(m.id)) problems[`measures.${i}.id`] = 'validation.invalid';
      seenIds.add(m.id);
    }
  }
  if (Object.keys(problems).length > 0) throw invalid(problems);
  const scope = { spaceId: row.space_id, municipalityCode: row.municipality_code };
  if (input.analysisId) await assertAnalysisUsable(deps, ctx, scope, input.analysisId);
  if (input.measures) {
    await assertScenariosUsable(
      deps,
      ctx,
      scope,
      measures.flatMap((m, i) => (m.scenarioId ? [{ field: `measures.${i}.scenarioId`, id: m.scenarioId }] : [])),
    );
  }
  return {
    background: input.background ?? current.background,
    links: input.links?.map((l) => ({ title: l.title, url: l.url ?? null, note: l.note ?? '' })) ?? current.links,
    levels,
    goals,
    measures,
  };
}

export async function patchPlan(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof servicePlanPatch>): Promise<ServicePlan> {
  const { row } = await loadManagedPlan(deps, ctx, id);
  if (row.status !== 'draft') throw new AppError('conflict', 'errors.plan_not_draft');
  assertPeriod(input.periodStart ?? row.period_start, input.periodEnd ?? row.period_end);
  const content = await checkedContent(deps, ctx, row, input);
  await deps.db.transaction().execute(async (trx) => {
    // Locked and read again: the page saves one section at a time, so a section another leader
    // saved meanwhile is kept, and a plan that has left draft meanwhile is not changed.
    const locked = await lockPlan(trx, id);
    if (!locked || locked.status !== 'draft') throw new AppError('conflict', 'errors.plan_not_draft');
    const latest = (await findPlan(trx, id))?.content ?? row.content;
    const sections = {
      background: input.background !== undefined ? content.background : latest.background,
      links: input.links !== undefined ? content.links : latest.links,
      levels: input.levels !== undefined ? content.levels : latest.levels,
      goals: input.goals !== undefined ? content.goals : latest.goals,
    };
    await updatePlan(trx, id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.periodStart !== undefined ? { period_start: input.periodStart } : {}),
      ...(input.periodEnd !== undefined ? { period_end: input.periodEnd } : {}),
      ...(input.analysisId !== undefined ? { analysis_id: input.analysisId } : {}),
      content: JSON.stringify({ ...latest, ...sections, measures: [] }),
      updated_at: deps.clock.now(),
    });
    if (input.measures) await replaceServiceMeasures(trx, deps.clock.now(), { id, spaceId: row.space_id }, content.measures);
    await recordAudit(trx, deps.clock, ctx, { action: 'service_plan.update', resourceType: 'service_plan', resourceId: id, details: { fields: Object.keys(input) } });
  });
  return getPlan(deps, ctx, id);
}

export async function getVersions(deps: Deps, ctx: RequestContext, id: string): Promise<PlanVersionSummary[]> {
  const { versions } = await loadPlan(deps, ctx, id);
  return versions.map(presentVersionSummary);
}

export async function getVersion(deps: Deps, ctx: RequestContext, id: string, number: number): Promise<PlanVersion> {
  const { row, versions } = await loadPlan(deps, ctx, id);
  const version = versions.find((v) => v.number === number);
  if (!version) throw notFound();
  return presentVersion(row, version);
}

export async function addFollowUp(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof planFollowUpInput>) {
  const { row, versions } = await loadManagedPlan(deps, ctx, id);
  const adopted = versions.filter((v) => v.status === 'adopted').at(-1);
  if (!adopted) throw new AppError('conflict', 'errors.follow_up_not_adopted');
  const measures = readSnapshot(adopted.content).measures;
  const titles = new Map(measures.map((m) => [m.id, m.title]));
  const problems: Record<string, string> = {};
  input.measures.forEach((m, i) => {
    if (!titles.has(m.measureId)) problems[`measures.${i}.measureId`] = 'validation.measure_unknown';
  });
  if (Object.keys(problems).length > 0) throw invalid(problems);
  if (await findFollowUpByYear(deps.db, id, input.year)) throw new AppError('conflict', 'errors.follow_up_exists', { year: 'errors.follow_up_exists' });
  const userId = ctx.actor.kind === 'user' ? ctx.actor.user.id : null;
  const followUpId = await deps.db.transaction().execute(async (trx) => {
    const { id: followUpId } = await insertFollowUp(trx, {
      plan_id: row.id,
      year: input.year,
      summary: input.summary,
      measures: JSON.stringify(input.measures.map((m) => ({ measureId: m.measureId, status: m.status, note: m.note ?? '' }))),
      created_by: userId,
      created_at: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'service_plan.follow_up', resourceType: 'service_plan', resourceId: row.id, details: { year: input.year, followUpId } });
    return followUpId;
  });
  const rows = await listFollowUps(deps.db, id);
  return presentFollowUp(rows.find((r) => r.id === followUpId)!, titles);
}
