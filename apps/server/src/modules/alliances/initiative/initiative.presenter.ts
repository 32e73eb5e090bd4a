import type { Initiative, InitiativeAction, InitiativePartner, InitiativeSummary, InitiativeUpdate } from '@samhandling/contracts';
import type { InitiativeSummaryRow, PartnerRow } from './initiative.repository.ts';

export function presentInitiativeSummary(row: InitiativeSummaryRow): InitiativeSummary {
  return {
    id: row.id,
    allianceId: row.alliance_id,
    allianceName: row.alliance_name,
    spaceId: row.space_id,
    title: row.title,
    status: row.status,
    leadOrganisationId: row.lead_organisation_id,
    leadOrganisationName: row.lead_name,
    partnerCount: Number(row.partner_count),
    goals: [...row.goals].sort((a, b) => a - b),
    targets: row.targets,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name ?? null,
    placeName: row.place_name,
    lon: row.lon,
    lat: row.lat,
    startDate: row.start_date,
    endDate: row.end_date,
  };
}

export function presentPartner(row: PartnerRow): InitiativePartner {
  return {
    organisationId: row.organisation_id,
    organisationName: row.name,
    sector: row.sector as InitiativePartner['sector'],
    commitment: row.commitment,
    status: row.status,
    since: (row.accepted_at ?? row.created_at).toISOString(),
  };
}

export function presentInitiative(
  row: InitiativeSummaryRow,
  extra: { partners: InitiativePartner[]; updates: InitiativeUpdate[]; representedOrganisations: { id: string; name: string }[]; allowedActions: InitiativeAction[] },
): Initiative {
  return {
    ...presentInitiativeSummary(row),
    description: row.description,
    results: row.results,
    indicators: row.indicators.map((i) => ({ name: i.name, value: i.value, unit: i.unit ?? '' })),
    partners: extra.partners,
    updates: extra.updates,
    representedOrganisations: extra.representedOrganisations,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    allowedActions: extra.allowedActions,
  };
}
