import type { Space } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** On a space's page: the way to its municipal service plans. */
export function SpacePlansSection({ space }: { space: Space }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="service-plans-heading" className="section">
      <h2 id="service-plans-heading">{t('servicePlans.space.heading')}</h2>
      <ul className="link-cards">
        <li>
          <Link to={`/spaces/${space.id}/service-plans`}>{t('servicePlans.space.link')}</Link>
          <span className="muted">{t('servicePlans.space.text')}</span>
        </li>
        <li>
          <Link to="/service-programme">{t('servicePlans.space.programmeLink')}</Link>
          <span className="muted">{t('servicePlans.space.programmeText')}</span>
        </li>
      </ul>
    </section>
  );
}
