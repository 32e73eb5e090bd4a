import type { Event, EventDocument } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { formatDateTime, formatNumber } from '../../../api/format.ts';
import { ErrorSummary, Loading, QueryError, SelectField, StatusMessage, TextField } from '../../../components/fields.tsx';
import { eventKeys, useDocuments } from './api.ts';
import { uploadFile } from './upload.ts';

export function DocumentsSection({ event }: { event: Event }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const documents = useDocuments(event.id);
  const [kind, setKind] = useState('minutes');
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('kind', kind);
      if (title.trim()) form.append('title', title.trim());
      const file = fileInput.current?.files?.[0];
      if (file) form.append('file', file, file.name);
      return uploadFile<EventDocument>(`/api/events/${event.id}/documents`, form);
    },
    onSuccess: async (d) => {
      setMessage(t('events.documents.uploaded', { title: d.title }));
      setTitle('');
      if (fileInput.current) fileInput.current.value = '';
      await queryClient.invalidateQueries({ queryKey: eventKeys.documents(event.id) });
    },
  });
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
        <form
          className="panel"
          noValidate
          data-testid="upload-form"
          onSubmit={(e) => {
            e.preventDefault();
            upload.mutate();
          }}
        >
          <h3>{t('events.documents.uploadHeading')}</h3>
          <ErrorSummary error={upload.error} scope="upload" labels={{ file: t('events.documents.file') }} />
          <div className="field">
            <label className="field__label" htmlFor="upload-file">
              {t('events.documents.file')}
            </label>
            <p className="field__hint" id="upload-file-hint">
              {t('events.documents.fileHint')}
            </p>
            <input
              ref={fileInput}
              id="upload-file"
              name="file"
              type="file"
              className="input input--file"
              aria-describedby="upload-file-hint"
              accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt,.png,.jpg,.jpeg"
            />
          </div>
          <div className="form-row">
            <SelectField
              scope="upload"
              label={t('events.documents.kindLabel')}
              name="kind"
              value={kind}
              onChange={(e) => setKind(e.target.value)}
              options={['minutes', 'presentation', 'document'].map((k) => ({ value: k, label: t(`events.documents.kind.${k}`) }))}
            />
            <TextField
              scope="upload"
              label={t('events.documents.title')}
              name="title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={upload.isPending}>
            {t('events.documents.upload')}
          </button>
        </form>
      )}
    </section>
  );
}
