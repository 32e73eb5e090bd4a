import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "Your data" on the account page: download everything, or go on to delete the account. */
export function PersonalDataSection() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="personal-data-heading" data-testid="personal-data">
      <h2 id="personal-data-heading">{t('privacy.account.heading')}</h2>
      <p>{t('privacy.account.lead')}</p>
      <ul className="plain-list">
        <li>
          <a href="/api/me/data?format=json" download>
            {t('privacy.account.downloadJson')}
          </a>
        </li>
        <li>
          <a href="/api/me/data?format=pdf" download>
            {t('privacy.account.downloadPdf')}
          </a>
        </li>
        <li>
          <a href="/api/me/data?format=html" target="_blank" rel="noopener">
            {t('privacy.account.viewHtml')}
            <span className="visually-hidden"> {t('privacy.newWindow')}</span>
          </a>
        </li>
      </ul>
      <p>
        {t('privacy.account.policy')} <Link to="/integritet">{t('privacy.footer')}</Link>
      </p>
      <h3>{t('privacy.account.deleteHeading')}</h3>
      <p>{t('privacy.account.deleteLead')}</p>
      <Link className="button button--warning" to="/account/delete">
        {t('privacy.account.deleteLink')}
      </Link>
    </section>
  );
}
