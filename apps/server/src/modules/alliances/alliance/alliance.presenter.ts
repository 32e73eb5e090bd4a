import type { Alliance, AllianceAction, AllianceMember, AllianceSummary } from '@samhandling/contracts';
import type { AllianceRow, MemberRow } from './alliance.repository.ts';

export function presentMember(row: MemberRow, showContact: boolean): AllianceMember {
  return {
    organisationId: row.organisation_id,
    organisationName: row.name,
    sector: row.sector as AllianceMember['sector'],
    municipalityCode: row.municipality_code,
    status: row.status,
    contactPersonId: showContact ? row.contact_person_id : null,
    contactPersonName: showContact ? (row.contact_name ?? null) : null,
    since: (row.joined_at ?? row.created_at).toISOString(),
  };
}

export function presentAllianceSummary(row: AllianceRow, extra: { spaceName: string; memberCount: number; initiativeCount: number; municipalityCodes: string[] }): AllianceSummary {
  return {
    id: row.id,
    spaceId: row.space_id,
    spaceName: extra.spaceName,
    name: row.name,
    purpose: row.purpose,
    goals: [...row.goals].sort((a, b) => a - b),
    targets: row.targets,
    memberCount: extra.memberCount,
    initiativeCount: extra.initiativeCount,
    municipalityCodes: extra.municipalityCodes,
  };
}

export function presentAlliance(
  row: AllianceRow,
  extra: {
    spaceName: string;
    members: AllianceMember[];
    initiativeCount: number;
    municipalityCodes: string[];
    representedOrganisations: { id: string; name: string }[];
    allowedActions: AllianceAction[];
  },
): Alliance {
  return {
    ...presentAllianceSummary(row, { spaceName: extra.spaceName, memberCount: extra.members.filter((m) => m.status === 'member').length, initiativeCount: extra.initiativeCount, municipalityCodes: extra.municipalityCodes }),
    public: row.public,
    members: extra.members,
    representedOrganisations: extra.representedOrganisations,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    allowedActions: extra.allowedActions,
  };
}
