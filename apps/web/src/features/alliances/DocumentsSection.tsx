import type { Initiative, InitiativeDocument } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDate } from '../../api/format.ts';
import { ErrorSummary, Loading, QueryError, StatusMessage, TextField } from '../../components/fields.tsx';
import { uploadFile } from '../dialogues/events/upload.ts';

/** An initiative's documents (reports, photos, material): anyone who sees it downloads; the lead uploads, checked by content. */
export function InitiativeDocuments({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['initiative', initiative.id, 'documents'];
  const documents = useQuery({ queryKey: key, queryFn: () => api.getInitiativeDocuments({ params: { id: initiative.id } }) });
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      if (title.trim()) form.append('title', title.trim());
      const file = fileInput.current?.files?.[0];
      if (file) form.append('file', file, file.name);
      return uploadFile<InitiativeDocument>(`/api/initiatives/${initiative.id}/documents`, form);
    },
    onSuccess: async (d) => {
      setMessage(t('alliances.documentUploaded', { title: d.title }));
      setTitle('');
      if (fileInput.current) fileInput.current.value = '';
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
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
        <form
          noValidate
          className="panel section"
          data-testid="initiative-upload-form"
          onSubmit={(e) => {
            e.preventDefault();
            upload.mutate();
          }}
        >
          <h3>{t('alliances.uploadHeading')}</h3>
          <ErrorSummary error={upload.error} scope="initiative-upload" labels={{ file: t('alliances.file') }} />
          <div className="field">
            <label className="field__label" htmlFor="initiative-upload-file">
              {t('alliances.file')}
            </label>
            <p className="field__hint" id="initiative-upload-file-hint">
              {t('alliances.fileHint')}
            </p>
            <input ref={fileInput} id="initiative-upload-file" name="file" type="file" className="input input--file" aria-describedby="initiative-upload-file-hint" accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt,.png,.jpg,.jpeg" />
          </div>
          <TextField scope="initiative-upload" label={t('alliances.documentTitle')} name="title" value={title} onChange={(e) => setTitle(e.target.value)} />
          <button type="submit" className="button" disabled={upload.isPending}>
            {t('alliances.upload')}
          </button>
        </form>
      )}
    </section>
  );
}
