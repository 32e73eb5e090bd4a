import type { Organisation, Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { formatDateTime, sortBy } from '../../api/format.ts';
import { useSpace } from '../../api/hooks.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorSummary, fieldError, Loading, QueryError, StatusMessage, TextAreaField, TextField } from '../../components/fields.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useSpaceOrganisations } from '../actors/api.ts';
import { formatPercent, type Survey } from '../network/types.ts';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';

/** The mapping survey of a space: send personal links, follow the answers, remind. Leaders only. */
export function SurveysPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const space = useSpace(id);
  usePageTitle(space.data ? t('surveys.titleFor', { name: space.data.name }) : t('surveys.title'));
  if (space.isPending) {
    return (
      <div className="container">
        <h1>{t('surveys.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  if (!space.data.allowedActions.includes('run_surveys')) {
    return (
      <div className="container">
        <SpaceSubnav space={space.data} />
        <h1>{t('surveys.title')}</h1>
        <div className="notice notice--info">{t('surveys.leadersOnly')}</div>
      </div>
    );
  }
  return <SurveysView space={space.data} />;
}

function SurveysView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const surveys = useQuery({
    queryKey: ['surveys', space.id],
    queryFn: () => api.getSurveys({ params: { id: space.id } }),
  });
  const remind = useMutation({
    mutationFn: (s: Survey) => api.remindNonRespondents({ params: { id: space.id, surveyId: s.id } }),
    onSuccess: async (r) => {
      setMessage(t('surveys.reminded', { count: r.reminded }));
      await queryClient.invalidateQueries({ queryKey: ['surveys', space.id] });
    },
  });
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('surveys.titleFor', { name: space.name })}</h1>
      <p className="lead">{t('surveys.lead')}</p>
      {message && <StatusMessage>{message}</StatusMessage>}
      <section aria-labelledby="surveys-list-heading" className="section">
        <h2 id="surveys-list-heading">{t('surveys.listHeading')}</h2>
        {remind.isError && <QueryError error={remind.error} />}
        {surveys.isPending ? (
          <Loading />
        ) : surveys.isError ? (
          <QueryError error={surveys.error} />
        ) : surveys.data.length === 0 ? (
          <p className="empty">{t('surveys.none')}</p>
        ) : (
          <ul className="plain-list survey-list">
            {[...surveys.data]
              .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
              .map((s) => (
                <li key={s.id} className="card survey" data-testid="survey">
                  <h3 className="card__title">{s.title}</h3>
                  <p>
                    {t('surveys.sentAt', { date: formatDateTime(s.createdAt) })}{' '}
                    <strong data-testid="survey-rate">{t('surveys.rate', { responded: s.responded, invited: s.invited, rate: formatPercent(s.responseRate) })}</strong>
                  </p>
                  <progress className="survey__progress" max={Math.max(1, s.invited)} value={s.responded} aria-label={t('surveys.progressLabel', { title: s.title })} />
                  <details>
                    <summary>{t('surveys.perOrganisation')}</summary>
                    <DataTable
                      caption={t('surveys.recipientsCaption', { title: s.title })}
                      captionHidden
                      testId="survey-recipients"
                      rows={sortBy(s.recipients, (r) => r.organisationName)}
                      rowKey={(r) => r.organisationId}
                      columns={[
                        { key: 'org', header: t('surveys.organisation'), rowHeader: true, cell: (r) => <Link to={`/organisations/${r.organisationId}`}>{r.organisationName}</Link> },
                        { key: 'email', header: t('fields.email'), cell: (r) => r.email },
                        { key: 'status', header: t('surveys.status'), cell: (r) => (r.respondedAt ? t('surveys.answered', { date: formatDateTime(r.respondedAt) }) : t('surveys.notAnswered')) },
                        { key: 'reminded', header: t('surveys.remindedAt'), cell: (r) => formatDateTime(r.remindedAt) },
                      ]}
                    />
                  </details>
                  {s.responded < s.invited && (
                    <div className="actions">
                      <button
                        type="button"
                        className="button button--secondary"
                        disabled={remind.isPending}
                        onClick={() => {
                          if (window.confirm(t('surveys.remindConfirm', { count: s.invited - s.responded }))) remind.mutate(s);
                        }}
                      >
                        {t('surveys.remind')}
                        <span className="visually-hidden"> {s.title}</span>
                      </button>
                    </div>
                  )}
                </li>
              ))}
          </ul>
        )}
      </section>
      <SendSurvey space={space} onSent={setMessage} />
    </div>
  );
}

