import type { AgreementExtract, AgreementSignature } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../api/format.ts';
import { DataTable } from '../../components/DataTable.tsx';

/** An agreement's sections as numbered headings and paragraphs. */
export function SectionText({ sections }: { sections: { heading: string; text: string }[] }) {
  const { t } = useTranslation();
  if (sections.length === 0) return <p className="empty">{t('agreements.noText')}</p>;
  return (
    <ol className="agreement-text" data-testid="agreement-text">
      {sections.map((s, i) => (
        <li key={i}>
          <h3>{s.heading}</h3>
          {s.text.split(/\n{2,}/).map((paragraph, j) => (
            <p key={j} className="prewrap">
              {paragraph}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}

/** The signature page: who signed for which party, when, and the SHA-256 of the text they signed. */
export function SignatureTable({ signatures }: { signatures: AgreementSignature[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t('agreements.signaturesHeading')}
      captionHidden
      testId="agreement-signatures"
      rows={signatures}
      rowKey={(s) => s.id}
      empty={t('agreements.noSignatures')}
      columns={[
        { key: 'name', header: t('agreements.signatory'), rowHeader: true, cell: (s) => s.name },
        { key: 'title', header: t('agreements.signatoryTitle'), cell: (s) => s.title },
        { key: 'organisation', header: t('agreements.organisation'), cell: (s) => s.organisationName },
        { key: 'at', header: t('agreements.signedAt'), cell: (s) => formatDateTime(s.signedAt) },
        { key: 'version', header: t('agreements.version'), cell: (s) => (s.current ? s.version : t('agreements.olderVersion', { number: s.version })) },
        { key: 'sha', header: 'SHA-256', cell: (s) => <code className="hash">{s.sha256}</code> },
      ]}
    />
  );
}

/** The download link of a decision's protocol extract: "Protokollsutdrag (PDF, 120 kB)". */
export function ExtractLink({ agreementId, adoptionId, extract, organisation }: { agreementId: string; adoptionId: string; extract: AgreementExtract; organisation: string }) {
  const { t } = useTranslation();
  const type = (extract.fileName.split('.').pop() ?? '').toUpperCase();
  return (
    <a href={`/api/agreements/${agreementId}/adoptions/${adoptionId}/extract`} download={extract.fileName} data-testid="extract-link">
      {t('agreements.extractLink', { type, size: formatNumber(Math.max(1, Math.round(extract.size / 1024))) })}
      <span className="visually-hidden"> {t('agreements.extractOf', { organisation })}</span>
    </a>
  );
}
