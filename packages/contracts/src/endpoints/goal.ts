import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { agendaGoal } from '../inputs.ts';

/** The goal endpoints (the server's goal.routes.ts implements them). */
export const goalEndpoints = {
  getGoals: endpoint({
    method: 'GET',
    path: '/api/agenda2030/goals',
    access: 'public',
    summary: 'The 17 Agenda 2030 goals with their Swedish and English names',
    tags: ['agenda2030'],
    response: z.array(agendaGoal),
  }),
};
