import type { SavedScenario, SavedScenarioAction, TypeAggregate } from '@samhandling/contracts';
import type { Selectable } from 'kysely';
import type { TypeAggregate as EngineAggregate } from '@samhandling/engine';
import type { ScenariosTable } from '../../../db/schema.ts';
import { presentAggregate } from '../analysis/analysis.presenter.ts';
import type { ScenarioAnswer } from '../analysis/analysis-thread.ts';

/** before/after per type, and the change in people per class, vulnerable and unreachable. */
export function presentScenarioSummary(answer: ScenarioAnswer) {
  const before: Record<string, TypeAggregate> = {};
  const after: Record<string, TypeAggregate> = {};
  const change: Record<string, { classes: { label: string; population: number }[]; vulnerable: number; unreachable: number }> = {};
  for (const [type, b] of Object.entries(answer.before)) {
    const a = answer.after[type] as EngineAggregate;
    const { by_municipality: _b, ...bCore } = b as EngineAggregate;
    const { by_municipality: _a, ...aCore } = a;
    before[type] = presentAggregate(bCore);
    after[type] = presentAggregate(aCore);
    change[type] = {
      classes: aCore.classes.map((c, i) => ({ label: c.label, population: c.population - bCore.classes[i]!.population })),
      vulnerable: aCore.vulnerable.population - bCore.vulnerable.population,
      unreachable: aCore.unreachable.population - bCore.unreachable.population,
    };
  }
  return { before, after, change, changedOrigins: new Set(answer.changed.map((c) => c.originId)).size, ms: answer.ms };
}

export function presentSavedScenario(row: Selectable<ScenariosTable>, allowedActions: SavedScenarioAction[]): SavedScenario {
  return {
    id: row.id,
    analysisId: row.analysis_id,
    spaceId: row.space_id,
    name: row.name,
    input: row.input as SavedScenario['input'],
    summary: row.summary as SavedScenario['summary'],
    changedCount: row.changed_count,
    createdAt: row.created_at.toISOString(),
    allowedActions,
  };
}
