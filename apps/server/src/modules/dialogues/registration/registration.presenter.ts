import type { Registration } from '@samhandling/contracts';
import type { RegistrationRow } from './registration.repository.ts';

export function presentRegistration(row: RegistrationRow, waitlistPosition: number | null): Registration {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    mode: row.mode,
    status: row.status,
    waitlistPosition,
    organisation: row.organisation_name,
    sector: row.sector as Registration['sector'],
    ageGroup: row.age_group as Registration['ageGroup'],
    dietaryNeeds: row.dietary_needs,
    accessibilityNeeds: row.accessibility_needs,
    signedIn: row.user_id !== null,
    checkedInAt: row.checked_in_at?.toISOString() ?? null,
    checkInMethod: row.check_in_method,
    createdAt: row.created_at.toISOString(),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    consentWithdrawnAt: row.consent_withdrawn_at?.toISOString() ?? null,
  };
}

/** Waitlist positions for a list in arrival order: 1 = next in line, per mode. */
export function waitlistPositions(rows: RegistrationRow[]): Map<string, number> {
  const counters = new Map<string, number>();
  const positions = new Map<string, number>();
  for (const row of rows) {
    if (row.status !== 'waitlisted') continue;
    const next = (counters.get(row.mode) ?? 0) + 1;
    counters.set(row.mode, next);
    positions.set(row.id, next);
  }
  return positions;
}
