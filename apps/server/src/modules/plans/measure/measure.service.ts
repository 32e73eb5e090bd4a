import { goalsWithTargets, type CoverageEntry, type Measure, type MeasureChoice, type indicatorInput, type measureInput, type measurePatch, type InputDetail, type Indicator } from '@samhandling/contracts';
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import type { Database, MeasuresTable } from '../../../db/schema.ts';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { replaceDerivedCollaborations } from '../../actors/collaboration/collaboration.service.ts';
import type { CoverageScope } from '../../agenda2030/coverage/coverage-scope.ts';
import { includeOrganisationInSpace } from '../../actors/space-organisation/space-organisation.service.ts';
import { closeInputsOfMeasure, inputsAnsweredBy } from '../../dialogues/input/input.service.ts';
import type { SpaceAccess } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { canManageActionPlans, canViewActionPlans, measureActions } from '../action-plan/action-plan.policy.ts';
import { findActionPlan, findGoal } from '../action-plan/action-plan.repository.ts';
import { addIndicator, getIndicator, indicatorsFor, type AuditContext } from '../indicator/indicator.service.ts';
import { presentMeasure } from './measure.presenter.ts';
import {
  findMeasure,
  insertMeasure,
  localityById,
  measuresInCoverageScope,
  measuresOfPlan,
  measuresOfSpace,
  measuresOfServicePlans,
  measureOwners,
  deleteServicePlanMeasuresExcept,
  upsertMeasure,
  municipalityByCode,
  nextMeasurePosition,
  organisationsByIds,
  updateMeasure,
  type MeasureRow,
} from './measure.repository.ts';

type MeasureFields = Partial<z.output<typeof measureInput>>;

/** Measures with their participants' organisations, indicators and the inputs they answer. */
export async function presentMeasures(deps: Deps, ctx: RequestContext, rows: MeasureRow[], access: SpaceAccess, db: Kysely<Database> = deps.db): Promise<Measure[]> {
  const ids = rows.map((r) => r.id);
  const organisationIds = [...new Set(rows.flatMap((r) => r.participants.map((p) => p.organisationId)))];
  const [organisations, indicators, inputs] = await Promise.all([organisationsByIds(db, organisationIds), indicatorsFor(db, { measureIds: ids, goalIds: [] }), inputsAnsweredBy(db, ids)]);
  const byId = new Map(organisations.map((o) => [o.id, { id: o.id, name: o.name, sector: o.sector }]));
  const actions = measureActions(ctx.actor, access);
  return rows.map((row) => presentMeasure(row, byId, indicators, inputs, actions));
}

/** The measures of an action plan, in order (for the plan's page). */
export async function measuresOfActionPlan(deps: Deps, ctx: RequestContext, planId: string, access: SpaceAccess): Promise<Measure[]> {
  return presentMeasures(deps, ctx, await measuresOfPlan(deps.db, planId), access);
}

async function loadMeasure(deps: Deps, ctx: RequestContext, id: string) {
  const row = await findMeasure(deps.db, id);
  if (!row) throw notFound();
  const { access } = await loadSpaceAccess(deps, ctx.actor, row.space_id);
  if (!canViewActionPlans(ctx.actor, access)) throw notFound();
  return { row, access };
}

export async function getSpaceMeasures(deps: Deps, ctx: RequestContext, spaceId: string): Promise<MeasureChoice[]> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canViewActionPlans(ctx.actor, access)) throw notFound();
  return (await measuresOfSpace(deps.db, spaceId)).map((r) => ({ id: r.id, title: r.title, actionPlanId: r.action_plan_id, actionPlanTitle: r.plan_title, status: r.status }));
}

export async function getMeasure(deps: Deps, ctx: RequestContext, id: string): Promise<Measure> {
  const { row, access } = await loadMeasure(deps, ctx, id);
  return (await presentMeasures(deps, ctx, [row], access))[0]!;
}

