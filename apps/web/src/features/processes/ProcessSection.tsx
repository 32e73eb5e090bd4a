import type { Space } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** On a space's page: the guided process, the results (dashboard, comparison) and, for leaders, the feedback. */
export function ProcessSection({ space }: { space: Space }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="process-heading" className="section">
      <h2 id="process-heading">{t('process.section.heading')}</h2>
      <p>{t('process.section.lead')}</p>
      <ul className="link-cards" data-testid="process-links">
        <li>
          <Link to={`/spaces/${space.id}/processes`}>{t('process.nav.processes')}</Link>
          <span className="muted">{t('process.section.processes')}</span>
        </li>
        <li>
          <Link to={`/spaces/${space.id}/dashboard`}>{t('process.nav.dashboard')}</Link>
          <span className="muted">{t('process.section.dashboard')}</span>
        </li>
        <li>
          <Link to={`/spaces/${space.id}/comparison`}>{t('process.nav.comparison')}</Link>
          <span className="muted">{t('process.section.comparison')}</span>
        </li>
        {space.allowedActions.includes('manage_people') && (
          <li>
            <Link to={`/spaces/${space.id}/feedback`}>{t('process.nav.feedback')}</Link>
            <span className="muted">{t('process.section.feedback')}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
