import type { ProcessDetail, ProcessSummary, processInput, processStepPatch, tickInput } from '@samhandling/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { canSeePeople, type SpaceAccess } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { loadTemplate } from '../template/template.service.ts';
import type { PhaseValue } from '../template/template.table.ts';
import { checkCriteria, isPlatformChecked } from './criteria.ts';
import { canRunProcess, canViewProcess, processActions } from './process.policy.ts';
import { presentProcess, swedishToday } from './process.presenter.ts';
import {
  findProcess,
  insertProcess,
  listProcesses,
  localityMunicipality,
  stepStates,
  upsertStep,
  type ProcessRow,
} from './process.repository.ts';

async function present(deps: Deps, ctx: RequestContext, rows: ProcessRow[], access: SpaceAccess): Promise<ProcessDetail[]> {
  const states = await stepStates(
    deps.db,
    rows.map((r) => r.id),
  );
  const now = deps.clock.now();
  const today = swedishToday(now);
  const actions = processActions(ctx.actor, access);
  const criteria = await checkCriteria(deps.db, rows, now);
  return rows.map((row) =>
    presentProcess(
      row,
      states.filter((s) => s.process_id === row.id),
      criteria.get(row.id)!,
      today,
      actions,
      canSeePeople(ctx.actor, access),
    ),
  );
}

async function loadProcess(deps: Deps, ctx: RequestContext, id: string) {
  const row = await findProcess(deps.db, id);
  if (!row) throw notFound();
  const { access } = await loadSpaceAccess(deps, ctx.actor, row.space_id);
  if (!canViewProcess(ctx.actor, access)) throw notFound();
  return { row, access };
}

export async function getProcess(deps: Deps, ctx: RequestContext, id: string): Promise<ProcessDetail> {
  const { row, access } = await loadProcess(deps, ctx, id);
  return (await present(deps, ctx, [row], access))[0]!;
}

export async function getSpaceProcesses(deps: Deps, ctx: RequestContext, spaceId: string): Promise<ProcessSummary[]> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  const details = await present(deps, ctx, await listProcesses(deps.db, spaceId), access);
  return details.map(({ phases: _phases, allowedActions: _actions, ...summary }) => summary);
}

export async function startProcess(
  deps: Deps,
  ctx: RequestContext,
  spaceId: string,
  input: z.output<typeof processInput>,
): Promise<ProcessDetail> {
  const { row: space, access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canRunProcess(ctx.actor, access)) throw forbidden();
  const template = await loadTemplate(deps, ctx, input.templateId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') throw invalid({ templateId: 'errors.not_found' });
    throw error;
  });
  if (!space.municipality_codes.includes(input.municipalityCode))
    throw invalid({ municipalityCode: 'validation.municipality_not_in_space' });
  if (input.localityId) {
    const locality = await localityMunicipality(deps.db, input.localityId);
    if (!locality || locality.municipality_code !== input.municipalityCode)
      throw invalid({ localityId: 'validation.locality_not_in_municipality' });
  }
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await insertProcess(trx, {
      space_id: spaceId,
      template_id: template.builtIn || template.spaceId ? template.id : null,
      name: input.name ?? template.name,
      municipality_code: input.municipalityCode,
      locality_id: input.localityId ?? null,
      starts_on: input.startsOn ?? swedishToday(deps.clock.now()),
      phases: JSON.stringify(template.phases as PhaseValue[]),
      created_by: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      created_at: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, ctx, {
      action: 'process.start',
      resourceType: 'process',
      resourceId: id,
      details: { spaceId, templateId: template.id, municipalityCode: input.municipalityCode },
    });
    return id;
  });
  return getProcess(deps, ctx, id);
}

function stepOf(row: ProcessRow, stepId: string) {
  const step = row.phases.flatMap((p) => p.steps).find((s) => s.id === stepId);
  if (!step) throw notFound();
  return step;
}

/** A facilitator ticks (or unticks) a step the platform cannot check itself; every tick is audited. */
export async function tickProcessStep(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  stepId: string,
  input: z.output<typeof tickInput>,
): Promise<ProcessDetail> {
  const { row, access } = await loadProcess(deps, ctx, id);
  if (!canRunProcess(ctx.actor, access)) throw forbidden();
  const step = stepOf(row, stepId);
  if (isPlatformChecked(step.criterion)) throw new AppError('conflict', 'errors.step_checked_by_platform');
  await deps.db.transaction().execute(async (trx) => {
    await upsertStep(trx, id, stepId, {
      ticked_at: input.done ? deps.clock.now() : null,
      ticked_by: input.done && ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      note: input.note,
    });
    await recordAudit(trx, deps.clock, ctx, {
      action: input.done ? 'process.tick' : 'process.untick',
      resourceType: 'process',
      resourceId: id,
      details: { stepId },
    });
  });
  return getProcess(deps, ctx, id);
}

export async function patchProcessStep(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  stepId: string,
  input: z.output<typeof processStepPatch>,
): Promise<ProcessDetail> {
  const { row, access } = await loadProcess(deps, ctx, id);
  if (!canRunProcess(ctx.actor, access)) throw forbidden();
  stepOf(row, stepId);
  const values = {
    ...(input.responsible !== undefined ? { responsible: input.responsible } : {}),
    ...(input.dueDate !== undefined ? { due_date: input.dueDate } : {}),
  };
  await deps.db.transaction().execute(async (trx) => {
    await upsertStep(trx, id, stepId, values);
    await recordAudit(trx, deps.clock, ctx, {
      action: 'process.update_step',
      resourceType: 'process',
      resourceId: id,
      details: { stepId, fields: Object.keys(input) },
    });
  });
  return getProcess(deps, ctx, id);
}
