import { checkInInput, checkInResult, eventStatistics, idParams, registration, registrationPatch } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { checkIn, getEventStatistics, markAttendance } from './attendance.service.ts';

export function attendanceRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/registrations/:id/check-in',
      access: 'signed_in',
      summary: "Check a participant in at the door with the code from their QR (the event's facilitators)",
      tags: ['dialogues'],
      params: idParams,
      body: checkInInput,
      response: checkInResult,
      handler: ({ ctx, params, body }) => checkIn(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/registrations/:id',
      access: 'signed_in',
      summary: 'Mark attendance by hand (attended true or false)',
      tags: ['dialogues'],
      params: idParams,
      body: registrationPatch,
      response: registration,
      handler: ({ ctx, params, body }) => markAttendance(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/events/:id/statistics',
      access: 'public',
      personal: true,
      summary: 'Registered and attended by sector, age group and on site/online (figures only, no names)',
      tags: ['dialogues'],
      params: idParams,
      response: eventStatistics,
      handler: ({ ctx, params }) => getEventStatistics(deps, ctx, params.id),
    }),
  ];
}
