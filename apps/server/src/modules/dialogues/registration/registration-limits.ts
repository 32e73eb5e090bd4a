import type { RateRule } from '../../../platform/rate-limit.ts';

export const REGISTRATION_WINDOW_MS = 60 * 60 * 1000;
/**
 * Registrations from one client address for one event per hour: a household or an office
 * sharing a connection gets through, a script filling an event's seats (or the outbox with
 * made-up addresses) does not. Leaders registering people for their own event are not counted.
 */
export const MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT = 10;
/** Registrations from one client address for all events together per hour. */
export const MAX_REGISTRATIONS_PER_ADDRESS = 30;

export const registrationsPerEventRule: RateRule = {
  bucket: 'registration.address_event',
  max: MAX_REGISTRATIONS_PER_ADDRESS_AND_EVENT,
  windowMs: REGISTRATION_WINDOW_MS,
};
export const registrationsPerAddressRule: RateRule = {
  bucket: 'registration.address',
  max: MAX_REGISTRATIONS_PER_ADDRESS,
  windowMs: REGISTRATION_WINDOW_MS,
};
