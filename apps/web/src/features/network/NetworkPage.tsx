import type { Network, NetworkNode, Space, SpaceAction } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { collator, formatNumber } from '../../api/format.ts';
import { useMunicipalities, useMunicipalityIndex, useSpace } from '../../api/hooks.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading, QueryError, SelectField, StatusMessage } from '../../components/fields.tsx';
import { RowActions } from '../../components/RowActions.tsx';
import { SortableTable } from '../../components/SortableTable.tsx';
import { useOrganisation } from '../actors/api.ts';
import {
  COLLABORATION_TYPES,
  collaborationTypeLabel,
  frequencyLabel,
  LEVELS,
  levelLabel,
  options,
  SECTORS,
  sectorLabel,
  SOURCES,
  sourceLabel,
  typeLabel,
} from '../actors/labels.ts';
import { SectorTag } from '../actors/OrganisationsPage.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';
import { ImportSection } from './ImportSection.tsx';
import { ManageSection } from './ManageSection.tsx';
import { MetricsPanel } from './MetricsPanel.tsx';
import { NetworkGraph } from './NetworkGraph.tsx';
import { nodeColumns } from './nodeColumns.tsx';
import { SnapshotsSection } from './SnapshotsSection.tsx';

const FILTERS = ['sector', 'level', 'type', 'municipality', 'source'] as const;
/** Collaborators listed beside the drawing; the tables hold the rest. */
const LINKS_SHOWN = 25;

