import { eventEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { registrationHooks } from '../registration/registration.service.ts';
import { cancelEvent, rescheduleEvent } from './event-commands.ts';
import { createEvent, getEvent, getEventCalendar, getSpaceCalendar, getSpaceEvents, patchEvent } from './event.service.ts';

const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

export function eventRoutes(deps: Deps) {
  const hooks = registrationHooks(deps);
  return [
    defineRoute(eventEndpoints.getSpaceEvents, {
      personal: true,
      handler: ({ ctx, params, query }) => getSpaceEvents(deps, ctx, params.id, query),
    }),
    defineRoute(eventEndpoints.createEvent, {
      handler: ({ ctx, params, body }) => createEvent(deps, ctx, params.id, body),
    }),
    defineRoute(eventEndpoints.getSpaceCalendar, {
      personal: true,
      handler: async ({ ctx, params, reply }) => {
        const body = await getSpaceCalendar(deps, ctx, params.id);
        return reply.type(CALENDAR_TYPE).header('Content-Disposition', 'inline; filename="calendar.ics"').send(body);
      },
    }),
    defineRoute(eventEndpoints.getEvent, {
      personal: true,
      handler: ({ ctx, params }) => getEvent(deps, ctx, params.id),
    }),
    defineRoute(eventEndpoints.patchEvent, {
      handler: ({ ctx, params, body }) => patchEvent(deps, ctx, params.id, body, hooks),
    }),
    defineRoute(eventEndpoints.cancelEvent, {
      handler: ({ ctx, params, body }) => cancelEvent(deps, ctx, params.id, body),
    }),
    defineRoute(eventEndpoints.rescheduleEvent, {
      handler: ({ ctx, params, body }) => rescheduleEvent(deps, ctx, params.id, body),
    }),
    defineRoute(eventEndpoints.getEventCalendar, {
      personal: true,
      handler: async ({ ctx, params, reply }) => {
        const body = await getEventCalendar(deps, ctx, params.id);
        return reply.type(CALENDAR_TYPE).header('Content-Disposition', 'attachment; filename="event.ics"').send(body);
      },
    }),
  ];
}