/** Checks a measure's references: its goal in the plan, organisations in the registry, a known place. */
async function checkFields(db: Kysely<Database>, planId: string, input: MeasureFields, current?: MeasureRow): Promise<{ municipalityCode: string | null | undefined }> {
  const problems: Record<string, string> = {};
  if (input.goalId) {
    const goal = await findGoal(db, input.goalId);
    if (!goal || goal.plan_id !== planId) problems.goalId = 'validation.goal_unknown';
  }
  const orgIds = [...new Set([...(input.responsibleOrganisationId ? [input.responsibleOrganisationId] : []), ...(input.participants ?? []).map((p) => p.organisationId)])];
  const known = new Set((await organisationsByIds(db, orgIds)).map((o) => o.id));
  if (input.responsibleOrganisationId && !known.has(input.responsibleOrganisationId)) problems.responsibleOrganisationId = 'validation.organisation_unknown';
  const seen = new Set<string>();
  for (const [i, p] of (input.participants ?? []).entries()) {
    if (!known.has(p.organisationId)) problems[`participants.${i}.organisationId`] = 'validation.organisation_unknown';
    else if (seen.has(p.organisationId)) problems[`participants.${i}.organisationId`] = 'validation.duplicate';
    seen.add(p.organisationId);
  }
  let municipalityCode = input.municipalityCode;
  if (input.localityId) {
    const locality = await localityById(db, input.localityId);
    if (!locality) problems.localityId = 'validation.locality_unknown';
    else municipalityCode = locality.municipality_code;
  } else if (input.municipalityCode && !(await municipalityByCode(db, input.municipalityCode))) {
    problems.municipalityCode = 'validation.municipality_unknown';
  }
  const start = input.startDate !== undefined ? input.startDate : (current?.start_date ?? null);
  const end = input.endDate !== undefined ? input.endDate : (current?.end_date ?? null);
  if (start && end && end < start) problems.endDate = 'validation.end_before_start';
  if (Object.keys(problems).length) throw invalid(problems);
  return { municipalityCode };
}

function columnsOf(input: MeasureFields, municipalityCode: string | null | undefined): Updateable<MeasuresTable> {
  const values: Updateable<MeasuresTable> = {};
  if (input.title !== undefined) values.title = input.title;
  if (input.description !== undefined) values.description = input.description;
  if (input.goalId !== undefined) values.goal_id = input.goalId;
  if (input.responsibleOrganisationId !== undefined) values.responsible_organisation_id = input.responsibleOrganisationId;
  if (input.participants !== undefined)
    values.participants = JSON.stringify(input.participants.map((p) => ({ organisationId: p.organisationId, what: p.what, hours: p.hours ?? null, moneySek: p.moneySek ?? null, youth: p.youth ?? false })));
  if (input.localityId !== undefined) values.locality_id = input.localityId;
  if (input.localityId !== undefined || input.municipalityCode !== undefined) values.municipality_code = municipalityCode ?? null;
  if (input.place !== undefined) values.place = input.place;
  if (input.startDate !== undefined) values.start_date = input.startDate;
  if (input.endDate !== undefined) values.end_date = input.endDate;
  if (input.milestones !== undefined) values.milestones = JSON.stringify(input.milestones.map((m) => ({ title: m.title, date: m.date, done: m.done ?? false })));
  if (input.budgetSek !== undefined) values.budget_sek = input.budgetSek;
  if (input.funding !== undefined) values.funding = JSON.stringify(input.funding.map((f) => ({ source: f.source, amountSek: f.amountSek ?? null })));
  if (input.goals !== undefined || input.targets !== undefined) {
    values.goals = goalsWithTargets(input.goals ?? [], input.targets ?? []);
  }
  if (input.targets !== undefined) values.targets = [...new Set(input.targets)];
  if (input.links !== undefined) values.links = JSON.stringify(input.links);
  return values;
}

async function includeOrganisations(trx: Kysely<Database>, spaceId: string, input: MeasureFields, now: Date) {
  const ids = new Set([...(input.responsibleOrganisationId ? [input.responsibleOrganisationId] : []), ...(input.participants ?? []).map((p) => p.organisationId)]);
  for (const id of ids) await includeOrganisationInSpace(trx, spaceId, id, now);
}

/**
 * Organisations sharing a measure (responsible + participating) collaborate through it (issue 11
 * §2, ADR 0016): from the day it was made; a done measure's ties end (its end date, or the day it
 * was marked done); a cancelled measure's are gone.
 */
async function rebuildDerived(trx: Kysely<Database>, deps: Pick<Deps, 'clock'>, id: string): Promise<void> {
  const row = await findMeasure(trx, id);
  if (!row) return;
  const today = deps.clock.now().toISOString().slice(0, 10);
  const start = row.created_at.toISOString().slice(0, 10);
  const ended = row.status === 'done' ? (row.end_date && row.end_date >= start && row.end_date < today ? row.end_date : today) : null;
  // A collaboration never ends before it starts (a measure written with a later creation time than today's clock).
  const end = ended !== null && ended < start ? start : ended;
  const named = row.status === 'cancelled' ? [] : [row.responsible_organisation_id, ...row.participants.map((p) => p.organisationId)].filter((o): o is string => !!o);
  // A participant's organisation may have been deleted since (the list keeps its id, readers skip it).
  const organisations = (await organisationsByIds(trx, named)).map((o) => o.id);
  await replaceDerivedCollaborations(trx, { kind: 'measure', id, spaceId: row.space_id, description: `Åtgärd: ${row.title}`, startDate: start, endDate: end, type: 'joint_project' }, organisations);
}

