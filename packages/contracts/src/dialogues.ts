import { z } from 'zod';
import { ageGroup, sector } from './actors.ts';
import { agenda2030Tags } from './agenda2030.ts';
import { email, municipalityCode, line, webUrl } from './common.ts';

export const eventKind = z.enum(['kick_off', 'village_forum', 'knowledge_dialogue', 'workshop', 'seminar', 'test_session', 'other']);
export type EventKind = z.infer<typeof eventKind>;
export const EVENT_KINDS = eventKind.options;

export const registrationQuestion = z.enum(['organisation', 'sector', 'age_group', 'dietary_needs', 'accessibility_needs']);
export type RegistrationQuestion = z.infer<typeof registrationQuestion>;
export const REGISTRATION_QUESTIONS = registrationQuestion.options;

/** ISO 8601 with an offset (…Z or …+01:00); stored as an instant, shown in Europe/Stockholm. */
export const isoDateTime = z.iso.datetime({ offset: true });

export const agendaItem = z.strictObject({
  startsAt: isoDateTime,
  endsAt: isoDateTime.nullable().optional(),
  title: line().min(1).max(200),
  description: z.string().trim().max(2000).optional(),
});

const httpsUrl = webUrl(500);

const eventFields = {
  kind: eventKind,
  title: line().min(2).max(200),
  description: z.string().trim().max(10000).optional(),
  /** A page anyone can see and register on, also in a members-only space (a public space's events always are). */
  public: z.boolean().optional(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  municipalityCode: municipalityCode.nullable().optional(),
  workingGroupId: z.uuid().nullable().optional(),
  placeName: line().max(200).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  lon: z.number().min(10, { message: 'validation.longitude' }).max(25, { message: 'validation.longitude' }).nullable().optional(),
  lat: z.number().min(55, { message: 'validation.latitude' }).max(70, { message: 'validation.latitude' }).nullable().optional(),
  onlineUrl: httpsUrl.nullable().optional(),
  /** Seats on site; null or absent: no limit. */
  capacity: z.number().int().min(0).max(100000).nullable().optional(),
  /** Places online; null or absent: no limit (when there is an online link). */
  onlineCapacity: z.number().int().min(0).max(100000).nullable().optional(),
  registrationOpensAt: isoDateTime.nullable().optional(),
  registrationClosesAt: isoDateTime.nullable().optional(),
  questions: z.array(registrationQuestion).max(5).optional(),
  agenda: z.array(agendaItem).max(50).optional(),
  cohostIds: z.array(z.uuid()).max(30).optional(),
  /** The event's theme goals and targets (theme-built meetings). */
  goals: agenda2030Tags.goals.optional(),
  targets: agenda2030Tags.targets.optional(),
};

const endAfterStart = (e: { startsAt?: string | undefined; endsAt?: string | undefined }) =>
  !e.startsAt || !e.endsAt || Date.parse(e.endsAt) > Date.parse(e.startsAt);
const windowInOrder = (e: { registrationOpensAt?: string | null | undefined; registrationClosesAt?: string | null | undefined }) =>
  !e.registrationOpensAt || !e.registrationClosesAt || Date.parse(e.registrationClosesAt) > Date.parse(e.registrationOpensAt);

export const eventInput = z
  .strictObject(eventFields)
  .refine(endAfterStart, { message: 'validation.end_before_start', path: ['endsAt'] })
  .refine(windowInOrder, { message: 'validation.end_before_start', path: ['registrationClosesAt'] });
export type EventInput = z.input<typeof eventInput>;

export const eventPatch = z
  .strictObject(
    Object.fromEntries(Object.entries(eventFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof eventFields]: z.ZodOptional<(typeof eventFields)[K]>;
    },
  )
  .refine(endAfterStart, { message: 'validation.end_before_start', path: ['endsAt'] })
  .refine(windowInOrder, { message: 'validation.end_before_start', path: ['registrationClosesAt'] });

export const eventCancelInput = z.strictObject({ reason: z.string().trim().max(2000).optional() });
export const eventRescheduleInput = z
  .strictObject({ startsAt: isoDateTime, endsAt: isoDateTime, reason: z.string().trim().max(2000).optional() })
  .refine(endAfterStart, { message: 'validation.end_before_start', path: ['endsAt'] });

export const attendanceMode = z.enum(['on_site', 'online']);
export type AttendanceMode = z.infer<typeof attendanceMode>;
export const eventStatus = z.enum(['scheduled', 'cancelled']);

const seats = z.object({
  capacity: z.number().nullable(),
  confirmed: z.number(),
  waitlisted: z.number(),
  available: z.number().nullable(),
});

/** What the caller may do with an event (its `allowedActions`). */
export const eventAction = z.enum(['view', 'view_statistics', 'view_documents', 'register', 'update', 'upload_documents', 'cancel', 'reschedule', 'view_registrations', 'mark_attendance', 'check_in']);
export type EventAction = z.infer<typeof eventAction>;

export const event = z.object({
  id: z.string(),
  spaceId: z.string(),
  spaceName: z.string(),
  kind: eventKind,
  title: z.string(),
  description: z.string(),
  public: z.boolean(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  municipalityCode: z.string().nullable(),
  workingGroupId: z.string().nullable(),
  placeName: z.string().nullable(),
  address: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  onlineUrl: z.string().nullable(),
  /** Which ways one can take part: on site, online or both (hybrid). */
  modes: z.array(attendanceMode),
  capacity: z.number().nullable(),
  onlineCapacity: z.number().nullable(),
  seats: z.object({ on_site: seats, online: seats }),
  registrationOpensAt: z.string().nullable(),
  registrationClosesAt: z.string().nullable(),
  registrationOpen: z.boolean(),
  questions: z.array(registrationQuestion),
  agenda: z.array(z.object({ startsAt: z.string(), endsAt: z.string().nullable(), title: z.string(), description: z.string() })),
  cohosts: z.array(z.object({ id: z.string(), name: z.string() })),
  goals: z.array(z.number()),
  targets: z.array(z.string()),
  status: eventStatus,
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  rescheduledAt: z.string().nullable(),
  sequence: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(eventAction),
});
export type Event = z.infer<typeof event>;

export const eventsQuery = z.object({
  /** upcoming (default): not yet ended; past; all. */
  when: z.enum(['upcoming', 'past', 'all']).default('all'),
  kind: eventKind.optional(),
});

export const registrationInput = z.strictObject({
  name: line().min(1).max(200),
  email,
  mode: attendanceMode.optional(),
  organisation: line().max(200).nullable().optional(),
  organisationId: z.uuid().nullable().optional(),
  sector: sector.nullable().optional(),
  ageGroup: ageGroup.nullable().optional(),
  dietaryNeeds: z.string().trim().max(500).nullable().optional(),
  accessibilityNeeds: z.string().trim().max(500).nullable().optional(),
  /** The e-mail and its calendar file in this language (default: the request's). */
  language: z.enum(['sv', 'en']).optional(),
});
export type RegistrationInput = z.input<typeof registrationInput>;

export const registrationStatus = z.enum(['confirmed', 'waitlisted', 'cancelled']);
export type RegistrationStatus = z.infer<typeof registrationStatus>;

/** What the person who registered gets back, once: the token is their key to cancel. */
export const registrationReceipt = z.object({
  id: z.string(),
  eventId: z.string(),
  status: registrationStatus,
  mode: attendanceMode,
  /** Place in the waitlist (1 = next), when waitlisted. */
  waitlistPosition: z.number().nullable(),
  cancelToken: z.string(),
});

export const registrationTokenQuery = z.object({ token: z.string().min(20).max(100).optional() });

/** The participant's own view through their link. */
export const ownRegistration = z.object({
  id: z.string(),
  event: z.object({
    id: z.string(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    status: eventStatus,
    placeName: z.string().nullable(),
    address: z.string().nullable(),
    onlineUrl: z.string().nullable(),
  }),
  name: z.string(),
  status: registrationStatus,
  mode: attendanceMode,
  waitlistPosition: z.number().nullable(),
  checkedIn: z.boolean(),
  /** The check-in QR as SVG, for the door (only while confirmed on site). */
  checkInQrSvg: z.string().nullable(),
});

/** A registration as its event's leaders see it (personal data). */
export const registration = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  mode: attendanceMode,
  status: registrationStatus,
  waitlistPosition: z.number().nullable(),
  organisation: z.string().nullable(),
  sector: sector.nullable(),
  ageGroup: ageGroup.nullable(),
  dietaryNeeds: z.string().nullable(),
  accessibilityNeeds: z.string().nullable(),
  signedIn: z.boolean(),
  checkedInAt: z.string().nullable(),
  checkInMethod: z.enum(['qr', 'manual']).nullable(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  /** Set when the registrant withdrew their consent (their data is erased). */
  consentWithdrawnAt: z.string().nullable().optional(),
});
export type Registration = z.infer<typeof registration>;

export const registrationPatch = z.strictObject({ attended: z.boolean() });
export const checkInInput = z.strictObject({ code: z.string().min(20).max(100) });
export const checkInResult = z.object({ registration, alreadyCheckedIn: z.boolean() });

const countBy = z.record(z.string(), z.number());
/** Attendance figures a project reports: registered and attended, by sector, age group and mode. */
export const eventStatistics = z.object({
  registered: z.number(),
  waitlisted: z.number(),
  cancelled: z.number(),
  attended: z.number(),
  bySector: z.record(z.string(), z.object({ registered: z.number(), attended: z.number() })),
  byAgeGroup: z.record(z.string(), z.object({ registered: z.number(), attended: z.number() })),
  byMode: z.record(z.string(), z.object({ registered: z.number(), attended: z.number() })),
  sectorsPresent: z.number(),
  unknown: countBy,
});
export type EventStatistics = z.infer<typeof eventStatistics>;

export const documentKind = z.enum(['minutes', 'presentation', 'document']);
/** What the caller may do with an event document (its `allowedActions`). */
export const eventDocumentAction = z.enum(['download', 'delete']);
export type EventDocumentAction = z.infer<typeof eventDocumentAction>;

export const eventDocument = z.object({
  id: z.string(),
  eventId: z.string(),
  kind: documentKind,
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdAt: z.string(),
  allowedActions: z.array(eventDocumentAction),
});
export type EventDocument = z.infer<typeof eventDocument>;
export const eventDocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });
