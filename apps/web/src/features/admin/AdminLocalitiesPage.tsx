import type { Locality, LocalityImportResult } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { collator, formatDateTime, formatNumber, sortBy } from '../../api/format.ts';
import { useMunicipalities } from '../../api/hooks.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ImportPreview } from '../../components/ImportPreview.tsx';
import { RowActions } from '../../components/RowActions.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import {
  ErrorSummary,
  fieldError,
  Loading,
  QueryError,
  SelectField,
  StatusMessage,
  TextAreaField,
  TextField,
} from '../../components/fields.tsx';

const coordinate = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 3, maximumFractionDigits: 5 });

export function AdminLocalitiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.localities.title'));
  const queryClient = useQueryClient();
  const { data: municipalities } = useMunicipalities();
  const [municipality, setMunicipality] = useState('');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Locality | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const localities = useQuery({
    queryKey: ['localities', municipality, q],
    queryFn: () => api.getLocalities({ query: { municipality, q: q.trim() } }),
    placeholderData: (previous) => previous,
  });
  const remove = useMutation({
    mutationFn: (l: Locality) => api.removeLocality({ params: { id: l.id } }),
    onSuccess: async (_d, l) => {
      setMessage(t('admin.localities.removed', { name: l.name }));
      await queryClient.invalidateQueries({ queryKey: ['localities'] });
    },
  });
  const municipalityOptions = [
    { value: '', label: t('admin.localities.allMunicipalities') },
    ...[...(municipalities ?? [])].sort((a, b) => collator.compare(a.name, b.name)).map((m) => ({ value: m.code, label: m.name })),
  ];
  return (
    <>
      <h1>{t('admin.localities.title')}</h1>
      <p className="lead">{t('admin.localities.lead')}</p>
      {message && <StatusMessage>{message}</StatusMessage>}
      {remove.isError && <QueryError error={remove.error} />}
      <div className="form-row" role="search" aria-label={t('admin.localities.filterLabel')}>
        <SelectField
          scope="loc-filter"
          label={t('map.municipality')}
          name="municipality"
          value={municipality}
          onChange={(e) => setMunicipality(e.target.value)}
          options={municipalityOptions}
        />
        <TextField
          scope="loc-filter"
          label={t('admin.localities.search')}
          name="q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      {localities.isPending ? (
        <Loading />
      ) : localities.isError ? (
        <QueryError error={localities.error} />
      ) : (
        <DataTable
          caption={t('admin.localities.caption', { count: localities.data.length })}
          testId="localities-table"
          rows={sortBy(localities.data, (l) => l.name)}
          rowKey={(l) => l.id}
          empty={t('admin.localities.none')}
          columns={[
            { key: 'name', header: t('fields.name'), rowHeader: true, cell: (l) => <Link to={`/localities/${l.id}/dashboard`}>{l.name}</Link> },
            { key: 'municipality', header: t('map.municipality'), cell: (l) => l.municipalityName },
            { key: 'lon', header: t('admin.localities.lon'), numeric: true, cell: (l) => coordinate.format(l.lon) },
            { key: 'lat', header: t('admin.localities.lat'), numeric: true, cell: (l) => coordinate.format(l.lat) },
            { key: 'population', header: t('admin.localities.population'), numeric: true, cell: (l) => formatNumber(l.population) },
            { key: 'updated', header: t('admin.localities.updated'), cell: (l) => formatDateTime(l.updatedAt) },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('common.actions')}</span>,
              cell: (l) => (
                <RowActions
                  name={l.name}
                  onEdit={l.allowedActions.includes('update') ? () => setEditing(l) : undefined}
                  remove={
                    l.allowedActions.includes('delete')
                      ? { label: t('common.remove'), confirm: t('admin.localities.removeConfirm', { name: l.name }), pending: remove.isPending, onConfirm: () => remove.mutate(l) }
                      : undefined
                  }
                />
              ),
            },
          ]}
        />
      )}
      <LocalityForm
        key={editing?.id ?? 'new'}
        locality={editing}
        municipalityOptions={municipalityOptions.slice(1)}
        onDone={(text) => {
          setEditing(null);
          setMessage(text);
        }}
      />
      <ImportSection />
    </>
  );
}

