import type { ProcessAction, ProcessDetail, ProcessStep, ProcessSummary } from '@samhandling/contracts';
import { DELETED_USER_NAME } from '../../../platform/personal-data.ts';
import type { CriterionState } from './criteria.ts';
import type { ProcessRow, stepStates } from './process.repository.ts';

type StateRow = Awaited<ReturnType<typeof stepStates>>[number];

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date in Sweden, 'YYYY-MM-DD'. */
export const swedishToday = (now: Date): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);

export function presentProcess(
  row: ProcessRow,
  states: StateRow[],
  criteria: Map<string, CriterionState>,
  today: string,
  allowedActions: ProcessAction[],
  /** Who ticked and who is responsible are people: shown to the space's leaders only. */
  showPeople: boolean,
): ProcessDetail {
  const byStep = new Map(states.map((s) => [s.step_id, s]));
  const phases = row.phases.map((phase) => ({
    id: phase.id,
    title: phase.title,
    steps: phase.steps.map((step): ProcessStep => {
      const state = byStep.get(step.id);
      const checked = criteria.get(step.id);
      const platformChecked = checked !== undefined;
      const done = platformChecked ? checked.met : !!state?.ticked_at;
      const dueDate = state?.due_date ?? addDays(row.starts_on, step.dueAfterDays);
      return {
        ...step,
        phaseId: phase.id,
        status: done ? 'done' : dueDate < today ? 'overdue' : 'open',
        checkedBy: !done ? null : platformChecked ? 'platform' : showPeople
            ? { userId: state?.ticked_by ?? null, name: state?.ticked_by_name ?? DELETED_USER_NAME }
            : { userId: null, name: '' },
        checkedAt: done && !platformChecked && state?.ticked_at ? state.ticked_at.toISOString() : null,
        note: state?.note ?? '',
        platformChecked,
        progress: checked ? { value: checked.value, target: checked.target } : null,
        responsible: showPeople ? (state?.responsible ?? null) : null,
        dueDate,
      };
    }),
  }));
  const steps = phases.flatMap((p) => p.steps);
  const next = steps.find((s) => s.status !== 'done');
  const summary: ProcessSummary = {
    id: row.id,
    spaceId: row.space_id,
    templateId: row.template_id,
    name: row.name,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    localityId: row.locality_id,
    localityName: row.locality_name,
    startsOn: row.starts_on,
    stepsDone: steps.filter((s) => s.status === 'done').length,
    stepsTotal: steps.length,
    overdue: steps.filter((s) => s.status === 'overdue').length,
    nextStep: next ? { id: next.id, title: next.title, status: next.status, dueDate: next.dueDate } : null,
    createdAt: row.created_at.toISOString(),
  };
  return { ...summary, phases, allowedActions };
}
