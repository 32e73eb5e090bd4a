import type { Input, InputAction, InputDetail } from '@samhandling/contracts';
import type { InputRow, listStatusChanges } from './input.repository.ts';

/**
 * Row → API shape. The submitter's e-mail address is never read into a row, so it cannot
 * leak here; `internals` adds what only the space's leaders see.
 */
export function presentInput(row: InputRow, allowedActions: InputAction[], internals: boolean): Input {
  const lon = row.lon ?? row.locality_lon;
  const lat = row.lat ?? row.locality_lat;
  return {
    id: row.id,
    spaceId: row.space_id,
    number: row.number,
    text: row.text,
    kind: row.kind,
    theme: row.theme as Input['theme'],
    serviceType: row.service_type,
    goals: row.goals,
    targets: row.targets,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    localityId: row.locality_id,
    localityName: row.locality_name,
    point: lon !== null && lat !== null ? { lon, lat } : null,
    source: row.source,
    channel: row.channel,
    eventId: row.event_id,
    eventTitle: row.event_title,
    eventStartsAt: row.event_starts_at ? row.event_starts_at.toISOString() : null,
    submitterSector: row.submitter_sector,
    submitterAgeGroup: row.submitter_age_group as Input['submitterAgeGroup'],
    status: row.status,
    plannedRef: row.planned_ref_id ? { id: row.planned_ref_id, label: row.planned_ref_label ?? '' } : null,
    measureId: row.measure_id,
    plannedNote: row.planned_note,
    statusChangedAt: row.status_changed_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    hidden: row.hidden_at !== null,
    ...(internals ? { enteredByName: row.entered_by_name, notifiesSubmitter: Boolean(row.notifies) } : {}),
    allowedActions,
  };
}

export function presentTimeline(rows: Awaited<ReturnType<typeof listStatusChanges>>): InputDetail['timeline'] {
  return rows.map((r) => ({
    at: r.at.toISOString(),
    fromStatus: r.from_status as InputDetail['status'] | null,
    toStatus: r.to_status as InputDetail['status'],
    reason: r.reason,
    plannedRef: r.planned_ref_id ? { id: r.planned_ref_id, label: r.planned_ref_label ?? '' } : null,
  }));
}