function LocalityForm({
  locality,
  municipalityOptions,
  onDone,
}: {
  locality: Locality | null;
  municipalityOptions: { value: string; label: string }[];
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  // Choosing "Edit" in the table moves the keyboard and screen reader to the form.
  useEffect(() => {
    if (locality) heading.current?.focus();
  }, [locality]);
  const [values, setValues] = useState({
    name: locality?.name ?? '',
    municipalityCode: locality?.municipalityCode ?? '',
    lon: locality ? String(locality.lon).replace('.', ',') : '',
    lat: locality ? String(locality.lat).replace('.', ',') : '',
    population: locality?.population != null ? String(locality.population) : '',
  });
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s.replace(/\s/g, '').replace(',', '.')));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: values.name,
        municipalityCode: values.municipalityCode,
        lon: num(values.lon),
        lat: num(values.lat),
        population: values.population.trim() === '' ? null : num(values.population),
      };
      return locality
        ? api.patchLocality({ params: { id: locality.id }, body: body })
        : api.createLocality({ body: body });
    },
    onSuccess: async (l) => {
      await queryClient.invalidateQueries({ queryKey: ['localities'] });
      onDone(locality ? t('admin.localities.saved', { name: l.name }) : t('admin.localities.created', { name: l.name }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  const labels = {
    name: t('fields.name'),
    municipalityCode: t('map.municipality'),
    lon: t('admin.localities.lon'),
    lat: t('admin.localities.lat'),
    population: t('admin.localities.population'),
  };
  return (
    <section className="panel section" aria-labelledby="locality-form-heading">
      <h2 id="locality-form-heading" ref={heading} tabIndex={-1}>
        {locality ? t('admin.localities.editHeading', { name: locality.name }) : t('admin.localities.createHeading')}
      </h2>
      <ErrorSummary error={save.error} scope="loc" labels={labels} />
      <form onSubmit={submit} noValidate>
        <TextField
          scope="loc"
          label={labels.name}
          name="name"
          value={values.name}
          onChange={set('name')}
          error={fieldError(save.error, 'name')}
          required
        />
        <SelectField
          scope="loc"
          label={labels.municipalityCode}
          name="municipalityCode"
          value={values.municipalityCode}
          onChange={set('municipalityCode')}
          options={[{ value: '', label: t('admin.localities.chooseMunicipality') }, ...municipalityOptions]}
          error={fieldError(save.error, 'municipalityCode')}
          required
        />
        <div className="form-row">
          <TextField
            scope="loc"
            label={labels.lon}
            hint={t('admin.localities.lonHint')}
            name="lon"
            inputMode="decimal"
            value={values.lon}
            onChange={set('lon')}
            error={fieldError(save.error, 'lon')}
            required
          />
          <TextField
            scope="loc"
            label={labels.lat}
            hint={t('admin.localities.latHint')}
            name="lat"
            inputMode="decimal"
            value={values.lat}
            onChange={set('lat')}
            error={fieldError(save.error, 'lat')}
            required
          />
        </div>
        <TextField
          scope="loc"
          label={labels.population}
          name="population"
          inputMode="numeric"
          value={values.population}
          onChange={set('population')}
          error={fieldError(save.error, 'population')}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {locality ? t('common.save') : t('admin.localities.create')}
          </button>
          {locality && (
            <button type="button" className="button button--secondary" onClick={() => onDone('')}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function ImportSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<LocalityImportResult | null>(null);
  const [done, setDone] = useState<LocalityImportResult | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) =>
      api.importLocalities({ query: { dryRun: String(dryRun) }, text: { body: csv, contentType: 'text/csv' } }),
    onSuccess: async (result, dryRun) => {
      if (dryRun) {
        setPreview(result);
        setDone(null);
      } else {
        setPreview(null);
        setDone(result);
        setCsv('');
        await queryClient.invalidateQueries({ queryKey: ['localities'] });
      }
    },
  });
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setCsv(await file.text());
    setPreview(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate(true);
  };
  return (
    <section className="panel section" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('admin.localities.importHeading')}</h2>
      <p>{t('admin.localities.importLead')}</p>
      <ScrollRegion label={t('admin.localities.example')} className="example-wrap">
        <pre className="example">name,municipality_code,lon,lat,population{'\n'}Ammarnäs,2422,16.208,65.958,200</pre>
      </ScrollRegion>
      {done && <StatusMessage>{t('admin.localities.importDone', { created: done.created, updated: done.updated })}</StatusMessage>}
      <ErrorSummary error={run.error} scope="import" labels={{ csv: t('admin.localities.csv') }} />
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="import-file" className="field__label">
            {t('admin.localities.file')}
          </label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            className="input input--file"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </div>
        <TextAreaField
          scope="import"
          label={t('admin.localities.csv')}
          hint={t('admin.localities.csvHint')}
          name="csv"
          rows={6}
          className="input textarea mono"
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            setPreview(null);
          }}
          error={fieldError(run.error, 'csv')}
        />
        <button type="submit" className="button button--secondary" disabled={run.isPending || csv.trim() === ''}>
          {t('admin.localities.preview')}
        </button>
      </form>
      {preview && (
        <ImportPreview
          preview={preview}
          pending={run.isPending}
          onConfirm={() => run.mutate(false)}
          texts={{
            heading: t('admin.localities.previewHeading'),
            summary: t('admin.localities.previewSummary', { created: preview.created, updated: preview.updated, errors: preview.errors.length }),
            fixErrors: t('admin.localities.fixErrors'),
            errorsCaption: t('admin.localities.errorsCaption'),
            line: t('admin.localities.line'),
            reason: t('admin.localities.reason'),
            confirm: t('admin.localities.confirmImport', { count: preview.created + preview.updated }),
          }}
        />
      )}
    </section>
  );
}
