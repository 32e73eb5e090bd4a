import { useTranslation } from 'react-i18next';
import { usePageTitle } from './usePage.ts';

export function AccessibilityPage() {
  const { t } = useTranslation();
  usePageTitle(t('accessibility.title'));
  return (
    <div className="container narrow prose">
      <h1>{t('accessibility.title')}</h1>
      <p className="lead">{t('accessibility.lead')}</p>
      <h2>{t('accessibility.statusHeading')}</h2>
      <p>{t('accessibility.status')}</p>
      <h2>{t('accessibility.knownHeading')}</h2>
      <p>{t('accessibility.known')}</p>
      <h2>{t('accessibility.reportHeading')}</h2>
      <p>{t('accessibility.report')}</p>
    </div>
  );
}
