import type { Organisation, OrganisationAction } from '@samhandling/contracts';
import type { OrganisationRow } from './organisation.repository.ts';

export function presentOrganisation(row: OrganisationRow, allowedActions: OrganisationAction[]): Organisation {
  return {
    id: row.id,
    name: row.name,
    orgNumber: row.org_number,
    sector: row.sector,
    type: row.type as Organisation['type'],
    level: row.level,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    website: row.website,
    description: row.description,
    tags: row.tags,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    allowedActions,
  };
}