export function NetworkPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const space = useSpace(id);
  usePageTitle(space.data ? t('network.titleFor', { name: space.data.name }) : t('network.title'));
  if (space.isPending) {
    return (
      <div className="container">
        <h1>{t('network.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  return <NetworkView space={space.data} />;
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
      <NetworkFilters space={space} filter={filter} setFilter={setFilter} clear={() => setParams(new URLSearchParams(), { replace: true })} filtered={filtered} />
      {network.isPending ? (
        <Loading />
      ) : network.isError ? (
        <QueryError error={network.error} />
      ) : (
        <>
          <p role="status" data-testid="network-summary">
            {t('network.summary', { nodes: t('network.nodes', { count: network.data.nodes.length, formatted: formatNumber(network.data.nodes.length) }), edges: t('network.edges', { count: network.data.edges.length, formatted: formatNumber(network.data.edges.length) }) })}
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

function NetworkFilters({
  space,
  filter,
  setFilter,
  clear,
  filtered,
}: {
  space: Space;
  filter: Record<string, string>;
  setFilter: (key: string, value: string) => void;
  clear: () => void;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  const index = useMunicipalityIndex();
  const { data: all } = useMunicipalities();
  // The space's own municipalities first; a network may reach beyond them, so all are offered.
  const own = new Set(space.municipalityCodes);
  const municipalityOptions = [
    { value: '', label: t('network.allMunicipalities') },
    ...space.municipalityCodes.map((c) => ({ value: c, label: index.get(c)?.name ?? c })).sort((a, b) => collator.compare(a.label, b.label)),
    ...[...(all ?? [])]
      .filter((m) => !own.has(m.code))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((m) => ({ value: m.code, label: m.name })),
  ];
  return (
    <div className="filters" role="search" aria-label={t('network.filterLabel')}>
      <SelectField
        scope="net"
        label={t('organisations.fields.sector')}
        name="sector"
        value={filter.sector}
        onChange={(e) => setFilter('sector', e.target.value)}
        options={options(SECTORS, (v) => sectorLabel(t, v), t('organisations.all'))}
      />
      <SelectField
        scope="net"
        label={t('organisations.fields.level')}
        name="level"
        value={filter.level}
        onChange={(e) => setFilter('level', e.target.value)}
        options={options(LEVELS, (v) => levelLabel(t, v), t('organisations.all'))}
      />
      <SelectField
        scope="net"
        label={t('network.fields.type')}
        name="type"
        value={filter.type}
        onChange={(e) => setFilter('type', e.target.value)}
        options={options(COLLABORATION_TYPES, (v) => collaborationTypeLabel(t, v), t('organisations.all'))}
      />
      <SelectField
        scope="net"
        label={t('organisations.fields.municipality')}
        name="municipality"
        value={filter.municipality}
        onChange={(e) => setFilter('municipality', e.target.value)}
        options={municipalityOptions}
      />
      <SelectField
        scope="net"
        label={t('network.fields.source')}
        name="source"
        value={filter.source}
        onChange={(e) => setFilter('source', e.target.value)}
        options={options(SOURCES, (v) => sourceLabel(t, v), t('organisations.all'))}
      />
      {filtered && (
        <div className="filters__actions">
          <button type="button" className="button button--secondary" onClick={clear}>
            {t('organisations.clearFilters')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Finds an organisation in the network by name; choosing one shows it in the drawing and its profile. */
function NetworkSearch({ nodes, onPick }: { nodes: NetworkNode[]; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const needle = q.trim().toLocaleLowerCase('sv');
  const matches = needle ? nodes.filter((n) => n.name.toLocaleLowerCase('sv').includes(needle)).sort((a, b) => collator.compare(a.name, b.name)) : [];
  return (
    <div className="network-search" role="search" aria-label={t('network.searchLabel')}>
      <div className="field">
        <label htmlFor="network-search" className="field__label">
          {t('network.search')}
        </label>
        <input
          id="network-search"
          type="search"
          className="input"
          value={q}
          autoComplete="off"
          aria-describedby="network-search-count"
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && matches[0]) {
              e.preventDefault();
              onPick(matches[0].id);
            }
          }}
        />
        <p id="network-search-count" className="field__hint" aria-live="polite">
          {needle ? t('network.searchMatches', { count: matches.length }) : t('network.searchHint')}
        </p>
      </div>
      {matches.length > 0 && (
        <ul className="network-search__results" data-testid="network-search-results">
          {matches.slice(0, 8).map((n) => (
            <li key={n.id}>
              <button type="button" className="link-button" onClick={() => onPick(n.id)}>
                {n.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The chosen organisation's profile beside the drawing: facts, collaborators, a link to its page. */
function SelectedPanel({
  network,
  selected,
  onClose,
  onPick,
}: {
  network: Network;
  selected: string | null;
  onClose: () => void;
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const organisation = useOrganisation(selected ?? '');
  const node = network.nodes.find((n) => n.id === selected);
  useEffect(() => {
    if (selected) heading.current?.focus();
  }, [selected]);
  const byId = useMemo(() => new Map(network.nodes.map((n) => [n.id, n])), [network]);
  if (!selected || !node) {
    return (
      <aside className="network-layout__panel panel" aria-label={t('network.profile')}>
        <p className="muted">{t('network.pickHint')}</p>
      </aside>
    );
  }
  const links = network.edges.filter((e) => e.source === selected || e.target === selected);
  return (
    <aside className="network-layout__panel panel" aria-labelledby="selected-heading" data-testid="network-profile">
      <h2 id="selected-heading" ref={heading} tabIndex={-1}>
        {node.name}
      </h2>
      <dl className="facts facts--compact">
        <div>
          <dt>{t('organisations.fields.sector')}</dt>
          <dd>
            <SectorTag sector={node.sector} />
          </dd>
        </div>
        <div>
          <dt>{t('organisations.fields.type')}</dt>
          <dd>{typeLabel(t, node.type)}</dd>
        </div>
        <div>
          <dt>{t('organisations.fields.level')}</dt>
          <dd>{levelLabel(t, node.level)}</dd>
        </div>
        <div>
          <dt>{t('organisations.fields.municipality')}</dt>
          <dd>{organisation.data?.municipalityName ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('network.fields.degree')}</dt>
          <dd>{node.degree}</dd>
        </div>
      </dl>
      {organisation.data?.description && <p className="description">{organisation.data.description}</p>}
      <h3>{t('network.collaboratesWith')}</h3>
      {links.length === 0 ? (
        <p className="muted">{t('network.noLinks')}</p>
      ) : (
        <ul className="plain-list">
          {links.slice(0, LINKS_SHOWN).map((e) => {
            const otherId = e.source === selected ? e.target : e.source;
            return (
              <li key={e.id}>
                <button type="button" className="link-button" onClick={() => onPick(otherId)}>
                  {byId.get(otherId)?.name ?? otherId}
                </button>{' '}
                <span className="muted">
                  ({collaborationTypeLabel(t, e.type)}, {sourceLabel(t, e.origin).toLocaleLowerCase('sv')}
                  {e.derivedFrom && e.description ? `: ${e.description}` : ''})
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {links.length > LINKS_SHOWN && <p>{t('metrics.andMore', { count: links.length - LINKS_SHOWN })}</p>}
      <div className="actions">
        <Link to={`/organisations/${node.id}`}>{t('network.openProfile', { name: node.name })}</Link>
        <button type="button" className="button button--small button--secondary" onClick={onClose}>
          {t('network.closeProfile')}
        </button>
      </div>
    </aside>
  );
}

function NetworkTables({
  space,
  network,
  onPick,
  onMessage,
}: {
  space: Space;
  network: Network;
  onPick: (id: string) => void;
  onMessage: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const index = useMunicipalityIndex();
  const manage = space.allowedActions.includes('manage_organisations');
  const byId = useMemo(() => new Map(network.nodes.map((n) => [n.id, n])), [network]);
  const name = (id: string) => byId.get(id)?.name ?? id;
  const municipality = (code: string | null) => (code ? (index.get(code)?.name ?? code) : '–');
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['network', space.id] });
    await queryClient.invalidateQueries({ queryKey: ['space-organisations', space.id] });
    await queryClient.invalidateQueries({ queryKey: ['collaborations'] });
  };
  const removeOrganisation = useMutation({
    mutationFn: (node: NetworkNode) => api.removeSpaceOrganisation({ params: { id: space.id, organisationId: node.id } }),
    onSuccess: async (_d, node) => {
      onMessage(t('network.removedFromSpace', { name: node.name }));
      await refresh();
    },
  });
  const removeCollaboration = useMutation({
    mutationFn: (edgeId: string) => api.removeCollaboration({ params: { id: edgeId } }),
    onSuccess: async () => {
      onMessage(t('network.collaborationRemoved'));
      await refresh();
    },
  });
  return (
    <section aria-labelledby="tables-heading" className="section">
      <h2 id="tables-heading">{t('network.tablesHeading')}</h2>
      <p>{t('network.tablesLead')}</p>
      {(removeOrganisation.error || removeCollaboration.error) && <QueryError error={removeOrganisation.error ?? removeCollaboration.error} />}
      <SortableTable<NetworkNode>
        caption={t('network.organisationsCaption', { count: network.nodes.length })}
        testId="network-organisations"
        rows={network.nodes}
        rowKey={(n) => n.id}
        initialSort={{ key: 'degree', direction: 'descending' }}
        empty={t('network.noOrganisations')}
        columns={[
          ...nodeColumns(t, municipality),
          {
            key: 'actions',
            header: t('common.actions'),
            hiddenHeader: true,
            cell: (n) => (
              <RowActions
                name={n.name}
                remove={
                  manage
                    ? {
                        label: t('network.removeFromSpace'),
                        confirm: t('network.removeFromSpaceConfirm', { name: n.name, space: space.name }),
                        pending: removeOrganisation.isPending,
                        onConfirm: () => removeOrganisation.mutate(n),
                      }
                    : undefined
                }
              >
                <button type="button" className="button button--small button--secondary" onClick={() => onPick(n.id)}>
                  {t('network.showInDrawing')}
                  <span className="visually-hidden"> {n.name}</span>
                </button>
              </RowActions>
            ),
          },
        ]}
      />
      <SortableTable
        caption={t('network.collaborationsCaption', { count: network.edges.length })}
        testId="network-collaborations"
        rows={network.edges}
        rowKey={(e) => e.id}
        initialSort={{ key: 'a', direction: 'ascending' }}
        empty={t('network.noCollaborations')}
        columns={[
          { key: 'a', header: t('network.fields.organisationA'), rowHeader: true, sortValue: (e) => name(e.source), cell: (e) => name(e.source) },
          { key: 'b', header: t('network.fields.organisationB'), sortValue: (e) => name(e.target), cell: (e) => name(e.target) },
          { key: 'type', header: t('network.fields.type'), sortValue: (e) => collaborationTypeLabel(t, e.type), cell: (e) => collaborationTypeLabel(t, e.type) },
          {
            key: 'source',
            header: t('network.fields.source'),
            sortValue: (e) => `${sourceLabel(t, e.origin)} ${e.description ?? ''}`,
            cell: (e) => <DerivedSource edge={e} />,
          },
          { key: 'frequency', header: t('network.fields.frequency'), sortValue: (e) => frequencyLabel(t, e.frequency), cell: (e) => frequencyLabel(t, e.frequency) },
          ...(manage
            ? [
                {
                  key: 'actions',
                  header: t('common.actions'),
                  hiddenHeader: true,
                  // Only this space's own ties: the registry's are its organisations' representatives' to remove.
                  cell: (e: Network['edges'][number]) =>
                    e.origin === 'derived' || e.spaceId !== space.id ? null : (
                      <button
                        type="button"
                        className="button button--small button--warning"
                        disabled={removeCollaboration.isPending}
                        onClick={() => {
                          if (window.confirm(t('network.removeCollaborationConfirm', { a: name(e.source), b: name(e.target) }))) removeCollaboration.mutate(e.id);
                        }}
                      >
                        {t('common.remove')}
                        <span className="visually-hidden"> {t('network.collaborationBetween', { a: name(e.source), b: name(e.target) })}</span>
                      </button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

/** Where a derived tie comes from (issue 11 §2): the shared activity by name, linked to its page. */
const DERIVED_PAGES: Record<string, string> = { initiative: '/initiatives/', event: '/events/', working_group: '/groups/', agreement: '/agreements/', measure: '/measures/' };
function DerivedSource({ edge }: { edge: Network['edges'][number] }) {
  const { t } = useTranslation();
  const label = sourceLabel(t, edge.origin);
  if (!edge.derivedFrom || !edge.description) return <>{label}</>;
  const page = DERIVED_PAGES[edge.derivedFrom.kind];
  return (
    <>
      {label}:{' '}
      {page ? <Link to={`${page}${edge.derivedFrom.id}`}>{edge.description}</Link> : edge.description}
    </>
  );
}
