import type { Initiative, InitiativeDocument } from '@samhandling/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDate } from '../../api/format.ts';
import { DocumentUploadForm } from '../../components/DocumentUploadForm.tsx';
import { Loading, QueryError, StatusMessage } from '../../components/fields.tsx';

/** An initiative's documents (reports, photos, material): anyone who sees it downloads; the lead uploads, checked by content. */
export function InitiativeDocuments({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['initiative', initiative.id, 'documents'];
  const documents = useQuery({ queryKey: key, queryFn: () => api.getInitiativeDocuments({ params: { id: initiative.id } }) });
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section className="section" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('alliances.documentsHeading')}</h2>
      {message && <StatusMessage>{message}</StatusMessage>}
      {documents.isPending ? (
        <Loading />
      ) : documents.isError ? (
        <QueryError error={documents.error} />
      ) : documents.data.length === 0 ? (
        <p className="empty">{t('alliances.noDocuments')}</p>
      ) : (
        <ul data-testid="initiative-documents">
          {documents.data.map((d) => (
            <li key={d.id}>
              <a href={`/api/initiatives/${initiative.id}/documents/${d.id}`} download={d.fileName}>
                {d.title}
              </a>{' '}
              <span className="muted">({formatDate(d.createdAt)})</span>
            </li>
          ))}
        </ul>
      )}
      {initiative.allowedActions.includes('update') && (
        <DocumentUploadForm<InitiativeDocument>
          url={`/api/initiatives/${initiative.id}/documents`}
          scope="initiative-upload"
          testId="initiative-upload-form"
          texts={{ heading: t('alliances.uploadHeading'), file: t('alliances.file'), fileHint: t('alliances.fileHint'), title: t('alliances.documentTitle'), submit: t('alliances.upload') }}
          onUploaded={async (d) => {
            setMessage(t('alliances.documentUploaded', { title: d.title }));
            await queryClient.invalidateQueries({ queryKey: key });
          }}
        />
      )}
    </section>
  );
}
