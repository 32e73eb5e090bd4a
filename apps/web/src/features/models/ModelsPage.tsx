import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/hooks.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading, QueryError } from '../../components/fields.tsx';
import { SpreadText } from './SpreadText.tsx';

export const modelKeys = {
  list: ['models'] as const,
  one: (id: string) => ['model', id] as const,
  uses: (id: string) => ['model-uses', id] as const,
  space: (spaceId: string) => ['space-model-uses', spaceId] as const,
};

/** Collaboration models anyone can copy, each with how far it has spread. */
export function ModelsPage() {
  const { t } = useTranslation();
  usePageTitle(t('models.title'));
  const me = useMe();
  const models = useQuery({ queryKey: modelKeys.list, queryFn: () => api.getModels() });
  return (
    <div className="container">
      <h1>{t('models.title')}</h1>
      <p className="lead">{t('models.lead')}</p>
      {me.data && (
        <p>
          <Link className="button button--secondary" to="/models/import">
            {t('models.importLink')}
          </Link>
        </p>
      )}
      {models.isPending ? (
        <Loading />
      ) : models.isError ? (
        <QueryError error={models.error} />
      ) : models.data.length === 0 ? (
        <p className="empty">{t('models.none')}</p>
      ) : (
        <ul className="cards" data-testid="models-list">
          {models.data.map((m) => (
            <li key={m.id} className="card" data-testid="model-card">
              <h2 className="card__title">
                <Link to={`/models/${m.id}`}>{m.title}</Link>
              </h2>
              <p className="tags">
                {m.originMunicipalityName && <span className="tag">{t('models.fromTag', { name: m.originMunicipalityName })}</span>}
                <span className="tag">{t('models.versionTag', { version: m.version })}</span>
                {m.spread.spread && <span className="tag tag--role">{t('models.spreadTag')}</span>}
              </p>
              {m.summary && <p>{m.summary}</p>}
              <p className="muted">
                <SpreadText spread={m.spread} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
