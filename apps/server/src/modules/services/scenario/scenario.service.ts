import type { SavedScenario, ScenarioResult } from '@samhandling/contracts';
import type { scenarioInput } from '@samhandling/contracts';
import type { z } from 'zod';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { ScenarioError, ScenarioThread } from '../analysis/analysis-thread.ts';
import { canSaveScenario, canTryScenario } from '../analysis/analysis.policy.ts';
import { loadAnalysis, runInputOf } from '../analysis/analysis.service.ts';
import { presentSavedScenario, presentScenarioSummary } from './scenario.presenter.ts';
import { findScenario, insertScenario, listScenarios } from './scenario.repository.ts';

/** The analysed models of this instance, kept in memory on one thread and rebuilt lazily from stored inputs. */
export const scenarioThread = new ScenarioThread();

export async function runScenario(deps: Deps, ctx: RequestContext, analysisId: string, input: z.output<typeof scenarioInput>): Promise<ScenarioResult> {
  const { row, access } = await loadAnalysis(deps, ctx, analysisId);
  if (!canTryScenario(ctx.actor, access)) throw forbidden();
  if (input.name !== undefined && !canSaveScenario(ctx.actor, access)) throw forbidden();
  if (row.status !== 'done') throw new AppError('conflict', 'analyses.not_done');
  const spec = { close: input.close, open: input.open, move: input.move };
  let answer;
  try {
    answer = await scenarioThread.run(analysisId, spec, () => runInputOf(deps, analysisId));
  } catch (error) {
    if (error instanceof ScenarioError) throw new AppError('invalid', 'analyses.scenario_invalid', { scenario: 'analyses.scenario_invalid' }, { reason: error.message.replace(/^invalid scenario: /, '').slice(0, 300) });
    throw error;
  }
  const summary = presentScenarioSummary(answer);
  let id: string | null = null;
  if (input.name !== undefined) {
    id = await deps.db.transaction().execute(async (trx) => {
      const { id } = await insertScenario(trx, {
        analysisId,
        spaceId: row.space_id,
        name: input.name!,
        input: spec,
        summary,
        changedCount: summary.changedOrigins,
        createdBy: actorId(ctx.actor),
        now: deps.clock.now(),
      });
      await recordAudit(trx, deps.clock, ctx, { action: 'scenario.save', resourceType: 'scenario', resourceId: id, details: { analysisId, close: spec.close.length, open: spec.open.length, move: spec.move.length } });
      return id;
    });
  }
  return { id, changed: answer.changed, summary };
}

export async function getScenarios(deps: Deps, ctx: RequestContext, analysisId: string): Promise<SavedScenario[]> {
  await loadAnalysis(deps, ctx, analysisId);
  return (await listScenarios(deps.db, analysisId)).map((r) => presentSavedScenario(r, ['view']));
}

export async function getScenario(deps: Deps, ctx: RequestContext, id: string): Promise<SavedScenario> {
  const row = await findScenario(deps.db, id);
  if (!row) throw notFound();
  await loadSpaceAccess(deps, ctx.actor, row.space_id);
  return presentSavedScenario(row, ['view']);
}

/** For other modules (a plan measure's reason): a saved scenario's space and name, without access checks. */
export async function scenarioReference(deps: Deps, id: string): Promise<{ id: string; spaceId: string; analysisId: string; name: string } | undefined> {
  const row = await findScenario(deps.db, id);
  return row ? { id: row.id, spaceId: row.space_id, analysisId: row.analysis_id, name: row.name } : undefined;
}
