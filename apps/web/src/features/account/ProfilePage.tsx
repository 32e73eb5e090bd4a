import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading, QueryError } from '../../components/fields.tsx';
import { sectorLabel } from '../actors/labels.ts';

/** A person's profile, as far as they show it to the reader; hidden ones read as "not found". */
export function ProfilePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const profile = useQuery({ queryKey: ['profile', id], queryFn: () => api.getProfile({ params: { id } }), retry: false });
  usePageTitle(profile.data?.name ?? t('inviting.profile.pageTitle'));
  if (profile.isPending) {
    return (
      <div className="container narrow">
        <h1>{t('inviting.profile.pageTitle')}</h1>
        <Loading />
      </div>
    );
  }
  if (profile.isError) {
    return (
      <div className="container narrow">
        <h1>{t('inviting.profile.pageTitle')}</h1>
        {isApiError(profile.error) && profile.error.status === 404 ? (
          <p>{t('inviting.profile.hidden')}</p>
        ) : (
          <QueryError error={profile.error} />
        )}
      </div>
    );
  }
  const p = profile.data;
  return (
    <div className="container narrow">
      <h1>{p.name}</h1>
      {p.isMe && (
        <p className="notice notice--info">
          {t('inviting.profile.yours')} <Link to="/account">{t('inviting.profile.edit')}</Link>
        </p>
      )}
      <dl className="facts" data-testid="profile-facts">
        <div>
          <dt>{t('inviting.profile.organisation')}</dt>
          <dd>{p.organisation || t('inviting.profile.notStated')}</dd>
        </div>
        <div>
          <dt>{t('inviting.profile.sector')}</dt>
          <dd>{p.sector ? sectorLabel(t, p.sector) : t('inviting.profile.notStated')}</dd>
        </div>
        <div>
          <dt>{t('inviting.profile.municipality')}</dt>
          <dd>{p.municipality?.name ?? t('inviting.profile.notStated')}</dd>
        </div>
      </dl>
      {p.presentation && (
        <section aria-labelledby="presentation-heading" className="section">
          <h2 id="presentation-heading">{t('inviting.profile.presentation')}</h2>
          <p className="description">{p.presentation}</p>
        </section>
      )}
      <section aria-labelledby="profile-spaces-heading" className="section">
        <h2 id="profile-spaces-heading">{t('inviting.profile.spaces')}</h2>
        {p.spaces.length === 0 ? (
          <p className="empty">{t('inviting.profile.noSpaces')}</p>
        ) : (
          <ul className="plain-list">
            {p.spaces.map((s) => (
              <li key={s.id}>
                <Link to={`/spaces/${s.id}`}>{s.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
