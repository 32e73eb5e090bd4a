import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { collator, formatNumber } from '../../api/format.ts';
import { useCounties, useMunicipalities, useMunicipalityIndex } from '../../api/hooks.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading, QueryError, SelectField } from '../../components/fields.tsx';
import { SortableTable } from '../../components/SortableTable.tsx';
import { MetricsPanel } from './MetricsPanel.tsx';
import { nodeColumns } from './nodeColumns.tsx';
import { NetworkGraph } from './NetworkGraph.tsx';

/** The network of every organisation in a municipality or a county, across spaces. */
export function AreaNetworkPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const municipality = params.get('municipality') ?? '';
  const county = params.get('county') ?? '';
  const index = useMunicipalityIndex();
  const { data: municipalities } = useMunicipalities();
  const { data: counties } = useCounties();
  const countyName = counties?.find((c) => c.code === county)?.name;
  const area = municipality ? (index.get(municipality)?.name ?? municipality) : county ? (countyName ?? county) : '';
  usePageTitle(area ? t('area.titleFor', { area }) : t('area.title'));
  const [selected, setSelected] = useState<string | null>(null);
  const select = useCallback((id: string | null) => setSelected(id), []);
  const data = useQuery({
    queryKey: ['area-network', municipality, county],
    queryFn: () => api.getNetwork({ query: municipality ? { municipality } : { county } }),
    enabled: Boolean(municipality || county),
  });
  const choose = (key: 'municipality' | 'county', value: string) => setParams(value ? { [key]: value } : {}, { replace: true });
  const municipalityName = (code: string | null) => (code ? (index.get(code)?.name ?? code) : '–');
  return (
    <div className="container">
      <p className="breadcrumbs">
        <Link to="/organisations">{t('organisations.title')}</Link>
      </p>
      <h1>{area ? t('area.titleFor', { area }) : t('area.title')}</h1>
      <p className="lead">{t('area.lead')}</p>
      <div className="filters" role="search" aria-label={t('area.chooseLabel')}>
        <SelectField
          scope="area"
          label={t('organisations.fields.municipality')}
          name="municipality"
          value={municipality}
          onChange={(e) => choose('municipality', e.target.value)}
          options={[
            { value: '', label: t('common.choose') },
            ...[...(municipalities ?? [])].sort((a, b) => collator.compare(a.name, b.name)).map((m) => ({ value: m.code, label: m.name })),
          ]}
        />
        <SelectField
          scope="area"
          label={t('area.county')}
          name="county"
          value={county}
          onChange={(e) => choose('county', e.target.value)}
          options={[{ value: '', label: t('common.choose') }, ...[...(counties ?? [])].sort((a, b) => collator.compare(a.name, b.name)).map((c) => ({ value: c.code, label: c.name }))]}
        />
      </div>
      {!municipality && !county ? (
        <p>{t('area.choose')}</p>
      ) : data.isPending ? (
        <Loading />
      ) : data.isError ? (
        <QueryError error={data.error} />
      ) : (
        <>
          <p role="status">{t('network.summary', { nodes: t('network.nodes', { count: data.data.network.nodes.length, formatted: formatNumber(data.data.network.nodes.length) }), edges: t('network.edges', { count: data.data.network.edges.length, formatted: formatNumber(data.data.network.edges.length) }) })}</p>
          <NetworkGraph network={data.data.network} selected={selected} onSelect={select} listHref="#area-tables-heading" label={t('area.drawingLabel', { area })} />
          {selected && (
            <p>
              <Link to={`/organisations/${selected}`}>{t('network.openProfile', { name: data.data.network.nodes.find((n) => n.id === selected)?.name ?? '' })}</Link>
            </p>
          )}
          <section aria-labelledby="area-tables-heading" className="section">
            <h2 id="area-tables-heading">{t('network.tablesHeading')}</h2>
            <SortableTable
              caption={t('network.organisationsCaption', { count: data.data.network.nodes.length })}
              testId="area-organisations"
              rows={data.data.network.nodes}
              rowKey={(n) => n.id}
              initialSort={{ key: 'degree', direction: 'descending' }}
              empty={t('network.noOrganisations')}
              columns={nodeColumns(t, municipalityName)}
            />
          </section>
          <section aria-labelledby="area-metrics-heading" className="section">
            <h2 id="area-metrics-heading">{t('metrics.heading')}</h2>
            <MetricsPanel metrics={data.data.metrics} nodes={data.data.network.nodes} />
          </section>
        </>
      )}
    </div>
  );
}
