import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AgendaGoal } from '@samhandling/contracts';

const FILE = fileURLToPath(new URL('../../../../../../data/agenda2030/goals.json', import.meta.url));

let goals: AgendaGoal[] | undefined;

/** The 17 Sustainable Development Goals with Swedish and English names (data/agenda2030/goals.json). */
export function getGoals(): AgendaGoal[] {
  goals ??= (JSON.parse(readFileSync(FILE, 'utf8')) as { goals: AgendaGoal[] }).goals;
  return goals;
}
