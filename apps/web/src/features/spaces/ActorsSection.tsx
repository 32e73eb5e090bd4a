import type { Space, SpaceAction } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function ActorsSection({ space }: { space: Space }) {
  const { t } = useTranslation();
  const can = (action: SpaceAction) => space.allowedActions.includes(action);
  return (
    <section aria-labelledby="actors-heading" className="section">
      <h2 id="actors-heading">{t('spaceNav.heading')}</h2>
      <p>{t('spaceNav.lead')}</p>
      <ul className="link-cards">
        <li>
          <Link to={`/spaces/${space.id}/network`}>{t('spaceNav.networkLink')}</Link>
          <span className="muted">{t('spaceNav.networkText')}</span>
        </li>
        {/* service points (helper A) */}
        <li>
          <Link to={`/spaces/${space.id}/services`}>{t('servicePoints.spaceLink')}</Link>
          <span className="muted">{t('servicePoints.spaceLinkText')}</span>
        </li>
        {can('manage_people') && (
          <li>
            <Link to={`/spaces/${space.id}/people`}>{t('spaceNav.peopleLink')}</Link>
            <span className="muted">{t('spaceNav.peopleText')}</span>
          </li>
        )}
        {can('run_surveys') && (
          <li>
            <Link to={`/spaces/${space.id}/surveys`}>{t('spaceNav.surveysLink')}</Link>
            <span className="muted">{t('spaceNav.surveysText')}</span>
          </li>
        )}
        {/* services: accessibility analyses and scenarios */}
        <li>
          <Link to={`/spaces/${space.id}/analyses`}>{t('analyses.spaceLink')}</Link>
          <span className="muted">{t('analyses.spaceLinkText')}</span>
        </li>
      </ul>
    </section>
  );
}
