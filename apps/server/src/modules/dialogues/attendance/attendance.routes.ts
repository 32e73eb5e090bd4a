import { attendanceEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { checkIn, getEventStatistics, markAttendance } from './attendance.service.ts';

export function attendanceRoutes(deps: Deps) {
  return [
    defineRoute(attendanceEndpoints.checkIn, {
      handler: ({ ctx, params, body }) => checkIn(deps, ctx, params.id, body),
    }),
    defineRoute(attendanceEndpoints.markAttendance, {
      handler: ({ ctx, params, body }) => markAttendance(deps, ctx, params.id, body),
    }),
    defineRoute(attendanceEndpoints.getEventStatistics, {
      personal: true,
      handler: ({ ctx, params }) => getEventStatistics(deps, ctx, params.id),
    }),
  ];
}
