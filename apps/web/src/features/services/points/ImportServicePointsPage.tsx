import type { ServicePointImportResult } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../../api/client.ts';
import { formatNumber } from '../../../api/format.ts';
import { useSpace } from '../../../api/hooks.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorSummary, Loading, StatusMessage } from '../../../components/fields.tsx';
import { servicePointKeys } from './api.ts';
import { ENGINE_SERVICE_TYPES, kindLabel, typeLabel } from './labels.ts';

type Row = ServicePointImportResult['rows'][number];

/** Import from CSV or OSM: a preview first (what is new, what matches what), then the import. */
export function ImportServicePointsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('servicePoints.import.title'));
  const space = useSpace(id);
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ServicePointImportResult | null>(null);
  const [done, setDone] = useState<ServicePointImportResult | null>(null);
  const send = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file!);
      return api.importServicePoints({ params: { id }, form, query: { dryRun } });
    },
    onSuccess: async (result) => {
      if (result.dryRun) {
        setPreview(result);
        setDone(null);
      } else {
        setDone(result);
        setPreview(null);
        await queryClient.invalidateQueries({ queryKey: servicePointKeys.list(id) });
      }
    },
  });
  if (space.isPending) return <Loading />;
  if (space.isError) return isApiError(space.error) && space.error.status === 404 ? <NotFoundPage /> : <ErrorView error={space.error} />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) send.mutate({ dryRun: true });
  };
  const result = done ?? preview;
  return (
    <div className="container">
      <p className="breadcrumbs">
        <Link to={`/spaces/${id}/services`}>{t('servicePoints.titleFor', { name: space.data.name })}</Link>
      </p>
      <h1>{t('servicePoints.import.title')}</h1>
      <p className="lead">{t('servicePoints.import.lead')}</p>
      <form onSubmit={submit} noValidate className="form" data-testid="import-form">
        <ErrorSummary error={send.error} scope="sp-import" />
        <div className="field">
          <label htmlFor="sp-import-file" className="field__label">
            {t('servicePoints.import.file')}
          </label>
          <p className="field__hint" id="sp-import-file-hint">
            {t('servicePoints.import.fileHint')}
          </p>
          <input
            id="sp-import-file"
            name="file"
            type="file"
            accept=".csv,.txt,.pbf,.osm,.gz,text/csv"
            aria-describedby="sp-import-file-hint"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setDone(null);
            }}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={!file || send.isPending}>
            {t('servicePoints.import.preview')}
          </button>
        </div>
      </form>
      {send.isPending && <Loading label={t('servicePoints.import.working')} />}
      {done && <StatusMessage>{t('servicePoints.import.done', { created: formatNumber(done.created), updated: formatNumber(done.updated) })}</StatusMessage>}
      {result && (
        <section className="section" aria-labelledby="sp-import-result" data-testid="import-result">
          <h2 id="sp-import-result">{done ? t('servicePoints.import.resultTitle') : t('servicePoints.import.previewTitle')}</h2>
          {result.errors.length > 0 ? (
            <div className="notice notice--error" role="alert" data-testid="import-errors">
              <p>{t('servicePoints.import.errors', { count: result.errors.length })}</p>
              <ul>
                {result.errors.map((e) => (
                  <li key={e.line}>{t('servicePoints.import.errorLine', { line: e.line, message: e.message })}</li>
                ))}
              </ul>
            </div>
          ) : (
            <>
              <p role="status">
                {t('servicePoints.import.summary', {
                  created: formatNumber(preview ? result.created : done!.created),
                  updated: formatNumber(result.updated),
                  unchanged: formatNumber(result.unchanged),
                })}
              </p>
              <p>{ENGINE_SERVICE_TYPES.map((type) => `${typeLabel(t, type)}: ${formatNumber(result.byType[type] ?? 0)}`).join(' · ')}</p>
              {preview && (
                <div className="actions">
                  <button type="button" className="button" disabled={send.isPending} onClick={() => send.mutate({ dryRun: false })}>
                    {t('servicePoints.import.confirm', { count: preview.rows.length })}
                  </button>
                </div>
              )}
              <DataTable<Row>
                caption={t('servicePoints.import.rowsCaption')}
                testId="import-rows"
                rows={result.rows.slice(0, 500)}
                rowKey={(r) => r.externalId}
                empty={t('servicePoints.import.noRows')}
                columns={[
                  { key: 'id', header: t('servicePoints.fields.externalId'), cell: (r) => <code>{r.externalId}</code> },
                  { key: 'name', header: t('servicePoints.fields.name'), rowHeader: true, cell: (r) => r.name },
                  { key: 'kinds', header: t('servicePoints.fields.kinds'), cell: (r) => r.kinds.map((k) => kindLabel(t, k)).join(', ') },
                  { key: 'action', header: t('servicePoints.import.action'), cell: (r) => t(`servicePoints.import.actions.${r.action}`) },
                  {
                    key: 'match',
                    header: t('servicePoints.import.match'),
                    cell: (r) => (r.matchedName ? t(`servicePoints.import.matchBy.${r.match}`, { name: r.matchedName, meters: formatNumber(r.distanceMeters) }) : '–'),
                  },
                ]}
              />
              {result.rows.length > 500 && <p className="muted">{t('servicePoints.import.firstRows', { count: 500, total: formatNumber(result.rows.length) })}</p>}
            </>
          )}
        </section>
      )}
    </div>
  );
}
