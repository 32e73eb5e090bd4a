import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { sortBy } from '../../api/format.ts';
import { useMe } from '../../api/hooks.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading, QueryError } from '../../components/fields.tsx';
import { MunicipalityList } from '../../components/MunicipalityList.tsx';
import { MunicipalityMap } from '../../components/MunicipalityMap.tsx';
import { SpaceCard } from './SpaceCard.tsx';

export function StartPage() {
  const { t } = useTranslation();
  usePageTitle(t('start.title'));
  const { data: me } = useMe();
  const spaces = useQuery({
    queryKey: ['spaces', 'active', me?.id ?? 'anonymous'],
    queryFn: () => api.listSpaces({ query: { archived: 'false' } }),
  });
  const list = sortBy(spaces.data ?? [], (s) => s.name);
  const codes = [...new Set(list.flatMap((s) => s.municipalityCodes))];
  const spacesOf = (code: string) => list.filter((s) => s.municipalityCodes.includes(code));

  return (
    <>
      <section className="hero" aria-labelledby="start-heading">
        <div className="container">
          <h1 id="start-heading">{t('start.heading')}</h1>
          <p className="lead">{t('start.lead')}</p>
          {me ? (
            <p>
              <Link to="/spaces/new" className="button">
                {t('start.createSpace')}
              </Link>
            </p>
          ) : (
            <p>
              <Link to="/sign-in" className="button">
                {t('start.signIn')}
              </Link>
            </p>
          )}
        </div>
      </section>
      <div className="container">
        <section aria-labelledby="spaces-heading" className="section">
          <h2 id="spaces-heading">{t('start.spacesHeading')}</h2>
          {spaces.isPending ? (
            <Loading />
          ) : spaces.isError ? (
            <QueryError error={spaces.error} />
          ) : list.length === 0 ? (
            <p className="empty">{t('start.noSpaces')}</p>
          ) : (
            <ul className="cards" data-testid="space-list">
              {list.map((s) => (
                <SpaceCard key={s.id} space={s} />
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="map-heading" className="section">
          <h2 id="map-heading">{t('start.mapHeading')}</h2>
          <p>{t('start.mapLead')}</p>
          <div className="map-layout">
            <MunicipalityMap codes={codes} label={t('start.mapLabel')} />
            <div className="map-layout__list">
              <MunicipalityList
                codes={codes}
                caption={t('start.municipalityListCaption', { count: codes.length })}
                extra={(code) =>
                  spacesOf(code).map((s, i) => (
                    <Fragment key={s.id}>
                      {i > 0 && ', '}
                      <Link to={`/spaces/${s.id}`}>{s.name}</Link>
                    </Fragment>
                  ))
                }
              />
            </div>
          </div>
        </section>
      </div>
    </>
  );
}