/**
 * Writes a new measure of an action plan inside the caller's transaction: checks its references,
 * lists its organisations in the space, audits (the caller has authorized). The demo seeds through it.
 */
export async function writeMeasure(
  trx: Kysely<Database>,
  deps: Pick<Deps, 'clock'>,
  ctx: AuditContext,
  plan: { id: string; spaceId: string },
  input: z.output<typeof measureInput> & { status?: Measure['status']; statusReason?: string },
): Promise<string> {
  const { municipalityCode } = await checkFields(trx, plan.id, input);
  const now = deps.clock.now();
  const { status, statusReason, ...fields } = input;
  const columns = columnsOf({ participants: [], milestones: [], funding: [], links: [], goals: [], targets: [], ...fields }, municipalityCode) as Insertable<MeasuresTable>;
  const { id } = await insertMeasure(trx, {
    ...columns,
    space_id: plan.spaceId,
    action_plan_id: plan.id,
    position: await nextMeasurePosition(trx, plan.id),
    title: input.title,
    ...(status ? { status, status_reason: statusReason ?? '' } : {}),
    created_by: actorId(ctx.actor),
    created_at: now,
    updated_at: now,
  });
  await includeOrganisations(trx, plan.spaceId, input, now);
  await rebuildDerived(trx, deps, id);
  await recordAudit(trx, deps.clock, ctx, { action: 'measure.create', resourceType: 'measure', resourceId: id, details: { actionPlanId: plan.id, spaceId: plan.spaceId } });
  return id;
}

export async function createMeasure(deps: Deps, ctx: RequestContext, planId: string, input: z.output<typeof measureInput>): Promise<Measure> {
  const plan = await findActionPlan(deps.db, planId);
  if (!plan) throw notFound();
  const { access } = await loadSpaceAccess(deps, ctx.actor, plan.space_id);
  if (!canViewActionPlans(ctx.actor, access)) throw notFound();
  if (!canManageActionPlans(ctx.actor, access)) throw forbidden();
  const id = await deps.db.transaction().execute((trx) => writeMeasure(trx, deps, ctx, { id: planId, spaceId: plan.space_id }, input));
  return getMeasure(deps, ctx, id);
}

export async function patchMeasure(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof measurePatch>): Promise<Measure> {
  const { row, access } = await loadMeasure(deps, ctx, id);
  if (!canManageActionPlans(ctx.actor, access)) throw forbidden();
  const { status, statusReason, result, closeInputs, ...fields } = input;
  if (Object.keys(fields).length === 0 && status === undefined && result === undefined && statusReason === undefined) throw invalid({ _: 'validation.nothing_to_change' });
  const { municipalityCode } = await checkFields(deps.db, row.action_plan_id ?? '', fields, row);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const values: Updateable<MeasuresTable> = { ...columnsOf(fields, municipalityCode), updated_at: now };
    if (status !== undefined) {
      values.status = status;
      values.status_reason = status === 'paused' || status === 'cancelled' ? statusReason! : '';
    } else if (statusReason !== undefined) values.status_reason = statusReason;
    if (result !== undefined) values.result = result;
    await updateMeasure(trx, id, values);
    await includeOrganisations(trx, row.space_id, fields, now);
    await rebuildDerived(trx, deps, id);
    const closed = closeInputs ? await closeInputsOfMeasure(trx, deps, ctx, id, result!) : 0;
    await recordAudit(trx, deps.clock, ctx, {
      action: status !== undefined && status !== row.status ? 'measure.status' : 'measure.update',
      resourceType: 'measure',
      resourceId: id,
      details: { fields: Object.keys(input), ...(status !== undefined ? { from: row.status, to: status } : {}), ...(closeInputs ? { closedInputs: closed } : {}) },
    });
  });
  void deps.mailer.deliverPending();
  return getMeasure(deps, ctx, id);
}

export async function createMeasureIndicator(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof indicatorInput>): Promise<Indicator> {
  const { row, access } = await loadMeasure(deps, ctx, id);
  if (!canManageActionPlans(ctx.actor, access)) throw forbidden();
  const indicatorId = await deps.db.transaction().execute((trx) => addIndicator(trx, deps, ctx, { spaceId: row.space_id, measureId: id }, input));
  return getIndicator(deps, indicatorId);
}

/**
 * What an input's history needs to name a measure: its space (an input may only point at a
 * measure of its own space) and a label "plan: measure". Stable for other modules.
 */
export async function measureReference(db: Kysely<Database>, id: string): Promise<{ id: string; spaceId: string; label: string } | undefined> {
  const row = await findMeasure(db, id);
  if (!row) return undefined;
  return { id: row.id, spaceId: row.space_id, label: row.plan_title ? `${row.plan_title}: ${row.title}` : row.title };
}

