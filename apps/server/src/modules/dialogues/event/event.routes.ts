import { event, eventCancelInput, eventInput, eventPatch, eventRescheduleInput, eventsQuery, idParams } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { registrationHooks } from '../registration/registration.service.ts';
import { cancelEvent, rescheduleEvent } from './event-commands.ts';
import { createEvent, getEvent, getEventCalendar, getSpaceCalendar, getSpaceEvents, patchEvent } from './event.service.ts';

const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

export function eventRoutes(deps: Deps) {
  const hooks = registrationHooks(deps);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/events',
      access: 'public',
      personal: true,
      summary: "A space's events (kick-offs, village forums, knowledge dialogues, workshops…), soonest first",
      tags: ['dialogues'],
      params: idParams,
      query: eventsQuery,
      response: z.array(event),
      handler: ({ ctx, params, query }) => getSpaceEvents(deps, ctx, params.id, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/spaces/:id/events',
      access: 'signed_in',
      summary: 'Plan an event in a space (ISO 8601 times with offset; capacity = seats on site)',
      tags: ['dialogues'],
      params: idParams,
      body: eventInput,
      response: event,
      status: 201,
      handler: ({ ctx, params, body }) => createEvent(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/calendar.ics',
      access: 'public',
      personal: true,
      summary: "iCalendar feed of a space's events",
      tags: ['dialogues'],
      params: idParams,
      handler: async ({ ctx, params, reply }) => {
        const body = await getSpaceCalendar(deps, ctx, params.id);
        return reply.type(CALENDAR_TYPE).header('Content-Disposition', 'inline; filename="calendar.ics"').send(body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/events/:id',
      access: 'public',
      personal: true,
      summary: 'One event with free seats and what the caller may do (404 when its space is hidden)',
      tags: ['dialogues'],
      params: idParams,
      response: event,
      handler: ({ ctx, params }) => getEvent(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/events/:id',
      access: 'signed_in',
      summary: 'Edit an event; a new time or place e-mails registrants an updated calendar file, more seats promote the waitlist',
      tags: ['dialogues'],
      params: idParams,
      body: eventPatch,
      response: event,
      handler: ({ ctx, params, body }) => patchEvent(deps, ctx, params.id, body, hooks),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/events/:id/cancel',
      access: 'signed_in',
      summary: 'Cancel an event; every registrant is e-mailed a cancelling calendar file (same UID, higher SEQUENCE)',
      tags: ['dialogues'],
      params: idParams,
      body: eventCancelInput,
      response: event,
      handler: ({ ctx, params, body }) => cancelEvent(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/events/:id/reschedule',
      access: 'signed_in',
      summary: 'Move an event; every registrant is e-mailed the new time with an updated calendar file',
      tags: ['dialogues'],
      params: idParams,
      body: eventRescheduleInput,
      response: event,
      handler: ({ ctx, params, body }) => rescheduleEvent(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/events/:id/calendar.ics',
      access: 'public',
      personal: true,
      summary: 'The event as an iCalendar file',
      tags: ['dialogues'],
      params: idParams,
      handler: async ({ ctx, params, reply }) => {
        const body = await getEventCalendar(deps, ctx, params.id);
        return reply.type(CALENDAR_TYPE).header('Content-Disposition', 'attachment; filename="event.ics"').send(body);
      },
    }),
  ];
}
