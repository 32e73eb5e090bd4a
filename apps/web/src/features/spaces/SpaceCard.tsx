import type { Space } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../api/format.ts';
import { kindLabel, roleLabel, visibilityLabel } from './labels.ts';

export function SpaceCard({ space }: { space: Space }) {
  const { t } = useTranslation();
  return (
    <li className="card space-card" data-testid="space-card">
      <h3 className="card__title">
        <Link to={`/spaces/${space.id}`}>{space.name}</Link>
      </h3>
      <p className="tags">
        <span className="tag">{kindLabel(t, space.kind)}</span>
        <span className={`tag ${space.visibility === 'members' ? 'tag--private' : 'tag--public'}`}>
          {visibilityLabel(t, space.visibility)}
        </span>
        {space.archived && <span className="tag tag--archived">{t('space.archived')}</span>}
      </p>
      {space.description && <p className="card__text">{space.description}</p>}
      <dl className="card__facts">
        <div>
          <dt>{t('space.municipalities')}</dt>
          <dd>{formatNumber(space.municipalityCodes.length)}</dd>
        </div>
        <div>
          <dt>{t('space.members')}</dt>
          <dd>{formatNumber(space.memberCount)}</dd>
        </div>
        {space.myRole && (
          <div>
            <dt>{t('space.myRole')}</dt>
            <dd>{roleLabel(t, space.myRole)}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}
