import type { Space } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { modelKeys } from './ModelsPage.tsx';

/** On a space's page: the collaboration models it uses, with the version applied (nothing when none). */
export function SpaceModelsSection({ space }: { space: Space }) {
  const { t } = useTranslation();
  const uses = useQuery({ queryKey: modelKeys.space(space.id), queryFn: () => api.getSpaceModelUses({ params: { id: space.id } }) });
  if (!uses.data || uses.data.length === 0) return null;
  return (
    <section aria-labelledby="space-models-heading" className="section" data-testid="space-models">
      <h2 id="space-models-heading">{t('models.space.heading')}</h2>
      <ul>
        {uses.data.map((u) => (
          <li key={u.id}>
            <Link to={`/models/${u.modelId}`}>{u.modelTitle}</Link> {t('models.space.line', { version: u.version, municipality: u.municipalityName })}
          </li>
        ))}
      </ul>
    </section>
  );
}
