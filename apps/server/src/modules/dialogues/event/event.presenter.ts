import type { AttendanceMode, Event, EventAction } from '@samhandling/contracts';
import { isRegistrationOpen, modesOf } from '../registration/registration-rules.ts';
import type { EventRow } from './event.repository.ts';

export interface SeatCount {
  mode: string;
  status: string;
  count: number;
}

function seatsFor(capacity: number | null, counts: SeatCount[], mode: AttendanceMode) {
  const confirmed = counts.find((c) => c.mode === mode && c.status === 'confirmed')?.count ?? 0;
  const waitlisted = counts.find((c) => c.mode === mode && c.status === 'waitlisted')?.count ?? 0;
  return { capacity, confirmed, waitlisted, available: capacity === null ? null : Math.max(0, capacity - confirmed) };
}

export function presentEvent(
  row: EventRow,
  extra: { spaceName: string; cohosts: { id: string; name: string }[]; counts: SeatCount[]; now: Date; allowedActions: EventAction[] },
): Event {
  return {
    id: row.id,
    spaceId: row.space_id,
    spaceName: extra.spaceName,
    kind: row.kind,
    title: row.title,
    description: row.description,
    public: row.public,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    timeZone: row.time_zone,
    municipalityCode: row.municipality_code,
    workingGroupId: row.working_group_id,
    placeName: row.place_name,
    address: row.address,
    lon: row.lon,
    lat: row.lat,
    onlineUrl: row.online_url,
    modes: modesOf(row),
    capacity: row.capacity,
    onlineCapacity: row.online_capacity,
    seats: { on_site: seatsFor(row.capacity, extra.counts, 'on_site'), online: seatsFor(row.online_capacity, extra.counts, 'online') },
    registrationOpensAt: row.registration_opens_at?.toISOString() ?? null,
    registrationClosesAt: row.registration_closes_at?.toISOString() ?? null,
    registrationOpen: isRegistrationOpen(row, extra.now),
    questions: row.questions,
    agenda: row.agenda.map((a) => ({ startsAt: a.startsAt, endsAt: a.endsAt ?? null, title: a.title, description: a.description ?? '' })),
    cohosts: extra.cohosts,
    goals: row.goals,
    targets: row.targets,
    status: row.status,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    cancelReason: row.cancel_reason,
    rescheduledAt: row.rescheduled_at?.toISOString() ?? null,
    sequence: row.sequence,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    allowedActions: extra.allowedActions,
  };
}
