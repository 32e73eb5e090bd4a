import { agendaGoal } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { getGoals } from './goal.service.ts';

export function goalRoutes(_deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/agenda2030/goals',
      access: 'public',
      summary: 'The 17 Agenda 2030 goals with their Swedish and English names',
      tags: ['agenda2030'],
      response: z.array(agendaGoal),
      handler: async () => getGoals(),
    }),
  ];
}
