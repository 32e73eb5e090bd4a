import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import type { EventRow } from './event.repository.ts';

interface CalendarOptions {
  /** Link to the event page, put in the calendar entry. */
  url: string;
  /** REQUEST for a registrant's invitation and updates, CANCEL when the event is called off; none for downloads. */
  method?: 'request' | 'cancel';
  organizer?: { name: string; email: string };
  attendee?: { name: string; email: string };
  name?: string;
}

/**
 * RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped, every line break as `\n`, other
 * control characters dropped. ical-generator escapes SUMMARY, DESCRIPTION and LOCATION itself but
 * writes the calendar's NAME and X-WR-CALNAME as given, so a space name or event title with CRLF
 * could add properties of its own; those go through here.
 */
export function icalText(value: string): string {
  return plain(value)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Text handed to ical-generator (which escapes it): control characters other than line breaks dropped. */
function plain(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

function locationOf(row: EventRow): string | null {
  const parts = [row.place_name, row.address].filter((p): p is string => !!p).map(plain);
  if (parts.length === 0) return row.online_url;
  return parts.join(', ');
}

function addEvent(calendar: ICalCalendar, row: EventRow, options: CalendarOptions) {
  const description = [row.description && plain(row.description), row.online_url ? `Online: ${row.online_url}` : '', options.url].filter(Boolean).join('\n\n');
  const location = locationOf(row);
  const entry = calendar.createEvent({
    // The UID never changes and SEQUENCE rises on every change: calendars update the entry they have.
    id: row.ical_uid,
    sequence: row.sequence,
    start: row.starts_at,
    end: row.ends_at,
    stamp: row.updated_at,
    created: row.created_at,
    lastModified: row.updated_at,
    summary: plain(row.title),
    description,
    url: options.url,
    status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    ...(location
      ? { location: row.lat !== null && row.lon !== null ? { title: location, geo: { lat: row.lat, lon: row.lon } } : location }
      : {}),
    ...(options.organizer ? { organizer: options.organizer } : {}),
  });
  if (options.attendee) entry.createAttendee({ name: plain(options.attendee.name).replace(/[\r\n]+/g, ' '), email: options.attendee.email, rsvp: false });
}

/** One event as an iCalendar file. */
export function eventCalendar(row: EventRow, options: CalendarOptions): string {
  const calendar = ical({ prodId: { company: 'Samhandling', product: 'samhandling', language: 'SV' }, name: icalText(options.name ?? row.title) });
  if (options.method === 'request') calendar.method(ICalCalendarMethod.REQUEST);
  if (options.method === 'cancel') calendar.method(ICalCalendarMethod.CANCEL);
  addEvent(calendar, row, options);
  return calendar.toString();
}

/** A space's events as a subscribable feed. */
export function spaceCalendar(name: string, rows: { row: EventRow; url: string }[]): string {
  const calendar = ical({ prodId: { company: 'Samhandling', product: 'samhandling', language: 'SV' }, name: icalText(name), ttl: 60 * 60 });
  for (const { row, url } of rows) addEvent(calendar, row, { url });
  return calendar.toString();
}

/** Parses "Name <address>" (MAIL_FROM) into the organizer of calendar invitations. */
export function organizerFrom(mailFrom: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailFrom);
  if (match) return { name: match[1] || 'Samhandling', email: match[2]! };
  return { name: 'Samhandling', email: mailFrom.trim() };
}
