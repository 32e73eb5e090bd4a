import type { Space, SpaceAction } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { formatNumber } from '../../api/format.ts';
import { useSpace } from '../../api/hooks.ts';
import { QueryPage } from '../../app/QueryPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading, QueryError, StatusMessage } from '../../components/fields.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';
import { ImportSection } from './ImportSection.tsx';
import { ManageSection } from './ManageSection.tsx';
import { MetricsPanel } from './MetricsPanel.tsx';
import { NetworkFilters, NetworkSearch } from './NetworkFilters.tsx';
import { NetworkGraph } from './NetworkGraph.tsx';
import { NetworkTables } from './NetworkTables.tsx';
import { SelectedPanel } from './SelectedPanel.tsx';
import { SnapshotsSection } from './SnapshotsSection.tsx';

const FILTERS = ['sector', 'level', 'type', 'municipality', 'source'] as const;

export function NetworkPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const space = useSpace(id);
  usePageTitle(space.data ? t('network.titleFor', { name: space.data.name }) : t('network.title'));
  return (
    <QueryPage query={space} heading={t('network.title')}>
      {(data) => <NetworkView space={data} />}
    </QueryPage>
  );
}

function NetworkView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const can = (action: SpaceAction) => space.allowedActions.includes(action);
  const network = useQuery({
    queryKey: ['network', space.id, filter],
    queryFn: () => api.getSpaceNetwork({ params: { id: space.id }, query: filter }),
    placeholderData: (previous) => previous,
  });
  const metrics = useQuery({
    queryKey: ['network', space.id, 'metrics', filter],
    queryFn: () => api.getSpaceMetrics({ params: { id: space.id }, query: filter }),
    placeholderData: (previous) => previous,
  });
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const added = params.get('added');
  const select = useCallback((nodeId: string | null) => setSelected(nodeId), []);
  const filtered = FILTERS.some((k) => filter[k]);
  const exportQuery = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
  const exportHref = (format: string) => {
    const q = new URLSearchParams(exportQuery);
    q.set('format', format);
    return `/api/spaces/${space.id}/network/export?${q.toString()}`;
  };
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('network.titleFor', { name: space.name })}</h1>
      <p className="lead">{t('network.lead')}</p>
      {added && !message && <StatusMessage>{t('network.addedNotice')}</StatusMessage>}
      {message && <StatusMessage>{message}</StatusMessage>}
      <NetworkFilters
        space={space}
        filter={filter}
        setFilter={setFilter}
        clear={() => setParams(new URLSearchParams(), { replace: true })}
        filtered={filtered}
      />
      {network.isPending ? (
        <Loading />
      ) : network.isError ? (
        <QueryError error={network.error} />
      ) : (
        <>
          <p role="status" data-testid="network-summary">
            {t('network.summary', {
              nodes: t('network.nodes', { count: network.data.nodes.length, formatted: formatNumber(network.data.nodes.length) }),
              edges: t('network.edges', { count: network.data.edges.length, formatted: formatNumber(network.data.edges.length) }),
            })}
          </p>
          <div className="network-layout">
            <section aria-labelledby="drawing-heading" className="network-layout__drawing">
              <h2 id="drawing-heading" className="visually-hidden">
                {t('network.drawingHeading')}
              </h2>
              <NetworkSearch nodes={network.data.nodes} onPick={select} />
              <NetworkGraph
                network={network.data}
                selected={selected}
                onSelect={select}
                listHref="#tables-heading"
                label={t('network.drawingLabel', {
                  name: space.name,
                  nodes: network.data.nodes.length,
                  edges: network.data.edges.length,
                })}
              />
            </section>
            <SelectedPanel network={network.data} selected={selected} onClose={() => setSelected(null)} onPick={select} />
          </div>
          <NetworkTables space={space} network={network.data} onPick={select} onMessage={setMessage} />
        </>
      )}
      <section aria-labelledby="metrics-heading" className="section">
        <h2 id="metrics-heading">{t('metrics.heading')}</h2>
        <p>{t('metrics.lead')}</p>
        {metrics.isPending ? (
          <Loading />
        ) : metrics.isError ? (
          <QueryError error={metrics.error} />
        ) : (
          <MetricsPanel metrics={metrics.data} nodes={network.data?.nodes ?? []} />
        )}
      </section>
      <section aria-labelledby="export-heading" className="section">
        <h2 id="export-heading">{t('network.exportHeading')}</h2>
        <p>{filtered ? t('network.exportFiltered') : t('network.exportLead')}</p>
        <ul className="plain-list download-list">
          <li>
            <a href={exportHref('gexf')} download data-testid="export-gexf">
              {t('network.exportGexf')}
            </a>
          </li>
          <li>
            <a href={exportHref('organisations.csv')} download data-testid="export-organisations">
              {t('network.exportOrganisations')}
            </a>
          </li>
          <li>
            <a href={exportHref('collaborations.csv')} download data-testid="export-collaborations">
              {t('network.exportCollaborations')}
            </a>
          </li>
        </ul>
      </section>
      {can('manage_organisations') && <ManageSection space={space} onMessage={setMessage} />}
      <SnapshotsSection space={space} />
      {can('manage_organisations') && <ImportSection space={space} />}
    </div>
  );
}
