import { valuesOf, type Space } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client.ts';
import { ImportPreview } from '../../components/ImportPreview.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { ErrorSummary, fieldError, RadioGroup, StatusMessage, TextAreaField } from '../../components/fields.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import type { ImportResult } from './types.ts';

const KINDS = valuesOf('importKind');
type Kind = (typeof KINDS)[number];

const EXAMPLES: Record<Kind, string> = {
  organisations: 'name,org_number,sector,type,level,municipality_code,email,tags\nSorsele byalag,,civil_society,village_association,local,2422,byalag@example.org,service;ungdom',
  people: 'name,email,phone,municipality_code,organisation,role,youth,age_group,consent_purpose,consent_text_version,consent_method\nAnna Exempel,anna@example.org,,2422,Sorsele byalag,ordförande,nej,26_64,Kontakt i arbetsgruppen,1.0,paper',
  collaborations: 'organisation_a,organisation_b,type,frequency,start_date,end_date\nSorsele byalag,Sorsele kommun,partnership,regular,2025-01-01,',
};

/**
 * CSV import into a space: a preview lists every bad row with its reason and changes nothing;
 * only a clean preview can be confirmed.
 */
export function ImportSection({ space }: { space: Space }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('organisations');
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) =>
      api.importIntoSpace({ params: { id: space.id, kind }, query: { dryRun: String(dryRun) }, text: { body: csv, contentType: 'text/csv' } }),
    onSuccess: async (result, dryRun) => {
      if (dryRun) {
        setPreview(result);
        setDone(null);
      } else {
        setPreview(null);
        setDone(result);
        setCsv('');
        await queryClient.invalidateQueries({ queryKey: ['network', space.id] });
        await queryClient.invalidateQueries({ queryKey: ['space-organisations', space.id] });
        await queryClient.invalidateQueries({ queryKey: ['people', space.id] });
      }
    },
  });
  const reset = () => {
    setPreview(null);
    run.reset();
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setCsv(await file.text());
    reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate(true);
  };
  const missing = isApiError(run.error) && run.error.status === 404 && run.error.code === 'not_found';
  return (
    <section className="panel section" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.heading')}</h2>
      <p>{t('import.lead')}</p>
      {done && <StatusMessage>{t('import.done', { created: done.created, updated: done.updated })}</StatusMessage>}
      {missing ? <div className="notice notice--error" role="alert">{t('import.unavailable')}</div> : <ErrorSummary error={run.error} scope="import" labels={{ csv: t('import.csv') }} />}
      <form onSubmit={submit} noValidate data-testid="import-form">
        <RadioGroup
          scope="import"
          label={t('import.kind')}
          name="kind"
          value={kind}
          onChange={(v) => {
            setKind(v as Kind);
            reset();
          }}
          options={KINDS.map((k) => ({ value: k, label: enumLabel(t, 'importKind', k) }))}
        />
        <p>{t('import.example')}</p>
        {/* A wide example line scrolls sideways on a phone, and then takes focus for the keyboard. */}
        <ScrollRegion label={t('import.example')} className="example-wrap">
          <pre className="example">{EXAMPLES[kind]}</pre>
        </ScrollRegion>
        <div className="field">
          <label htmlFor="import-file" className="field__label">
            {t('import.file')}
          </label>
          <input id="import-file" type="file" accept=".csv,text/csv,text/plain" className="input input--file" onChange={(e) => void onFile(e.target.files?.[0])} />
        </div>
        <TextAreaField
          scope="import"
          label={t('import.csv')}
          hint={t('import.csvHint')}
          name="csv"
          rows={6}
          className="input textarea mono"
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            reset();
          }}
          error={fieldError(run.error, 'csv')}
        />
        <button type="submit" className="button button--secondary" disabled={run.isPending || csv.trim() === ''}>
          {t('import.preview')}
        </button>
      </form>
      {preview && (
        <ImportPreview
          preview={preview}
          pending={run.isPending}
          onConfirm={() => run.mutate(false)}
          texts={{
            heading: t('import.previewHeading'),
            summary: t('import.previewSummary', { created: preview.created, updated: preview.updated, errors: preview.errors.length }),
            fixErrors: t('import.fixErrors'),
            errorsCaption: t('import.errorsCaption'),
            line: t('import.line'),
            reason: t('import.reason'),
            confirm: t('import.confirm', { count: preview.created + preview.updated }),
          }}
        />
      )}
    </section>
  );
}
