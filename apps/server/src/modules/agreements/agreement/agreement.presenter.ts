import type { Agreement, AgreementAction, AgreementAdoption, AgreementExtract, AgreementParty, AgreementSignature, AgreementSummary, PublicAgreement } from '@samhandling/contracts';
import type { ExtractRow } from '../agreement-extract/agreement-extract.repository.ts';
import type { AdoptionRow, AgreementRow, PartyRow, SignatureRow, versionsOf } from './agreement.repository.ts';

type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];
type SignatoryRow = { organisation_id: string; user_id: string; title: string; name: string };

export interface AgreementParts {
  versions: VersionRow[];
  parties: PartyRow[];
  adoptions: AdoptionRow[];
  signatories: SignatoryRow[];
  signatures: SignatureRow[];
  /** The decisions' protocol extracts. */
  extracts: ExtractRow[];
}

const dateOf = (value: string | Date) => (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));

export function presentExtract(row: ExtractRow | undefined): AgreementExtract | null {
  return row ? { fileName: row.original_name, contentType: row.content_type, size: row.size, uploadedAt: row.created_at.toISOString() } : null;
}

const extractOf = (extracts: ExtractRow[], adoptionId: string | undefined) => presentExtract(adoptionId ? extracts.find((e) => e.adoption_id === adoptionId) : undefined);

export function presentAdoption(row: AdoptionRow, extracts: ExtractRow[] = []): AgreementAdoption {
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
    extract: extractOf(extracts, row.id),
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

/** A party's decision shown on the agreement page: on the current version; an acceded party's on the version in force when it joined. */
export function partyDecision(row: Pick<AgreementRow, 'current_version'>, parts: Pick<AgreementParts, 'adoptions'>, party: Pick<PartyRow, 'organisation_id' | 'acceded'>): AdoptionRow | undefined {
  const mine = parts.adoptions.filter((a) => a.organisation_id === party.organisation_id);
  return mine.filter((a) => a.version === row.current_version).at(-1) ?? (party.acceded ? mine.at(-1) : undefined);
}

/** The version the public page shows: the one in force (else the current one). */
export const publicVersion = (row: Pick<AgreementRow, 'in_force_version' | 'current_version'>) => row.in_force_version ?? row.current_version;

/** A party's decision on the public page: its latest adoption of the version shown or an earlier one. */
export function publicDecision(number: number, parts: Pick<AgreementParts, 'adoptions'>, organisationId: string): AdoptionRow | undefined {
  return parts.adoptions.filter((a) => a.organisation_id === organisationId && a.decision === 'adopted' && a.version <= number).at(-1);
}

export function presentAgreement(
  row: AgreementRow,
  parts: AgreementParts,
  options: { showContacts: boolean; allowedActions: AgreementAction[]; partyActions?: (organisationId: string, decision: AdoptionRow | undefined) => AgreementParty['allowedActions'] },
): Agreement {
  const current = parts.versions.find((v) => v.number === row.current_version);
  const parties = parts.parties.map((p): AgreementParty => {
    // An acceded party's decision is on the version in force when it joined; a founding party's on the current one.
    const decision = partyDecision(row, parts, p);
    return {
      organisationId: p.organisation_id,
      organisationName: p.organisation_name,
      role: p.role,
      acceded: p.acceded,
      state: decision ? decision.decision : row.status === 'draft' ? 'invited' : 'reviewing',
      contactName: options.showContacts ? p.contact_name : null,
      decision: decision ? presentAdoption(decision, parts.extracts) : null,
      signatories: parts.signatories.filter((s) => s.organisation_id === p.organisation_id).map((s) => ({ userId: s.user_id, name: s.name, title: s.title })),
      allowedActions: options.partyActions?.(p.organisation_id, decision) ?? [],
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
    adoptions: parts.adoptions.map((a) => presentAdoption(a, parts.extracts)),
    signatures: parts.signatures.map((s) => presentSignature(s, row.current_version)),
    allowedActions: options.allowedActions,
  };
}

/** The text in force with each party's decision on it. */
export function presentPublic(row: AgreementRow, parts: AgreementParts): PublicAgreement {
  const number = publicVersion(row);
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
        const decision = publicDecision(number, parts, p.organisation_id);
        return {
          organisationId: p.organisation_id,
          organisationName: p.organisation_name,
          role: p.role,
          acceded: p.acceded,
          adoptionId: decision?.id ?? null,
          decisionBody: decision?.decision_body ?? null,
          decidedOn: decision ? dateOf(decision.decided_on) : null,
          minuteReference: decision?.minute_reference ?? null,
          extract: extractOf(parts.extracts, decision?.id),
        };
      }),
    signatures: parts.signatures.map((s) => presentSignature(s, number)),
  };
}
