import type { PopulationSet, RoadNetwork, Space } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../../api/client.ts';
import { formatDateTime, formatNumber } from '../../../api/format.ts';
import { useSpace } from '../../../api/hooks.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorSummary, Loading, QueryError, SelectField, StatusMessage, TextField } from '../../../components/fields.tsx';
import { SpaceSubnav } from '../../spaces/SpaceSubnav.tsx';
import { analysisKeys, useAnalyses, usePopulationSets, useRoadNetworks } from './api.ts';
import { StatusText } from './StatusText.tsx';

/** The accessibility analyses of a space: the data they are made from, a new analysis, and earlier ones. */
export function AnalysesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const space = useSpace(id);
  usePageTitle(space.data ? t('analyses.titleFor', { name: space.data.name }) : t('analyses.title'));
  if (space.isPending)
    return (
      <div className="container">
        <h1>{t('analyses.title')}</h1>
        <Loading />
      </div>
    );
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  return <AnalysesView space={space.data} />;
}

function AnalysesView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const population = usePopulationSets(space.id);
  const networks = useRoadNetworks(space.id);
  const analyses = useAnalyses(space.id);
  const leads = population.data?.[0]?.allowedActions.includes('use') ?? space.allowedActions.includes('manage_organisations');
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('analyses.titleFor', { name: space.name })}</h1>
      <p className="lead">{t('analyses.lead')}</p>
      <section className="section" aria-labelledby="analyses-list-heading">
        <h2 id="analyses-list-heading">{t('analyses.listHeading')}</h2>
        {analyses.isPending ? (
          <Loading />
        ) : analyses.isError ? (
          <QueryError error={analyses.error} />
        ) : analyses.data.length === 0 ? (
          <p>{t('analyses.none')}</p>
        ) : (
          <DataTable
            caption={t('analyses.listCaption')}
            rows={analyses.data}
            rowKey={(a) => a.id}
            testId="analyses-table"
            columns={[
              { key: 'name', header: t('analyses.col.name'), rowHeader: true, cell: (a) => <Link to={`/spaces/${space.id}/analyses/${a.id}`}>{a.name}</Link> },
              { key: 'status', header: t('analyses.col.status'), cell: (a) => <StatusText status={a.status} percent={a.progress.percent} /> },
              { key: 'mode', header: t('analyses.col.mode'), cell: (a) => (a.inputs.mode === 'road' ? t('analyses.mode.road') : t('analyses.mode.straight')) },
              { key: 'created', header: t('analyses.col.created'), cell: (a) => formatDateTime(a.createdAt) },
            ]}
          />
        )}
      </section>
      {leads && population.data && networks.data && <NewAnalysis space={space} population={population.data} networks={networks.data} />}
      <section className="section" aria-labelledby="population-heading">
        <h2 id="population-heading">{t('analyses.population.heading')}</h2>
        <p>{t('analyses.population.lead')}</p>
        {population.isPending ? <Loading /> : population.isError ? <QueryError error={population.error} /> : <PopulationTable sets={population.data} />}
        {leads && <PopulationUpload space={space} />}
      </section>
      <section className="section" aria-labelledby="networks-heading">
        <h2 id="networks-heading">{t('analyses.networks.heading')}</h2>
        <p>{t('analyses.networks.lead')}</p>
        {networks.isPending ? <Loading /> : networks.isError ? <QueryError error={networks.error} /> : <NetworkTable networks={networks.data} />}
        {leads && <NetworkUpload space={space} />}
      </section>
    </div>
  );
}

function PopulationTable({ sets }: { sets: PopulationSet[] }) {
  const { t } = useTranslation();
  if (!sets.length) return <p>{t('analyses.population.none')}</p>;
  return (
    <DataTable
      caption={t('analyses.population.caption')}
      rows={sets}
      rowKey={(s) => s.id}
      testId="population-table"
      columns={[
        { key: 'name', header: t('analyses.col.name'), rowHeader: true, cell: (s) => s.name },
        { key: 'kind', header: t('analyses.col.kind'), cell: (s) => t(`analyses.population.kind.${s.kind}`) },
        { key: 'year', header: t('analyses.col.year'), cell: (s) => s.year ?? '–' },
        { key: 'origins', header: t('analyses.col.origins'), numeric: true, cell: (s) => formatNumber(s.origins) },
        { key: 'population', header: t('analyses.col.population'), numeric: true, cell: (s) => formatNumber(Math.round(s.population)) },
        {
          key: 'age',
          header: t('analyses.col.age'),
          cell: (s) => {
            if (!s.hasAge) return '–';
            const sum = (k: 'age65Plus' | 'under20') => (s.byMunicipality.every((m) => m[k] !== null) ? s.byMunicipality.reduce((a, m) => a + (m[k] ?? 0), 0) : null);
            return t('analyses.population.ages', { over65: formatNumber(sum('age65Plus')), under20: formatNumber(sum('under20')) });
          },
        },
      ]}
    />
  );
}

function NetworkTable({ networks }: { networks: RoadNetwork[] }) {
  const { t } = useTranslation();
  if (!networks.length) return <p data-testid="no-network">{t('analyses.networks.none')}</p>;
  return (
    <DataTable
      caption={t('analyses.networks.caption')}
      rows={networks}
      rowKey={(n) => n.id}
      testId="networks-table"
      columns={[
        { key: 'name', header: t('analyses.col.name'), rowHeader: true, cell: (n) => n.name },
        { key: 'size', header: t('analyses.col.size'), numeric: true, cell: (n) => `${formatNumber(Math.round(n.bytes / 1024))} kB` },
        { key: 'status', header: t('analyses.col.status'), cell: (n) => <StatusText status={n.status} percent={n.progress.percent} error={n.error} /> },
        { key: 'nodes', header: t('analyses.col.junctions'), numeric: true, cell: (n) => formatNumber(n.nodes) },
      ]}
    />
  );
}

