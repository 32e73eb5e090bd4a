import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from './usePage.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <div className="container narrow" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p className="lead">{t('notFound.text')}</p>
      <ul>
        <li>{t('notFound.checkAddress')}</li>
        <li>
          <Link to="/">{t('notFound.toStart')}</Link>
        </li>
      </ul>
    </div>
  );
}
