import type { AttendanceMode } from '@samhandling/contracts';
import type { EventRow } from '../event/event.repository.ts';

/** The registration rules in one place: the event page shows them, registering enforces them. */

/** Ways to take part: online when there is a link or online places, on site when there is a place (or no online). */
export function modesOf(
  row: Pick<EventRow, 'online_url' | 'online_capacity' | 'place_name' | 'address' | 'lon' | 'capacity'>,
): AttendanceMode[] {
  const online = row.online_url !== null || row.online_capacity !== null;
  const onSite = row.place_name !== null || row.address !== null || row.lon !== null || row.capacity !== null || !online;
  return [...(onSite ? (['on_site'] as const) : []), ...(online ? (['online'] as const) : [])];
}

export function isRegistrationOpen(
  row: Pick<EventRow, 'status' | 'ends_at' | 'registration_opens_at' | 'registration_closes_at'>,
  now: Date,
): boolean {
  if (row.status !== 'scheduled') return false;
  if (row.ends_at.getTime() <= now.getTime()) return false;
  if (row.registration_opens_at && now.getTime() < row.registration_opens_at.getTime()) return false;
  if (row.registration_closes_at && now.getTime() >= row.registration_closes_at.getTime()) return false;
  return true;
}

/** The seats of one way of taking part; null: no limit. */
export function capacityOf(event: Pick<EventRow, 'capacity' | 'online_capacity'>, mode: string): number | null {
  return mode === 'online' ? event.online_capacity : event.capacity;
}
