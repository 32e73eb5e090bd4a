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
import { useJoinRule } from '../auth/SignUpPage.tsx';

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
  const join = useJoinRule();

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
            <p className="button-group">
              <Link to="/sign-in" className="button">
                {t('start.signIn')}
              </Link>
              {join.mode !== 'invite' && (
                <Link to="/sign-up" className="button button--secondary">
                  {t('inviting.join.signUp')}
                </Link>
              )}
            </p>
          )}
        </div>
      </section>
      {!me && (
        <div className="container">
          <section aria-labelledby="join-heading" className="section join" data-testid="how-to-join">
            <h2 id="join-heading">{t('inviting.join.heading')}</h2>
            <div className="join__columns">
              <div>
                <h3>{t('inviting.join.withoutHeading')}</h3>
                <ul>
                  <li>{t('inviting.join.withoutInput')}</li>
                  <li>{t('inviting.join.withoutEvent')}</li>
                  <li>
                    {t('inviting.join.withoutBoard')} <Link to="/delta">{t('inviting.join.boardLink')}</Link>
                  </li>
                  <li>{t('inviting.join.withoutConsultation')}</li>
                </ul>
              </div>
              <div>
                <h3>{t('inviting.join.accountHeading')}</h3>
                <p>{t(`inviting.join.${join.mode}`, { domains: join.domains.join(', ') })}</p>
                {join.mode !== 'invite' && (
                  <p>
                    <Link to="/sign-up">{t('inviting.join.signUp')}</Link>
                  </p>
                )}
              </div>
            </div>
          </section>
        </div>
      )}
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
