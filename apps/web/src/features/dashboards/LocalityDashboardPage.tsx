import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { formatNumber } from '../../api/format.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Loading } from '../../components/fields.tsx';
import { FigureCard } from './DashboardPage.tsx';

/** A village's dashboard: what the platform's data says about it, and what it cannot say. */
export function LocalityDashboardPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const dashboard = useQuery({
    queryKey: ['dashboard', 'locality', id],
    queryFn: () => api.getLocalityDashboard({ params: { id } }),
    retry: false,
  });
  usePageTitle(dashboard.data ? t('dashboards.village.title', { name: dashboard.data.locality.name }) : t('process.nav.dashboard'));
  if (dashboard.isPending)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (dashboard.isError) {
    if (isApiError(dashboard.error) && (dashboard.error.status === 404 || dashboard.error.status === 400)) return <NotFoundPage />;
    return <ErrorView error={dashboard.error} />;
  }
  const d = dashboard.data;
  const kindLabel = (kind: string) =>
    t(`servicePoints.kinds.${kind}`, { defaultValue: t(`process.dashboard.key.${kind}`, { defaultValue: kind }) });
  return (
    <div className="container" data-testid="village-dashboard">
      <p className="breadcrumb">
        <Link to={`/municipalities/${d.locality.municipalityCode}/dashboard`}>
          {t('process.dashboard.title', { name: d.locality.municipalityName })}
        </Link>
      </p>
      <h1>{t('dashboards.village.title', { name: d.locality.name })}</h1>
      <p className="lead">
        {d.locality.population !== null
          ? t('dashboards.village.lead', { municipality: d.locality.municipalityName, population: formatNumber(d.locality.population) })
          : t('dashboards.village.leadNoPopulation', { municipality: d.locality.municipalityName })}
      </p>
      <p>{t('dashboards.village.method', { km: formatNumber(d.radiusKm) })}</p>
      <section aria-labelledby="village-figures">
        <h2 id="village-figures">{t('process.dashboard.figures')}</h2>
        <ul className="figures">
          {d.figures.map((f) => (
            <FigureCard key={f.key} figure={f} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="village-services">
        <h2 id="village-services">{t('dashboards.village.nearest')}</h2>
        <DataTable
          caption={t('dashboards.village.nearestCaption', { name: d.locality.name })}
          testId="village-nearest"
          rows={d.nearest}
          rowKey={(n) => n.kind}
          empty={t('dashboards.village.noServices')}
          columns={[
            { key: 'kind', header: t('dashboards.village.kind'), rowHeader: true, cell: (n) => kindLabel(n.kind) },
            { key: 'name', header: t('dashboards.village.point'), cell: (n) => <Link to={`/service-points/${n.pointId}`}>{n.name}</Link> },
            { key: 'distance', header: t('dashboards.village.distance'), numeric: true, cell: (n) => `${formatNumber(n.distanceKm)} km` },
          ]}
        />
      </section>
      {d.unknown.length > 0 && (
        <section aria-labelledby="village-unknown" data-testid="village-unknown">
          <h2 id="village-unknown">{t('dashboards.village.unknown')}</h2>
          <ul>
            {d.unknown.map((u) => (
              <li key={u}>{t(`dashboards.village.unknownItem.${u}`, { defaultValue: u })}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
