import type { Generated } from 'kysely';
import type { CreatedAt, Json, NullableTimestamp, StoredFileColumns, Timestamp } from '../../../db/column-types.ts';

// agreements (överenskommelser), 0013_agreements
export type AgreementStatusValue = 'draft' | 'remiss' | 'adoption' | 'in_force' | 'ended' | 'replaced';

export interface AgreementsTable {
  id: Generated<string>;
  space_id: string;
  title: string;
  summary: Generated<string>;
  status: Generated<AgreementStatusValue>;
  current_version: Generated<number>;
  in_force_version: number | null;
  in_force_since: NullableTimestamp;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AgreementVersionsTable {
  agreement_id: string;
  number: number;
  sections: Json<{ heading: string; text: string }[]>;
  sha256: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AgreementPartiesTable {
  agreement_id: string;
  organisation_id: string;
  contact_person_id: string | null;
  role: 'party' | 'supporting';
  acceded: Generated<boolean>;
  added_at: CreatedAt;
}

export interface AgreementAdoptionsTable {
  id: Generated<string>;
  agreement_id: string;
  organisation_id: string;
  version: number;
  decision: 'adopted' | 'declined';
  decision_body: string;
  decided_on: string;
  minute_reference: Generated<string>;
  reason: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

// 0022_agreement_extracts: a decision's protocol extract (one per adoption)
export interface AgreementAdoptionExtractsTable extends StoredFileColumns {
  adoption_id: string;
}

export interface AgreementSignatoriesTable {
  agreement_id: string;
  organisation_id: string;
  user_id: string;
  title: string;
  named_by: string | null;
  named_at: CreatedAt;
}

export interface AgreementSignaturesTable {
  id: Generated<string>;
  agreement_id: string;
  organisation_id: string | null;
  organisation_name: string;
  user_id: string | null;
  name: string;
  title: string;
  version: number;
  sha256: string;
  method: string;
  evidence: Json<Record<string, unknown>>;
  signed_at: CreatedAt;
}

export interface AgreementCommentsTable {
  id: Generated<string>;
  agreement_id: string;
  version: number;
  section: number | null;
  organisation_id: string;
  author_id: string | null;
  author_name: string;
  body: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface AgreementAccessionsTable {
  id: Generated<string>;
  agreement_id: string;
  organisation_id: string;
  applicant_id: string | null;
  applicant_name: string;
  motivation: string;
  status: Generated<'pending' | 'approved' | 'declined'>;
  reason: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  created_at: CreatedAt;
}
