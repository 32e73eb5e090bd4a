import { engineTypesOfKinds, type ServiceKind, type ServicePoint, type ServicePointAction, type ServicePointChange } from '@samhandling/contracts';
import { isOpenAt, openingWeek } from './opening-hours.ts';
import type { ServicePointRow } from './service-point.repository.ts';

/** The editable fields of a row in the API's names: what history and suggestions compare. */
export function pointFieldsOf(row: ServicePointRow) {
  return {
    name: row.name,
    lon: row.lon,
    lat: row.lat,
    address: row.address,
    municipalityCode: row.municipality_code,
    kinds: row.kinds as ServiceKind[],
    operatorOrganisationId: row.operator_organisation_id,
    staffed: row.staffed,
    openingHours: row.opening_hours,
    seasonal: row.seasonal,
    seasonNote: row.season_note,
    status: row.status,
    statusDate: row.status_date,
    openedOn: row.opened_on,
    supports: row.supports.map((s) => ({ kind: s.kind, year: s.year, amountSek: s.amountSek, source: s.source })) as ServicePoint['supports'],
    sources: row.sources,
    notes: row.notes,
  };
}
export type PointFields = ReturnType<typeof pointFieldsOf>;

export function presentServicePoint(row: ServicePointRow, allowedActions: ServicePointAction[], now: Date, detail: boolean): ServicePoint {
  return {
    id: row.id,
    spaceId: row.space_id,
    externalId: row.external_id,
    ...pointFieldsOf(row),
    municipalityName: row.municipality_name,
    engineTypes: engineTypesOfKinds(row.kinds),
    operatorName: row.operator_name,
    openingWeek: detail && row.opening_hours ? openingWeek(row.opening_hours, now) : null,
    openNow: row.opening_hours && row.status !== 'closed' ? isOpenAt(row.opening_hours, now) : row.status === 'closed' ? false : null,
    pendingSuggestions: Number(row.pending_suggestions ?? 0),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    allowedActions,
  };
}

export function presentChange(
  row: { id: string; at: Date; kind: ServicePointChange['kind']; changes: Record<string, { from: unknown; to: unknown }>; suggestion_id: string | null; note: string; actor_name: string | null },
  showWho: boolean,
): ServicePointChange {
  return {
    id: row.id,
    at: row.at.toISOString(),
    kind: row.kind,
    actorName: showWho ? row.actor_name : null,
    changes: row.changes,
    suggestionId: row.suggestion_id,
    note: row.note,
  };
}
