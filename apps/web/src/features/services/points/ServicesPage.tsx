import type { ServicePoint, Space } from '@samhandling/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { collator, formatDate, formatNumber } from '../../../api/format.ts';
import { useSpace } from '../../../api/hooks.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { Loading, QueryError, SelectField, TextField } from '../../../components/fields.tsx';
import { MunicipalityMap } from '../../../components/MunicipalityMap.tsx';
import { SpaceSubnav } from '../../spaces/SpaceSubnav.tsx';
import { useServicePoints, useSpaceSuggestions } from './api.ts';
import { ENGINE_SERVICE_TYPES, kindLabel, SERVICE_KINDS, STATUSES, statusLabel, typeLabel } from './labels.ts';

/** The public map and list of a space's services (who sees the space sees them). */
export function ServicesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const space = useSpace(id);
  usePageTitle(space.data ? t('servicePoints.titleFor', { name: space.data.name }) : t('servicePoints.title'));
  if (space.isPending) {
    return (
      <div className="container">
        <h1>{t('servicePoints.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  return <ServicesView space={space.data} />;
}

export function StatusTag({ point }: { point: Pick<ServicePoint, 'status' | 'statusDate'> }) {
  const { t } = useTranslation();
  return (
    <span className={`sp-status sp-status--${point.status}`}>
      {statusLabel(t, point.status)}
      {point.statusDate && point.status !== 'open' ? ` ${t('servicePoints.since', { date: formatDate(point.statusDate) })}` : ''}
    </span>
  );
}

function ServicesView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const points = useServicePoints(space.id);
  const actions = points.data?.allowedActions ?? [];
  const suggestions = useSpaceSuggestions(space.id, actions.includes('decide_suggestions'));
  const [q, setQ] = useState('');
  const [type, setType] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const needle = q.trim().toLocaleLowerCase('sv');
  const rows = [...(points.data?.items ?? [])]
    .filter((p) => !needle || p.name.toLocaleLowerCase('sv').includes(needle) || p.address.toLocaleLowerCase('sv').includes(needle) || p.externalId.toLowerCase().includes(needle))
    .filter((p) => !type || p.engineTypes.includes(type as never))
    .filter((p) => !kind || p.kinds.includes(kind as never))
    .filter((p) => !status || p.status === status)
    .sort((a, b) => collator.compare(a.name, b.name));
  const all = (label: string) => [{ value: '', label }];
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('servicePoints.titleFor', { name: space.name })}</h1>
      <p className="lead">{t('servicePoints.lead')}</p>
      {actions.length > 0 && (
        <div className="actions">
          {actions.includes('create') && (
            <Link className="button" to={`/spaces/${space.id}/services/new`}>
              {t('servicePoints.create')}
            </Link>
          )}
          {actions.includes('import') && (
            <Link className="button button--secondary" to={`/spaces/${space.id}/services/import`}>
              {t('servicePoints.import.title')}
            </Link>
          )}
          <a className="button button--secondary" href={`/api/spaces/${space.id}/service-points/export?format=csv`} download>
            {t('servicePoints.exportCsv')}
          </a>
          <a className="button button--secondary" href={`/api/spaces/${space.id}/service-points/export?format=geojson`} download>
            {t('servicePoints.exportGeoJson')}
          </a>
        </div>
      )}
      {suggestions.data && suggestions.data.length > 0 && (
        <section className="section panel" aria-labelledby="sp-pending-heading" data-testid="pending-suggestions">
          <h2 id="sp-pending-heading">{t('servicePoints.pendingTitle', { count: suggestions.data.length })}</h2>
          <ul>
            {suggestions.data.map((s) => (
              <li key={s.id}>
                <Link to={`/service-points/${s.pointId}#suggestions`}>{s.pointName}</Link> – {s.proposedByName ?? t('servicePoints.someone')}, {formatDate(s.proposedAt)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {points.isPending ? (
        <Loading />
      ) : points.isError ? (
        <QueryError error={points.error} />
      ) : (
        <>
          <div className="filters" role="search" aria-label={t('servicePoints.filterLabel')}>
            <TextField scope="sp-filter" label={t('servicePoints.search')} name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
            <SelectField
              scope="sp-filter"
              label={t('servicePoints.fields.type')}
              name="type"
              value={type}
              onChange={(e) => setType(e.target.value)}
              options={[...all(t('servicePoints.allTypes')), ...ENGINE_SERVICE_TYPES.map((v) => ({ value: v, label: typeLabel(t, v) }))]}
            />
            <SelectField
              scope="sp-filter"
              label={t('servicePoints.fields.kinds')}
              name="kind"
              value={kind}
              onChange={(e) => setKind(e.target.value)}
              options={[...all(t('servicePoints.allKinds')), ...SERVICE_KINDS.map((v) => ({ value: v, label: kindLabel(t, v) }))]}
            />
            <SelectField
              scope="sp-filter"
              label={t('servicePoints.fields.status')}
              name="status"
              value={status}
              onChange={(e) => setStatus(e.target.value)}
              options={[...all(t('servicePoints.allStatuses')), ...STATUSES.map((v) => ({ value: v, label: statusLabel(t, v) }))]}
            />
          </div>
          <p role="status" data-testid="service-points-count">
            {t('servicePoints.count', { count: rows.length, formatted: formatNumber(rows.length) })}
          </p>
          <MunicipalityMap
            codes={space.municipalityCodes}
            roadsOf={space.id}
            label={t('servicePoints.mapLabel', { name: space.name })}
            points={rows.map((p) => ({ id: p.id, lon: p.lon, lat: p.lat, label: `${p.name} (${statusLabel(t, p.status)})`, href: `/service-points/${p.id}`, muted: p.status === 'closed' }))}
          />
          <p className="muted">{t('servicePoints.mapHint')}</p>
          <DataTable<ServicePoint>
            caption={t('servicePoints.caption')}
            testId="service-points-table"
            rows={rows}
            rowKey={(p) => p.id}
            empty={points.data.total === 0 ? t('servicePoints.none') : t('servicePoints.noneMatch')}
            columns={[
              { key: 'name', header: t('servicePoints.fields.name'), rowHeader: true, cell: (p) => <Link to={`/service-points/${p.id}`}>{p.name}</Link> },
              { key: 'kinds', header: t('servicePoints.fields.kinds'), cell: (p) => p.kinds.map((k) => kindLabel(t, k)).join(', ') },
              { key: 'status', header: t('servicePoints.fields.status'), cell: (p) => <StatusTag point={p} /> },
              { key: 'municipality', header: t('servicePoints.fields.municipalityCode'), cell: (p) => p.municipalityName ?? '–' },
              { key: 'staffed', header: t('servicePoints.fields.staffed'), cell: (p) => (p.staffed === null ? '–' : p.staffed ? t('servicePoints.staffedYes') : t('servicePoints.staffedNo')) },
              {
                key: 'open',
                header: t('servicePoints.openNow'),
                cell: (p) => (p.openNow === null ? '–' : p.openNow ? t('servicePoints.openNowYes') : t('servicePoints.openNowNo')),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
