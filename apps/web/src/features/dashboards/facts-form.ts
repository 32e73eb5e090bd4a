import type { ProjectFacts, projectFactsInput } from '@samhandling/contracts';
import type { z } from 'zod';
import { parseSwedishNumber, rowKey } from '../plans/measure-form.ts';

/**
 * The project facts editor's draft (amounts as typed, "1 250 000" or "6250000,50") and the step
 * from draft to the PUT body, which finds the amounts that are not numbers before anything is sent.
 */

export interface CoFinancierDraft {
  key: string;
  name: string;
  amount: string;
}
export interface SteeringDraft {
  key: string;
  name: string;
  organisation: string;
  role: string;
}
export interface FactsDraft {
  periodStart: string;
  periodEnd: string;
  budget: string;
  coFinanciers: CoFinancierDraft[];
  steeringGroup: SteeringDraft[];
}

export const emptyCoFinancier = (): CoFinancierDraft => ({ key: rowKey(), name: '', amount: '' });
export const emptySteering = (): SteeringDraft => ({ key: rowKey(), name: '', organisation: '', role: '' });

const asText = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

export function factsDraftOf(facts: ProjectFacts | null): FactsDraft {
  return {
    periodStart: facts?.periodStart ?? '',
    periodEnd: facts?.periodEnd ?? '',
    budget: asText(facts?.budget ?? null),
    coFinanciers: (facts?.coFinanciers ?? []).map((c) => ({ key: rowKey(), name: c.name, amount: asText(c.amount) })),
    steeringGroup: (facts?.steeringGroup ?? []).map((s) => ({ key: rowKey(), ...s })),
  };
}

export type FactsBody = z.input<typeof projectFactsInput>;

export function factsBodyOf(d: FactsDraft): { body: FactsBody; problems: Record<string, 'number' | 'required'> } {
  const problems: Record<string, 'number' | 'required'> = {};
  const amount = (path: string, text: string, required: boolean): number | null => {
    const n = parseSwedishNumber(text);
    if (n === null && required) problems[path] = 'required';
    if (n !== null && Number.isNaN(n)) problems[path] = 'number';
    return n === null || Number.isNaN(n) ? null : n;
  };
  const body: FactsBody = {
    periodStart: d.periodStart || null,
    periodEnd: d.periodEnd || null,
    budget: amount('budget', d.budget, false),
    coFinanciers: d.coFinanciers.map((c, i) => ({ name: c.name, amount: amount(`coFinanciers.${i}.amount`, c.amount, true) ?? 0 })),
    steeringGroup: d.steeringGroup.map((s) => ({ name: s.name, organisation: s.organisation, role: s.role })),
  };
  return { body, problems };
}
