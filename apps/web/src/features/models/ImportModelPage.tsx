import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError, isApiError } from '../../api/client.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { TextField } from '../../components/fields.tsx';
import { modelKeys } from './ModelsPage.tsx';

/** Import a model file exported by another Samhandling server; every problem of a bad file is listed. */
export function ImportModelPage() {
  const { t } = useTranslation();
  usePageTitle(t('models.import.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      if (!file) throw new ApiError(400, { code: 'invalid', message: t('models.import.chooseFile'), fields: {} });
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new ApiError(400, { code: 'invalid', message: t('models.import.notJson'), fields: {} });
      }
      return api.importModel({ body: parsed as never });
    },
    onSuccess: async (model) => {
      await queryClient.invalidateQueries({ queryKey: modelKeys.list });
      await navigate(`/models/${model.id}?imported=1`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    upload.mutate();
  };
  const problems = isApiError(upload.error) ? Object.entries(upload.error.fields) : [];
  return (
    <div className="container">
      <h1>{t('models.import.title')}</h1>
      <p className="lead">{t('models.import.lead')}</p>
      {upload.error && (
        <div className="error-summary" role="alert" data-testid="import-errors" tabIndex={-1}>
          <h2 className="error-summary__title">{t('models.import.refused')}</h2>
          <p>{upload.error.message}</p>
          {problems.length > 0 && (
            <ul className="error-summary__list">
              {problems.map(([path, message]) => (
                <li key={path}>
                  <code>{path}</code>: {message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form onSubmit={submit} noValidate className="panel">
        <TextField
          scope="model-import"
          label={t('models.import.file')}
          name="file"
          type="file"
          accept="application/json,.json"
          hint={t('models.import.hint')}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <button type="submit" className="button" disabled={upload.isPending}>
          {t('models.import.submit')}
        </button>
      </form>
    </div>
  );
}
