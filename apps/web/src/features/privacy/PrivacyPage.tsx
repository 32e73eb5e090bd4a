import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading, QueryError } from '../../components/fields.tsx';
import i18n, { useLanguageLoaded } from '../../i18n/index.ts';
import './privacy.css';

/**
 * The privacy policy (personuppgiftspolicy), generated from the server's configuration: who is
 * responsible, what is processed and why, on what legal basis, for how long, and the rights.
 * /integritet is Swedish and /privacy English, whatever the interface language.
 */
export function PrivacyPage({ language }: { language: 'sv' | 'en' }) {
  const t = i18n.getFixedT(language);
  useTranslation();
  // /privacy is in English whatever the interface language: its texts may still be on their way.
  const textsLoaded = useLanguageLoaded(language);
  usePageTitle(t('privacy.page.title'));
  const policy = useQuery({ queryKey: ['privacy', language], queryFn: () => api.getPrivacyPolicy({ query: { lang: language } }) });
  const rights = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'withdraw', 'complaint'] as const;
  return (
    <div className="container narrow prose" lang={language}>
      <p>
        <Link to={language === 'sv' ? '/privacy' : '/integritet'} lang={language === 'sv' ? 'en' : 'sv'}>
          {language === 'sv' ? 'Privacy policy in English' : 'Personuppgiftspolicy på svenska'}
        </Link>
      </p>
      <h1>{t('privacy.page.title')}</h1>
      <p className="lead">{t('privacy.page.lead')}</p>
      {policy.isPending || !textsLoaded ? (
        <Loading />
      ) : policy.isError ? (
        <QueryError error={policy.error} />
      ) : (
        <>
          <h2>{t('privacy.page.controllerHeading')}</h2>
          {policy.data.controller.configured ? (
            <p data-testid="controller">
              {policy.data.controller.name}
              <br />
              {policy.data.controller.contact}
            </p>
          ) : (
            <div className="notice notice--info" data-testid="controller">
              <p>{t('privacy.page.controllerMissing')}</p>
            </div>
          )}
          {policy.data.dpoContact && <p>{t('privacy.page.dpo', { contact: policy.data.dpoContact })}</p>}
          <h2>{t('privacy.page.activitiesHeading')}</h2>
          {policy.data.activities.map((a) => (
            <section key={a.id} aria-labelledby={`activity-${a.id}`}>
              <h3 id={`activity-${a.id}`}>{a.name}</h3>
              <dl className="definition-list">
                <dt>{t('privacy.page.purpose')}</dt>
                <dd>{a.purpose}</dd>
                <dt>{t('privacy.page.legalBasis')}</dt>
                <dd>{a.legalBasis}</dd>
                <dt>{t('privacy.page.data')}</dt>
                <dd>{a.dataCategories}</dd>
                <dt>{t('privacy.page.recipients')}</dt>
                <dd>{a.recipients}</dd>
                <dt>{t('privacy.page.retention')}</dt>
                <dd>{a.retention}</dd>
              </dl>
            </section>
          ))}
          <h2>{t('privacy.page.retentionHeading')}</h2>
          <ul data-testid="retention">
            <li>{t('privacy.page.retentionRegistrations', { days: policy.data.retention.registrationAnswersDays })}</li>
            <li>{t('privacy.page.retentionBoards', { days: policy.data.retention.boardNamesDays })}</li>
            <li>{t('privacy.page.retentionOutbox', { days: policy.data.retention.outboxDays })}</li>
            <li>{t('privacy.page.retentionVolunteers', { days: policy.data.retention.volunteerContactsDays })}</li>
            <li>{t('privacy.page.retentionAudit', { years: policy.data.retention.auditYears })}</li>
          </ul>
          <h2>{t('privacy.page.rightsHeading')}</h2>
          <ul>
            {rights.map((r) => (
              <li key={r}>{t(`privacy.page.rights.${r}`)}</li>
            ))}
          </ul>
          <p>{t('privacy.page.howTo')}</p>
          <p>{t('privacy.page.security', { security: policy.data.activities[0]?.security ?? '' })}</p>
        </>
      )}
    </div>
  );
}
