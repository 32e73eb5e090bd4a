import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading, QueryError } from '../../components/fields.tsx';
import '../privacy/privacy.css';

/** The register of processing activities (GDPR art. 30) for platform admins, with a CSV export. */
export function AdminPrivacyPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('privacy.register.title'));
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const register = useQuery({
    queryKey: ['privacy-register', lang],
    queryFn: () => api.getProcessingRegister({ query: { lang } }),
  });
  const fields = ['purpose', 'legalBasis', 'dataSubjects', 'dataCategories', 'recipients', 'transfers', 'retention', 'security'] as const;
  return (
    <div className="prose">
      <h1>{t('privacy.register.title')}</h1>
      <p className="lead">{t('privacy.register.lead')}</p>
      <p>
        <a className="button button--secondary" href={`/api/admin/privacy/register.csv?lang=${lang}`} download>
          {t('privacy.register.csv')}
        </a>{' '}
        <Link to="/integritet">{t('privacy.footer')}</Link>
      </p>
      {register.isPending ? (
        <Loading />
      ) : register.isError ? (
        <QueryError error={register.error} />
      ) : (
        <>
          <h2>{t('privacy.page.controllerHeading')}</h2>
          <p data-testid="register-controller">
            {register.data.controller.configured
              ? `${register.data.controller.name}, ${register.data.controller.contact}`
              : t('privacy.page.controllerMissing')}
          </p>
          {register.data.activities.map((a) => (
            <section key={a.id} aria-labelledby={`register-${a.id}`} className="panel">
              <h2 id={`register-${a.id}`}>{a.name}</h2>
              <dl className="definition-list">
                {fields.map((f) => (
                  <div key={f}>
                    <dt>{t(`privacy.register.fields.${f}`)}</dt>
                    <dd>{a[f]}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
