import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { event, eventCancelInput, eventInput, eventPatch, eventRescheduleInput, eventsQuery } from '../dialogues.ts';

/** The event endpoints (the server's event.routes.ts implements them). */
export const eventEndpoints = {
  getSpaceEvents: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/events',
    access: 'public',
    summary: "A space's events (kick-offs, village forums, knowledge dialogues, workshops…), soonest first",
    tags: ['dialogues'],
    params: idParams,
    query: eventsQuery,
    response: z.array(event),
  }),
  createEvent: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/events',
    access: 'signed_in',
    summary: 'Plan an event in a space (ISO 8601 times with offset; capacity = seats on site)',
    tags: ['dialogues'],
    params: idParams,
    body: eventInput,
    response: event,
    status: 201,
  }),
  getSpaceCalendar: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/calendar.ics',
    access: 'public',
    summary: "iCalendar feed of a space's events",
    tags: ['dialogues'],
    params: idParams,
  }),
  getEvent: endpoint({
    method: 'GET',
    path: '/api/events/:id',
    access: 'public',
    summary: 'One event with free seats and what the caller may do (404 when its space is hidden)',
    tags: ['dialogues'],
    params: idParams,
    response: event,
  }),
  patchEvent: endpoint({
    method: 'PATCH',
    path: '/api/events/:id',
    access: 'signed_in',
    summary: 'Edit an event; a new time or place e-mails registrants an updated calendar file, more seats promote the waitlist',
    tags: ['dialogues'],
    params: idParams,
    body: eventPatch,
    response: event,
  }),
  cancelEvent: endpoint({
    method: 'POST',
    path: '/api/events/:id/cancel',
    access: 'signed_in',
    summary: 'Cancel an event; every registrant is e-mailed a cancelling calendar file (same UID, higher SEQUENCE)',
    tags: ['dialogues'],
    params: idParams,
    body: eventCancelInput,
    response: event,
  }),
  rescheduleEvent: endpoint({
    method: 'POST',
    path: '/api/events/:id/reschedule',
    access: 'signed_in',
    summary: 'Move an event; every registrant is e-mailed the new time with an updated calendar file',
    tags: ['dialogues'],
    params: idParams,
    body: eventRescheduleInput,
    response: event,
  }),
  getEventCalendar: endpoint({
    method: 'GET',
    path: '/api/events/:id/calendar.ics',
    access: 'public',
    summary: 'The event as an iCalendar file',
    tags: ['dialogues'],
    params: idParams,
  }),
};