/** The public input page's trail from the measure on: the measure, its plan, its indicators' values. Stable for other modules. */
export async function measureTrail(db: Kysely<Database>, id: string): Promise<InputDetail['trail']> {
  const row = await findMeasure(db, id);
  if (!row) return null;
  const indicators = await indicatorsFor(db, { measureIds: [id], goalIds: [] });
  return {
    measureId: row.id,
    measureTitle: row.title,
    measureStatus: row.status,
    measureResult: row.result,
    actionPlanId: row.action_plan_id,
    actionPlanTitle: row.plan_title,
    indicators: indicators.map((i) => ({ name: i.name, unit: i.unit, targetValue: i.targetValue, values: i.values.map((v) => ({ value: v.value, measuredOn: v.measuredOn })) })),
  };
}

/** A service plan's measure in the shape its plan content has always had (kommunal serviceplan). */
export interface ServicePlanMeasure {
  id: string;
  title: string;
  description: string;
  localityId: string | null;
  place: string;
  organisationIds: string[];
  startDate: string | null;
  endDate: string | null;
  costSek: number | null;
  status: string;
  scenarioId: string | null;
  goalIds: string[];
}

const TO_SERVICE_STATUS: Record<string, string> = { ongoing: 'in_progress', paused: 'postponed' };
const FROM_SERVICE_STATUS: Record<string, Measure['status']> = { in_progress: 'ongoing', postponed: 'paused' };

/**
 * The measures of service plans, by plan, in order, in the service plan's own shape: the one
 * measures table serves both plan kinds (issue 10 §2). Stable for other modules.
 */
export async function serviceMeasuresOf(db: Kysely<Database>, planIds: string[]): Promise<Map<string, ServicePlanMeasure[]>> {
  const out = new Map<string, ServicePlanMeasure[]>(planIds.map((id) => [id, []]));
  for (const r of await measuresOfServicePlans(db, planIds)) {
    out.get(r.service_plan_id!)!.push({
      id: r.id,
      title: r.title,
      description: r.description,
      localityId: r.locality_id,
      place: r.place,
      organisationIds: r.participants.map((p) => p.organisationId),
      startDate: r.start_date,
      endDate: r.end_date,
      costSek: r.budget_sek === null ? null : Number(r.budget_sek),
      status: TO_SERVICE_STATUS[r.status] ?? r.status,
      scenarioId: r.scenario_id,
      goalIds: r.service_goal_ids,
    });
  }
  return out;
}

/**
 * Replaces a service plan's measures inside the caller's transaction (the plan's service has
 * authorized and checked them): kept by id, new ones added, the rest removed. An id that belongs
 * to another plan's measure is refused (400). Stable for other modules.
 */
export async function replaceServiceMeasures(trx: Kysely<Database>, now: Date, plan: { id: string; spaceId: string }, measures: ServicePlanMeasure[]): Promise<void> {
  const owners = await measureOwners(
    trx,
    measures.map((m) => m.id),
  );
  const problems: Record<string, string> = {};
  for (const owner of owners) if (owner.service_plan_id !== plan.id) problems[`measures.${measures.findIndex((m) => m.id === owner.id)}.id`] = 'validation.invalid';
  if (Object.keys(problems).length) throw invalid(problems);
  await deleteServicePlanMeasuresExcept(
    trx,
    plan.id,
    measures.map((m) => m.id),
  );
  for (const [position, m] of measures.entries()) {
    await upsertMeasure(trx, {
      id: m.id,
      space_id: plan.spaceId,
      service_plan_id: plan.id,
      action_plan_id: null,
      goal_id: null,
      position,
      title: m.title,
      description: m.description,
      responsible_organisation_id: null,
      participants: JSON.stringify(m.organisationIds.map((organisationId) => ({ organisationId, what: '', hours: null, moneySek: null, youth: false }))),
      municipality_code: null,
      locality_id: m.localityId,
      place: m.place,
      start_date: m.startDate,
      end_date: m.endDate,
      milestones: '[]',
      budget_sek: m.costSek,
      funding: '[]',
      status: FROM_SERVICE_STATUS[m.status] ?? (m.status as Measure['status']),
      links: '[]',
      scenario_id: m.scenarioId,
      service_goal_ids: m.goalIds,
      created_by: null,
      created_at: now,
      updated_at: now,
    });
  }
}

/** Agenda 2030 coverage source: measures count for their goals and targets, with their status. */
export async function measureCoverage(deps: Deps, scope: CoverageScope): Promise<CoverageEntry[]> {
  return (await measuresInCoverageScope(deps.db, scope)).map((row) => ({
    kind: 'measure',
    id: row.id,
    title: row.title,
    status: row.status,
    date: row.start_date ?? row.updated_at.toISOString(),
    spaceId: row.space_id,
    municipalityCode: row.municipality_code,
    goals: goalsWithTargets(row.goals, row.targets),
    targets: row.targets,
  }));
}
