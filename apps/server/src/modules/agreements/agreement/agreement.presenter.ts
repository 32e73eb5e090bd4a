import type { Agreement, AgreementAction, AgreementAdoption, AgreementParty, AgreementSignature, AgreementSummary, PublicAgreement } from '@samhandling/contracts';
import type { AdoptionRow, AgreementRow, PartyRow, SignatureRow, versionsOf } from './agreement.repository.ts';

type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];
type SignatoryRow = { organisation_id: string; user_id: string; title: string; name: string };

export interface AgreementParts {
  versions: VersionRow[];
  parties: PartyRow[];
  adoptions: AdoptionRow[];
  signatories: SignatoryRow[];
  signatures: SignatureRow[];
}

const dateOf = (value: string | Date) => (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));

export function presentAdoption(row: AdoptionRow): AgreementAdoption {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    version: row.version,
    decision: row.decision,
    decisionBody: row.decision_body,
    decidedOn: dateOf(row.decided_on),
    minuteReference: row.minute_reference,
    reason: row.reason,
    recordedAt: row.recorded_at.toISOString(),
  };
}

export function presentSignature(row: SignatureRow, currentVersion: number): AgreementSignature {
  return {
    id: row.id,
    organisationId: row.organisation_id ?? '',
    organisationName: row.organisation_name,
    name: row.name,
    title: row.title,
    signedAt: row.signed_at.toISOString(),
    version: row.version,
    sha256: row.sha256,
    method: row.method,
    current: row.version === currentVersion,
  };
}

/** The required parties: founding parties (not supporting organisations, not those who joined later). */
export const requiredParties = (parties: Pick<PartyRow, 'role' | 'acceded' | 'organisation_id'>[]) => parties.filter((p) => p.role === 'party' && !p.acceded);

/** How many required parties adopted the given version. */
export function adoptedCount(parties: Pick<PartyRow, 'role' | 'acceded' | 'organisation_id'>[], adoptions: Pick<AdoptionRow, 'organisation_id' | 'version' | 'decision'>[], version: number): number {
  return requiredParties(parties).filter((p) => adoptions.some((a) => a.organisation_id === p.organisation_id && a.version === version && a.decision === 'adopted')).length;
}

export function presentSummary(row: AgreementRow, parts: Pick<AgreementParts, 'parties' | 'adoptions'>): AgreementSummary {
  return {
    id: row.id,
    spaceId: row.space_id,
    spaceName: row.space_name,
    title: row.title,
    summary: row.summary,
    status: row.status,
    currentVersion: row.current_version,
    inForceVersion: row.in_force_version,
    inForceSince: row.in_force_since?.toISOString() ?? null,
    partiesAdopted: adoptedCount(parts.parties, parts.adoptions, row.current_version),
    partiesRequired: requiredParties(parts.parties).length,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentAgreement(row: AgreementRow, parts: AgreementParts, options: { showContacts: boolean; allowedActions: AgreementAction[] }): Agreement {
  const current = parts.versions.find((v) => v.number === row.current_version);
  const parties = parts.parties.map((p): AgreementParty => {
    const mine = parts.adoptions.filter((a) => a.organisation_id === p.organisation_id);
    // An acceded party's decision is on the version in force when it joined; a founding party's on the current one.
    const decision = mine.filter((a) => a.version === row.current_version).at(-1) ?? (p.acceded ? mine.at(-1) : undefined);
    return {
      organisationId: p.organisation_id,
      organisationName: p.organisation_name,
      role: p.role,
      acceded: p.acceded,
      state: decision ? decision.decision : row.status === 'draft' ? 'invited' : 'reviewing',
      contactName: options.showContacts ? p.contact_name : null,
      decision: decision ? presentAdoption(decision) : null,
      signatories: parts.signatories.filter((s) => s.organisation_id === p.organisation_id).map((s) => ({ userId: s.user_id, name: s.name, title: s.title })),
    };
  });
  return {
    ...presentSummary(row, parts),
    sections: current?.sections ?? [],
    sha256: current?.sha256 ?? '',
    readoptionNeeded: row.in_force_version !== null && row.in_force_version < row.current_version && row.status === 'adoption',
    versions: parts.versions.map((v) => ({
      number: v.number,
      sections: v.sections,
      sha256: v.sha256,
      createdAt: v.created_at.toISOString(),
      createdByName: v.created_by_name,
      adoptedBy: parts.adoptions.filter((a) => a.version === v.number && a.decision === 'adopted').map((a) => a.organisation_name),
    })),
    parties,
    adoptions: parts.adoptions.map(presentAdoption),
    signatures: parts.signatures.map((s) => presentSignature(s, row.current_version)),
    allowedActions: options.allowedActions,
  };
}

/** The text in force with each party's decision on it. */
export function presentPublic(row: AgreementRow, parts: AgreementParts): PublicAgreement {
  const number = row.in_force_version ?? row.current_version;
  const version = parts.versions.find((v) => v.number === number);
  return {
    id: row.id,
    spaceId: row.space_id,
    spaceName: row.space_name,
    title: row.title,
    summary: row.summary,
    status: row.status,
    version: number,
    sha256: version?.sha256 ?? '',
    inForceSince: row.in_force_since?.toISOString() ?? null,
    sections: version?.sections ?? [],
    parties: parts.parties
      .filter((p) => p.role === 'party' || parts.adoptions.some((a) => a.organisation_id === p.organisation_id))
      .map((p) => {
        const decision = parts.adoptions.filter((a) => a.organisation_id === p.organisation_id && a.decision === 'adopted' && a.version <= number).at(-1);
        return {
          organisationId: p.organisation_id,
          organisationName: p.organisation_name,
          role: p.role,
          acceded: p.acceded,
          decisionBody: decision?.decision_body ?? null,
          decidedOn: decision ? dateOf(decision.decided_on) : null,
          minuteReference: decision?.minute_reference ?? null,
        };
      }),
    signatures: parts.signatures.map((s) => presentSignature(s, number)),
  };
}
