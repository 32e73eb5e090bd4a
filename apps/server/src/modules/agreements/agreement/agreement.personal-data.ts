import type { Deps } from '../../../platform/deps.ts';
import { translate } from '../../../platform/messages.ts';
import type { DataSubject, PersonalDataProvider } from '../../../platform/personal-data.ts';
import { agreementRecordsOfUser, anonymiseAgreementRecordsOf } from './agreement.repository.ts';

/**
 * Remiss comments, applications to join and signatures made by an account. On erasure, comments
 * and applications stay without the author's name (they are part of the agreement's record and
 * its answers); a signature is kept as signed: it is the organisation's act, made in an office
 * (name and title), and the signed document must stay verifiable.
 */
export const agreementPersonalData: PersonalDataProvider = {
  key: 'agreements',
  async collect(deps: Deps, subject: DataSubject) {
    const { comments, accessions, signatures } = await agreementRecordsOfUser(deps.db, subject.userId);
    return [
      ...comments.map((c) => ({ kind: 'comment', id: c.id, agreementId: c.agreement_id, version: c.version, section: c.section, organisationId: c.organisation_id, authorName: c.author_name, body: c.body, createdAt: c.created_at.toISOString() })),
      ...accessions.map((a) => ({ kind: 'accession', id: a.id, agreementId: a.agreement_id, organisationId: a.organisation_id, applicantName: a.applicant_name, motivation: a.motivation, status: a.status, createdAt: a.created_at.toISOString() })),
      ...signatures.map((s) => ({ kind: 'signature', id: s.id, agreementId: s.agreement_id, organisation: s.organisation_name, name: s.name, title: s.title, version: s.version, sha256: s.sha256, signedAt: s.signed_at.toISOString() })),
    ];
  },
  async erase(_deps, trx, _ctx, subject) {
    return anonymiseAgreementRecordsOf(trx, subject.userId, translate('sv', 'privacy.deleted_user'));
  },
};