function SendSurvey({ space, onSent }: { space: Space; onSent: (message: string) => void }) {
  const { t } = useTranslation();
  const organisations = useSpaceOrganisations(space.id);
  return (
    <section aria-labelledby="send-heading" className="section panel">
      <h2 id="send-heading">{t('surveys.sendHeading')}</h2>
      <p>{t('surveys.sendLead')}</p>
      {organisations.isPending ? (
        <Loading />
      ) : organisations.isError ? (
        <QueryError error={organisations.error} />
      ) : organisations.data.length === 0 ? (
        <p className="empty">
          {t('surveys.noOrganisations')} <Link to={`/spaces/${space.id}/network`}>{t('surveys.toNetwork')}</Link>
        </p>
      ) : (
        <SendForm key={organisations.data.length} space={space} organisations={sortBy(organisations.data, (o) => o.name)} onSent={onSent} />
      )}
    </section>
  );
}

function SendForm({ space, organisations, onSent }: { space: Space; organisations: Organisation[]; onSent: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [recipients, setRecipients] = useState(() =>
    Object.fromEntries(organisations.map((o) => [o.id, { checked: Boolean(o.contactEmail), email: o.contactEmail ?? '' }])),
  );
  const chosen = organisations.filter((o) => recipients[o.id]?.checked);
  const send = useMutation({
    mutationFn: () =>
      api.sendSurvey({ params: { id: space.id }, body: {
          title,
          message: text.trim() || undefined,
          recipients: chosen.map((o) => ({ organisationId: o.id, email: recipients[o.id]!.email.trim() })),
        } }),
    onSuccess: async (s) => {
      onSent(t('surveys.sent', { count: s.invited, title: s.title }));
      setTitle('');
      setText('');
      await queryClient.invalidateQueries({ queryKey: ['surveys', space.id] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  const update = (id: string, change: Partial<{ checked: boolean; email: string }>) => setRecipients({ ...recipients, [id]: { ...recipients[id]!, ...change } });
  return (
    <>
      <ErrorSummary error={send.error} scope="survey" labels={{ title: t('surveys.surveyTitle'), message: t('surveys.message'), recipients: t('surveys.recipients') }} />
      <form onSubmit={submit} noValidate data-testid="survey-form">
        <TextField scope="survey" label={t('surveys.surveyTitle')} hint={t('surveys.titleHint')} name="title" value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(send.error, 'title')} required />
        <TextAreaField scope="survey" label={t('surveys.message')} hint={t('surveys.messageHint')} name="message" rows={3} value={text} onChange={(e) => setText(e.target.value)} error={fieldError(send.error, 'message')} />
        <fieldset className="fieldset" id="survey-recipients">
          <legend className="field__label">{t('surveys.recipients')}</legend>
          <p className="field__hint">{t('surveys.recipientsHint')}</p>
          <ScrollRegion label={t('surveys.recipients')}>
            <table className="table table--compact">
              <caption className="visually-hidden">{t('surveys.recipients')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('surveys.organisation')}</th>
                  <th scope="col">{t('fields.email')}</th>
                </tr>
              </thead>
              <tbody>
                {organisations.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">
                      <div className="checkbox">
                        <input type="checkbox" id={`recipient-${o.id}`} checked={recipients[o.id]?.checked ?? false} onChange={(e) => update(o.id, { checked: e.target.checked })} />
                        <label htmlFor={`recipient-${o.id}`}>{o.name}</label>
                      </div>
                    </th>
                    <td>
                      <label htmlFor={`recipient-email-${o.id}`} className="visually-hidden">
                        {t('surveys.emailFor', { name: o.name })}
                      </label>
                      <input
                        id={`recipient-email-${o.id}`}
                        type="email"
                        className="input input--small"
                        autoComplete="off"
                        value={recipients[o.id]?.email ?? ''}
                        onChange={(e) => update(o.id, { email: e.target.value, checked: e.target.value.trim() !== '' || recipients[o.id]!.checked })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </fieldset>
        <p role="status">{t('surveys.chosen', { count: chosen.length })}</p>
        <button type="submit" className="button" disabled={send.isPending}>
          {t('surveys.send')}
        </button>
      </form>
    </>
  );
}
