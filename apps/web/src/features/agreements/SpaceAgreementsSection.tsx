import type { Space } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The way from a space's page to its agreements. */
export function SpaceAgreementsSection({ space }: { space: Space }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="agreements-heading" className="section">
      <h2 id="agreements-heading">{t('agreements.spaceHeading')}</h2>
      <ul className="link-cards">
        <li>
          <Link to={`/spaces/${space.id}/agreements`}>{t('agreements.nav')}</Link>
          <span className="muted">{t('agreements.spaceText')}</span>
        </li>
      </ul>
    </section>
  );
}
