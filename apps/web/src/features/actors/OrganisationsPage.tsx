import type { Organisation } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { collator, formatNumber } from '../../api/format.ts';
import { useMe, useMunicipalities } from '../../api/hooks.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Loading, QueryError, SelectField, TextField } from '../../components/fields.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { actorKeys } from './api.ts';
import { LEVELS, levelLabel, options, ORGANISATION_TYPES, SECTORS, sectorLabel, typeLabel } from './labels.ts';

const PAGE_SIZE = 50;
const FILTERS = ['q', 'sector', 'level', 'type', 'municipality'] as const;

/** The shared registry of organisations: search, filters and pages live in the address. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('organisations.title'));
  const { data: me } = useMe();
  const { data: municipalities } = useMunicipalities();
  const { setParams, filter, offset, setFilter, goTo } = useListParams(FILTERS);
  const list = useQuery({
    queryKey: actorKeys.organisations({ ...filter, offset }),
    queryFn: () => api.getOrganisations({ query: { ...filter, q: filter.q.trim(), limit: PAGE_SIZE, offset } }),
    placeholderData: (previous) => previous,
  });
  // The search waits for a pause in typing, so a weak connection is not asked once per letter.
  const [q, setQ] = useState(filter.q);
  useEffect(() => {
    if (q === filter.q) return;
    const timer = window.setTimeout(() => setFilter('q', q), 300);
    return () => window.clearTimeout(timer);
    // Only typing starts the wait; a filter changed elsewhere does not bring the old text back.
  }, [q]);
  const municipalityOptions = [
    { value: '', label: t('organisations.allMunicipalities') },
    ...[...(municipalities ?? [])].sort((a, b) => collator.compare(a.name, b.name)).map((m) => ({ value: m.code, label: m.name })),
  ];
  const filtered = FILTERS.some((k) => filter[k]);
  const total = list.data?.total ?? 0;
  return (
    <div className="container">
      <h1>{t('organisations.title')}</h1>
      <p className="lead">{t('organisations.lead')}</p>
      <div className="actions">
        {me && (
          <Link className="button" to="/organisations/new">
            {t('organisations.create')}
          </Link>
        )}
        <Link className="button button--secondary" to={filter.municipality ? `/network?municipality=${filter.municipality}` : '/network'}>
          {filter.municipality ? t('organisations.municipalityNetwork') : t('organisations.areaNetwork')}
        </Link>
      </div>
      <div className="filters" role="search" aria-label={t('organisations.filterLabel')}>
        <TextField
          scope="org-filter"
          label={t('organisations.search')}
          hint={t('organisations.searchHint')}
          name="q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          scope="org-filter"
          label={t('organisations.fields.sector')}
          name="sector"
          value={filter.sector}
          onChange={(e) => setFilter('sector', e.target.value)}
          options={options(SECTORS, (v) => sectorLabel(t, v), t('organisations.all'))}
        />
        <SelectField
          scope="org-filter"
          label={t('organisations.fields.level')}
          name="level"
          value={filter.level}
          onChange={(e) => setFilter('level', e.target.value)}
          options={options(LEVELS, (v) => levelLabel(t, v), t('organisations.all'))}
        />
        <SelectField
          scope="org-filter"
          label={t('organisations.fields.type')}
          name="type"
          value={filter.type}
          onChange={(e) => setFilter('type', e.target.value)}
          options={options(ORGANISATION_TYPES, (v) => typeLabel(t, v), t('organisations.all'))}
        />
        <SelectField
          scope="org-filter"
          label={t('organisations.fields.municipality')}
          name="municipality"
          value={filter.municipality}
          onChange={(e) => setFilter('municipality', e.target.value)}
          options={municipalityOptions}
        />
        {filtered && (
          <div className="filters__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setQ('');
                setParams(new URLSearchParams(), { replace: true });
              }}
            >
              {t('organisations.clearFilters')}
            </button>
          </div>
        )}
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : (
        <>
          <p role="status" data-testid="organisations-count">
            {t('organisations.count', { count: total, formatted: formatNumber(total) })}
          </p>
          <DataTable<Organisation>
            caption={t('organisations.caption')}
            captionHidden
            testId="organisations-table"
            rows={list.data.items}
            rowKey={(o) => o.id}
            empty={filtered ? t('organisations.noneMatch') : t('organisations.none')}
            columns={[
              { key: 'name', header: t('fields.name'), rowHeader: true, cell: (o) => <Link to={`/organisations/${o.id}`}>{o.name}</Link> },
              { key: 'sector', header: t('organisations.fields.sector'), cell: (o) => <SectorTag sector={o.sector} /> },
              { key: 'type', header: t('organisations.fields.type'), cell: (o) => typeLabel(t, o.type) },
              { key: 'level', header: t('organisations.fields.level'), cell: (o) => levelLabel(t, o.level) },
              { key: 'municipality', header: t('organisations.fields.municipality'), cell: (o) => o.municipalityName ?? '–' },
              { key: 'orgNumber', header: t('organisations.fields.orgNumber'), cell: (o) => o.orgNumber ?? '–' },
            ]}
          />
          {total > PAGE_SIZE && (
            <nav className="pager" aria-label={t('organisations.pages')}>
              <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => goTo(Math.max(0, offset - PAGE_SIZE))}>
                {t('organisations.previous')}
              </button>
              <span>
                {t('organisations.range', { from: formatNumber(offset + 1), to: formatNumber(Math.min(total, offset + PAGE_SIZE)), total: formatNumber(total) })}
              </span>
              <button type="button" className="button button--secondary" disabled={offset + PAGE_SIZE >= total} onClick={() => goTo(offset + PAGE_SIZE)}>
                {t('organisations.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}

/** A sector as a small coloured label; the colour matches the network drawing. */
export function SectorTag({ sector }: { sector: string }) {
  const { t } = useTranslation();
  return (
    <span className="sector">
      <span className={`sector__dot sector__dot--${sector}`} aria-hidden="true" />
      {sectorLabel(t, sector)}
    </span>
  );
}
