import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDate, sortBy } from '../../api/format.ts';
import { useCounties, useMunicipalities } from '../../api/hooks.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading, QueryError, SelectField } from '../../components/fields.tsx';
import { PointsMap } from '../../components/PointsMap.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import i18n from '../../i18n/index.ts';
import { useGoals } from '../dialogues/inputs/api.ts';
import { GoalTags } from '../../components/GoalTargetPicker.tsx';
import { allianceKeys, SECTORS } from './shared.tsx';

const FILTERS = ['goal', 'county', 'municipality', 'sector'] as const;

/** The public directory of alliances and joint initiatives, filterable by goal, county, municipality and sector, with a map. */
export function DirectoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('alliances.directoryTitle'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? '']).filter(([, v]) => v)) as Record<string, string>;
  const goals = useGoals();
  const counties = useCounties();
  const municipalities = useMunicipalities();
  const initiatives = useQuery({ queryKey: allianceKeys.directory('initiatives', filter), queryFn: () => api.getInitiativesDirectory({ query: filter }) });
  const alliances = useQuery({ queryKey: allianceKeys.directory('alliances', filter), queryFn: () => api.getAlliancesDirectory({ query: filter }) });
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'county') next.delete('municipality');
    setParams(next, { replace: true });
  };
  const inCounty = (municipalities.data ?? []).filter((m) => !filter.county || m.countyCode === filter.county);
  const points = (initiatives.data ?? []).flatMap((i) => (i.lon !== null && i.lat !== null ? [{ id: i.id, lon: i.lon, lat: i.lat, title: i.title }] : []));
  return (
    <div className="container">
      <h1>{t('alliances.directoryTitle')}</h1>
      <p className="lead">{t('alliances.directoryLead')}</p>
      <form className="filters" role="search" aria-label={t('alliances.filtersLabel')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          scope="directory"
          name="goal"
          label={t('alliances.filterGoal')}
          value={filter.goal ?? ''}
          onChange={(e) => setFilter('goal', e.target.value)}
          options={[{ value: '', label: t('alliances.all') }, ...(goals.data ?? []).map((g) => ({ value: String(g.number), label: `${g.number}. ${i18n.language === 'en' ? g.nameEn : g.nameSv}` }))]}
        />
        <SelectField
          scope="directory"
          name="county"
          label={t('alliances.filterCounty')}
          value={filter.county ?? ''}
          onChange={(e) => setFilter('county', e.target.value)}
          options={[{ value: '', label: t('alliances.all') }, ...sortBy(counties.data ?? [], (c) => c.name).map((c) => ({ value: c.code, label: c.name }))]}
        />
        <SelectField
          scope="directory"
          name="municipality"
          label={t('alliances.filterMunicipality')}
          value={filter.municipality ?? ''}
          onChange={(e) => setFilter('municipality', e.target.value)}
          options={[{ value: '', label: t('alliances.all') }, ...sortBy(inCounty, (m) => m.name).map((m) => ({ value: m.code, label: m.name }))]}
        />
        <SelectField
          scope="directory"
          name="sector"
          label={t('alliances.filterSector')}
          value={filter.sector ?? ''}
          onChange={(e) => setFilter('sector', e.target.value)}
          options={[{ value: '', label: t('alliances.all') }, ...SECTORS.map((s) => ({ value: s, label: enumLabel(t, 'sector', s) }))]}
        />
      </form>

      <section className="section" aria-labelledby="directory-initiatives">
        <h2 id="directory-initiatives">{t('alliances.initiativesCount', { count: initiatives.data?.length ?? 0 })}</h2>
        {initiatives.isPending ? (
          <Loading />
        ) : initiatives.isError ? (
          <QueryError error={initiatives.error} />
        ) : (
          <div className="map-layout">
            <PointsMap points={points} label={t('alliances.mapLabel')} fallbackText={t('alliances.mapFallback')} onOpen={(id) => void navigate(`/initiatives/${id}`)} testId="initiatives-map" />
            <div className="map-layout__list">
              {initiatives.data.length === 0 ? (
                <p className="empty">{t('alliances.noneFound')}</p>
              ) : (
                <ScrollRegion label={t('alliances.initiativesCount', { count: initiatives.data.length })}>
                  <table className="table" data-testid="directory-initiatives">
                    <caption className="visually-hidden">{t('alliances.mapTableCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('alliances.initiative')}</th>
                        <th scope="col">{t('alliances.where')}</th>
                        <th scope="col">{t('alliances.status')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {initiatives.data.map((i) => (
                        <tr key={i.id}>
                          <td>
                            <Link to={`/initiatives/${i.id}`}>{i.title}</Link>
                            <br />
                            <span className="muted">{i.leadOrganisationName}</span>
                          </td>
                          <td>{[i.placeName, i.municipalityName].filter(Boolean).join(', ') || '–'}</td>
                          <td>
                            {enumLabel(t, 'initiativeStatus', i.status)}
                            {i.startDate ? ` (${formatDate(i.startDate)})` : ''}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              )}
            </div>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="directory-alliances">
        <h2 id="directory-alliances">{t('alliances.alliancesCount', { count: alliances.data?.length ?? 0 })}</h2>
        {alliances.isPending ? (
          <Loading />
        ) : alliances.isError ? (
          <QueryError error={alliances.error} />
        ) : alliances.data.length === 0 ? (
          <p className="empty">{t('alliances.noneFound')}</p>
        ) : (
          <ul className="cards" data-testid="directory-alliances">
            {alliances.data.map((a) => (
              <li key={a.id} className="card">
                <h3 className="card__title">
                  <Link to={`/alliances/${a.id}`}>{a.name}</Link>
                </h3>
                <p className="muted">{a.spaceName}</p>
                <GoalTags goals={a.goals} targets={a.targets} />
                <p className="muted">{t('alliances.counts', { members: a.memberCount, initiatives: a.initiativeCount })}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
