import type { Event, EventDocument } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { formatDateTime, formatNumber } from '../../../api/format.ts';
import { DocumentUploadForm } from '../../../components/DocumentUploadForm.tsx';
import { Loading, QueryError, SelectField, StatusMessage } from '../../../components/fields.tsx';
import { eventKeys, useDocuments } from './api.ts';

export function DocumentsSection({ event }: { event: Event }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const documents = useDocuments(event.id);
  const [kind, setKind] = useState('minutes');
  const [message, setMessage] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (d: EventDocument) => api.removeEventDocument({ params: { id: event.id, documentId: d.id } }),
    onSuccess: async (_r, d) => {
      setMessage(t('events.documents.removed', { title: d.title }));
      await queryClient.invalidateQueries({ queryKey: eventKeys.documents(event.id) });
    },
  });
  const canUpload = event.allowedActions.includes('upload_documents');
  if (!canUpload && documents.data?.length === 0) return null;
  return (
    <section className="section" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('events.documents.heading')}</h2>
      {message && <StatusMessage>{message}</StatusMessage>}
      {documents.isPending ? (
        <Loading />
      ) : documents.isError ? (
        <QueryError error={documents.error} />
      ) : documents.data.length === 0 ? (
        <p className="empty">{t('events.documents.none')}</p>
      ) : (
        <ul className="download-list" data-testid="documents">
          {documents.data.map((d) => (
            <li key={d.id}>
              <a href={`/api/events/${event.id}/documents/${d.id}`} download={d.fileName}>
                {d.title}
              </a>{' '}
              <span className="muted">
                ({t(`events.documents.kind.${d.kind}`)}, {formatNumber(Math.max(1, Math.round(d.size / 1024)))} kB,{' '}
                {formatDateTime(d.createdAt)})
              </span>{' '}
              {d.allowedActions.includes('delete') && (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => remove.mutate(d)}
                  disabled={remove.isPending}
                >
                  {t('common.remove')}
                  <span className="visually-hidden"> {d.title}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canUpload && (
        <DocumentUploadForm<EventDocument>
          url={`/api/events/${event.id}/documents`}
          scope="upload"
          testId="upload-form"
          texts={{
            heading: t('events.documents.uploadHeading'),
            file: t('events.documents.file'),
            fileHint: t('events.documents.fileHint'),
            title: t('events.documents.title'),
            submit: t('events.documents.upload'),
          }}
          extraFields={{ kind }}
          onUploaded={async (d) => {
            setMessage(t('events.documents.uploaded', { title: d.title }));
            await queryClient.invalidateQueries({ queryKey: eventKeys.documents(event.id) });
          }}
        >
          <SelectField
            scope="upload"
            label={t('events.documents.kindLabel')}
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            options={['minutes', 'presentation', 'document'].map((k) => ({ value: k, label: t(`events.documents.kind.${k}`) }))}
          />
        </DocumentUploadForm>
      )}
    </section>
  );
}
