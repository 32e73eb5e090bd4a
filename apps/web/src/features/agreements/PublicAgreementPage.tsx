import type { PublicAgreement } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDate } from '../../api/format.ts';
import { QueryPage } from '../../app/QueryPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { AccessionsSection } from './AccessionsSection.tsx';
import { ExtractLink, SectionText, SignatureTable } from './parts.tsx';

/** The public page of an agreement in force: the text, the parties and when each adopted, the signatures. */
export function PublicAgreementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const agreement = useQuery({ queryKey: ['agreement-public', id], queryFn: () => api.getPublicAgreement({ params: { id } }), retry: false });
  usePageTitle(agreement.data?.title ?? t('agreements.agreement'));
  return (
    <QueryPage query={agreement} heading={t('agreements.agreement')}>
      {(a) => <PublicAgreementView agreement={a} />}
    </QueryPage>
  );
}

function PublicAgreementView({ agreement: a }: { agreement: PublicAgreement }) {
  const { t } = useTranslation();
  return (
    <div className="container">
      <h1>{a.title}</h1>
      <p className="tags">
        <span className="tag">{enumLabel(t, 'agreementStatus', a.status)}</span>
        <span className="tag">{t('agreements.versionTag', { number: a.version })}</span>
      </p>
      <p className="lead">{a.summary}</p>
      <p>
        {t('agreements.publicIntro', { space: a.spaceName })}
        {a.inForceSince && <> {t('agreements.inForceSince', { date: formatDate(a.inForceSince) })}</>}
      </p>
      <section className="section" aria-labelledby="public-parties-heading">
        <h2 id="public-parties-heading">{t('agreements.partiesHeading')}</h2>
        <DataTable
          caption={t('agreements.partiesHeading')}
          captionHidden
          testId="public-parties"
          rows={a.parties}
          rowKey={(p) => p.organisationId}
          columns={[
            { key: 'organisation', header: t('agreements.organisation'), rowHeader: true, cell: (p) => <Link to={`/organisations/${p.organisationId}`}>{p.organisationName}</Link> },
            { key: 'body', header: t('agreements.decisionBody'), cell: (p) => p.decisionBody ?? t('agreements.states.reviewing') },
            { key: 'date', header: t('agreements.decidedOn'), cell: (p) => (p.decidedOn ? formatDate(p.decidedOn) : '–') },
            { key: 'minutes', header: t('agreements.minuteReference'), cell: (p) => p.minuteReference || '–' },
            {
              key: 'extract',
              header: t('agreements.extract'),
              cell: (p) => (p.adoptionId && p.extract ? <ExtractLink agreementId={a.id} adoptionId={p.adoptionId} extract={p.extract} organisation={p.organisationName} /> : '–'),
            },
          ]}
        />
      </section>
      <section className="section" aria-labelledby="public-text-heading">
        <h2 id="public-text-heading">{t('agreements.textHeading', { number: a.version })}</h2>
        <SectionText sections={a.sections} />
      </section>
      <section className="section" aria-labelledby="public-signatures-heading">
        <h2 id="public-signatures-heading">{t('agreements.signaturesHeading')}</h2>
        <p className="muted small">{t('agreements.sha', { sha: a.sha256 })}</p>
        <SignatureTable signatures={a.signatures} />
      </section>
      <AccessionsSection agreementId={a.id} status={a.status} canDecide={false} />
      <p className="actions">
        <a href={`/api/agreements/${a.id}/export.pdf`} download>
          {t('agreements.exportPdf')}
        </a>{' '}
        <a href={`/api/agreements/${a.id}/export.docx`} download>
          {t('agreements.exportDocx')}
        </a>
      </p>
    </div>
  );
}