function UploadForm({ id, label, hint, accept, submitLabel, onUpload, testId }: { id: string; label: string; hint: string; accept: string; submitLabel: string; onUpload: (file: File) => Promise<unknown>; testId: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState(false);
  const upload = useMutation({
    mutationFn: (f: File) => onUpload(f),
    onSuccess: () => {
      setDone(true);
      setFile(null);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) upload.mutate(file);
  };
  return (
    <form onSubmit={submit} noValidate data-testid={testId} className="upload-form">
      {done && <StatusMessage>{t('analyses.uploaded')}</StatusMessage>}
      <ErrorSummary error={upload.error} scope={id} labels={{ file: label }} />
      <div className="field">
        <label htmlFor={`${id}-file`} className="field__label">
          {label}
        </label>
        <p id={`${id}-file-hint`} className="field__hint">
          {hint}
        </p>
        <input
          id={`${id}-file`}
          type="file"
          accept={accept}
          aria-describedby={`${id}-file-hint`}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setDone(false);
            upload.reset();
          }}
        />
      </div>
      <button type="submit" className="button" disabled={!file || upload.isPending}>
        {upload.isPending ? t('analyses.uploading') : submitLabel}
      </button>
    </form>
  );
}

function PopulationUpload({ space }: { space: Space }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fromLocalities = useMutation({
    mutationFn: () => api.populationFromLocalities({ params: { id: space.id }, body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: analysisKeys.population(space.id) }),
  });
  return (
    <div className="panel">
      <UploadForm
        id="population"
        testId="population-upload"
        label={t('analyses.population.file')}
        hint={t('analyses.population.fileHint')}
        accept=".csv,.gpkg,text/csv"
        submitLabel={t('analyses.population.upload')}
        onUpload={async (file) => {
          const form = new FormData();
          form.append('file', file);
          await api.importPopulation({ params: { id: space.id }, form });
          await queryClient.invalidateQueries({ queryKey: analysisKeys.population(space.id) });
        }}
      />
      <p>{t('analyses.population.localitiesText')}</p>
      {fromLocalities.isError && <QueryError error={fromLocalities.error} />}
      <button type="button" className="button button--secondary" onClick={() => fromLocalities.mutate()} disabled={fromLocalities.isPending}>
        {t('analyses.population.fromLocalities')}
      </button>
    </div>
  );
}

function NetworkUpload({ space }: { space: Space }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <div className="panel">
      <UploadForm
        id="network"
        testId="network-upload"
        label={t('analyses.networks.file')}
        hint={t('analyses.networks.fileHint', { space: space.id })}
        accept=".pbf,.osm.pbf"
        submitLabel={t('analyses.networks.upload')}
        onUpload={async (file) => {
          const form = new FormData();
          form.append('file', file);
          await api.importRoadNetwork({ params: { id: space.id }, form });
          await queryClient.invalidateQueries({ queryKey: analysisKeys.networks(space.id) });
        }}
      />
    </div>
  );
}

function NewAnalysis({ space, population, networks }: { space: Space; population: PopulationSet[]; networks: RoadNetwork[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ready = networks.filter((n) => n.status === 'done');
  const [populationId, setPopulationId] = useState('');
  const [networkId, setNetworkId] = useState('');
  const [name, setName] = useState('');
  const chosenPopulation = populationId || population[0]?.id || '';
  const chosenNetwork = networkId || ready[0]?.id || 'straight';
  const start = useMutation({
    mutationFn: () =>
      api.createAnalysis({ params: { id: space.id }, body: { populationId: chosenPopulation, networkId: chosenNetwork === 'straight' ? null : chosenNetwork, ...(name.trim() ? { name: name.trim() } : {}) } }),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: analysisKeys.list(space.id) });
      navigate(`/spaces/${space.id}/analyses/${id}`);
    },
  });
  return (
    <section className="section panel" aria-labelledby="new-analysis-heading">
      <h2 id="new-analysis-heading">{t('analyses.new.heading')}</h2>
      <p>{t('analyses.new.lead')}</p>
      {population.length === 0 ? (
        <p>{t('analyses.new.needPopulation')}</p>
      ) : (
        <form
          noValidate
          data-testid="new-analysis"
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate();
          }}
        >
          <ErrorSummary error={start.error} scope="new-analysis" labels={{ populationId: t('analyses.new.population'), networkId: t('analyses.new.network'), types: t('analyses.new.points') }} />
          <TextField scope="new-analysis" name="name" label={t('analyses.new.name')} hint={t('analyses.new.nameHint')} value={name} onChange={(e) => setName(e.target.value)} />
          <SelectField
            scope="new-analysis"
            name="populationId"
            label={t('analyses.new.population')}
            value={chosenPopulation}
            onChange={(e) => setPopulationId(e.target.value)}
            options={population.map((p) => ({ value: p.id, label: `${p.name} (${formatNumber(Math.round(p.population))})` }))}
          />
          <SelectField
            scope="new-analysis"
            name="networkId"
            label={t('analyses.new.network')}
            hint={ready.length ? undefined : t('analyses.new.noNetworkHint')}
            value={chosenNetwork}
            onChange={(e) => setNetworkId(e.target.value)}
            options={[...ready.map((n) => ({ value: n.id, label: n.name })), { value: 'straight', label: t('analyses.new.straight') }]}
          />
          <button type="submit" className="button" disabled={start.isPending}>
            {t('analyses.new.start')}
          </button>
        </form>
      )}
    </section>
  );
}
