import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Deps } from '../../../platform/deps.ts';
import { consentLink } from '../../../platform/consent-link.ts';
import type { MailMessage } from '../../../platform/mail.ts';
import { translate, type Language } from '../../../platform/messages.ts';
import { hashToken } from '../../../platform/secrets.ts';
import { eventCalendar, organizerFrom } from '../event/event-calendar.ts';
import type { EventRow } from '../event/event.repository.ts';
import type { RegistrationRow } from './registration.repository.ts';
import { qrCodePng, qrCodeSvg } from '../../../platform/qr-code.ts';

/** "tisdag 3 mars 2026 kl. 18:00–20:00" in the event's time zone. */
export function formatWhen(language: Language, start: Date, end: Date, timeZone = 'Europe/Stockholm'): string {
  const locale = language === 'sv' ? 'sv-SE' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const sameDay = day.format(start) === day.format(end);
  const at = language === 'sv' ? 'kl.' : 'at';
  return sameDay
    ? `${day.format(start)} ${at} ${time.format(start)}–${time.format(end)}`
    : `${day.format(start)} ${at} ${time.format(start)} – ${day.format(end)} ${at} ${time.format(end)}`;
}

export function whereOf(event: EventRow, mode: string): string {
  if (mode === 'online') return event.online_url ?? '';
  return [event.place_name, event.address].filter(Boolean).join(', ');
}

/** The code in the check-in QR: derived from the registration id with the server secret, so it can be shown again. */
export function checkInCode(deps: Deps, registrationId: string): string {
  return hashToken(deps.config.sessionSecret, `check-in:${registrationId}`);
}

/** The participant's key to their registration, derived the same way, so every later mail can carry the link. */
export function cancelToken(deps: Deps, registrationId: string): string {
  return hashToken(deps.config.sessionSecret, `cancel:${registrationId}`);
}

export function checkInUrl(origin: string, registrationId: string, code: string): string {
  return `${origin}/check-in/${registrationId}#code=${code}`;
}

export function registrationLink(origin: string, registrationId: string, token: string): string {
  return `${origin}/registrations/${registrationId}#token=${token}`;
}

export function eventLink(origin: string, eventId: string): string {
  return `${origin}/events/${eventId}`;
}

export type RegistrationMailKind =
  | 'registration_confirmed'
  | 'registration_waitlisted'
  | 'registration_promoted'
  | 'registration_cancelled'
  | 'event_cancelled'
  | 'event_rescheduled'
  | 'event_changed';

interface MailContext {
  origin: string;
  position?: number;
  reason?: string | null;
  before?: { startsAt: Date; endsAt: Date };
}

/**
 * Queues one mail to a registrant in the outbox (inside the caller's transaction), with the
 * calendar file (and the check-in QR when they have a seat on site).
 */
export async function queueRegistrationMail(
  deps: Deps,
  trx: Kysely<Database>,
  kind: RegistrationMailKind,
  event: EventRow,
  registration: RegistrationRow,
  mail: MailContext,
): Promise<void> {
  // A person who withdrew their consent is e-mailed no more (their address is erased).
  if (!registration.email || registration.consent_withdrawn_at) return;
  const language: Language = registration.language === 'en' ? 'en' : 'sv';
  const seatOnSite =
    registration.status === 'confirmed' &&
    registration.mode === 'on_site' &&
    kind !== 'event_cancelled' &&
    kind !== 'registration_cancelled';
  const checkIn = checkInUrl(mail.origin, registration.id, checkInCode(deps, registration.id));
  const params = {
    checkIn: seatOnSite ? translate(language, 'mail.check_in_link', { url: checkIn }) : '',
    name: registration.name,
    title: event.title,
    when: formatWhen(language, event.starts_at, event.ends_at, event.time_zone),
    where: whereOf(event, registration.mode),
    mode: translate(language, `mode.${registration.mode}`),
    position: mail.position ?? 0,
    link: registrationLink(mail.origin, registration.id, cancelToken(deps, registration.id)),
    reason: mail.reason ? translate(language, 'mail.reason', { reason: mail.reason }) : '',
    before: mail.before ? formatWhen(language, mail.before.startsAt, mail.before.endsAt, event.time_zone) : '',
  };
  const attachments: NonNullable<MailMessage['attachments']> = [];
  const live = registration.status !== 'cancelled';
  const withCalendar =
    kind === 'event_cancelled' || (live && registration.status === 'confirmed') || kind === 'event_rescheduled' || kind === 'event_changed';
  if (withCalendar) {
    const method = kind === 'event_cancelled' ? 'cancel' : 'request';
    const ics = eventCalendar(event, {
      url: eventLink(mail.origin, event.id),
      method,
      organizer: organizerFrom(deps.config.mailFrom),
      attendee: { name: registration.name, email: registration.email },
    });
    attachments.push({
      filename: 'event.ics',
      contentType: `text/calendar; charset=utf-8; method=${method.toUpperCase()}`,
      content: Buffer.from(ics, 'utf8').toString('base64'),
    });
  }
  if (seatOnSite) {
    const png = await qrCodePng(checkIn);
    attachments.push({
      filename: language === 'sv' ? 'incheckning.png' : 'check-in.png',
      contentType: 'image/png',
      content: png.toString('base64'),
    });
  }
  await deps.mailer.enqueue(trx, {
    to: [registration.email],
    subject: translate(language, `mail.${kind}.subject`, params),
    text: `${translate(language, `mail.${kind}.text`, params)}\n\n${translate(language, 'mail.consent_withdraw', { link: consentLink(mail.origin, deps.config.sessionSecret, 'registration', registration.id) })}\n\n${translate(language, 'mail.signature')}`,
    attachments,
  });
}

export async function checkInQrSvg(deps: Deps, origin: string, registrationId: string): Promise<string> {
  return qrCodeSvg(checkInUrl(origin, registrationId, checkInCode(deps, registrationId)), 2);
}
