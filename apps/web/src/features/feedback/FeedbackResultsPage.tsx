import type { QuestionResult } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { formatDate, formatNumber } from '../../api/format.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Loading } from '../../components/fields.tsx';
import { Bar } from '../processes/SpaceShell.tsx';

/** Results per question (distribution as bars and a table, mean, n), free texts, and the sessions side by side. */
export function FeedbackResultsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const results = useQuery({ queryKey: ['feedback-results', id], queryFn: () => api.getFeedbackResults({ params: { id } }), retry: false });
  usePageTitle(results.data ? t('process.feedback.results.title', { title: results.data.form.title }) : t('process.feedback.answer.title'));
  if (results.isPending)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (results.isError) {
    if (isApiError(results.error) && results.error.status === 404) return <NotFoundPage />;
    return <ErrorView error={results.error} />;
  }
  const r = results.data;
  const scaleQuestions = r.form.questions.filter((q) => q.kind === 'scale');
  return (
    <div className="container" data-testid="feedback-results">
      <p>
        <Link to={`/spaces/${r.form.spaceId}/feedback`}>{t('process.nav.feedback')}</Link>
      </p>
      <h1>{t('process.feedback.results.title', { title: r.form.title })}</h1>
      <p className="lead">{t('process.feedback.results.respondents', { count: r.respondents })}</p>
      <p>
        <a href={`/feedback/${r.form.id}`}>{t('process.feedback.results.link')}</a> ·{' '}
        <a href={`/api/feedback-forms/${r.form.id}/results?format=csv`} download>
          {t('process.feedback.results.csv')}
        </a>
      </p>
      <figure className="feedback-qr">
        <img src={`/api/feedback-forms/${r.form.id}/qr.svg`} alt={t('process.feedback.results.qrAlt', { title: r.form.title })} width={160} height={160} />
        <figcaption>{t('process.feedback.results.qr')}</figcaption>
      </figure>
      {r.questions.map((q) => (
        <QuestionView key={q.questionId} q={q} />
      ))}
      {r.comparison.length > 1 && (
        <section aria-labelledby="comparison">
          <h2 id="comparison">{t('process.feedback.results.comparison')}</h2>
          <DataTable
            caption={t('process.feedback.results.comparison')}
            captionHidden
            testId="feedback-comparison"
            rows={r.comparison}
            rowKey={(c) => c.formId}
            columns={[
              { key: 'session', header: t('process.feedback.results.session'), rowHeader: true, cell: (c) => [c.eventTitle ?? c.title, c.municipalityName, c.startsAt ? formatDate(c.startsAt) : null].filter(Boolean).join(', ') },
              { key: 'n', header: 'n', numeric: true, cell: (c) => c.respondents },
              ...scaleQuestions.map((q) => ({ key: q.id, header: q.text, numeric: true, cell: (c: (typeof r.comparison)[number]) => formatNumber(c.means[q.id] ?? null) })),
            ]}
          />
        </section>
      )}
    </div>
  );
}

function QuestionView({ q }: { q: QuestionResult }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...q.distribution.map((d) => d.count));
  return (
    <section className="card" aria-labelledby={`q-${q.questionId}`}>
      <h2 id={`q-${q.questionId}`} className="card__title">
        {q.text}
      </h2>
      <p>{q.mean !== null ? t('process.feedback.results.mean', { mean: formatNumber(q.mean), n: q.n }) : t('process.feedback.results.n', { n: q.n })}</p>
      {q.distribution.length > 0 && (
        <DataTable
          caption={t('process.feedback.results.distributionCaption', { text: q.text })}
          captionHidden
          rows={q.distribution}
          rowKey={(d) => d.label}
          columns={[
            { key: 'label', header: t('process.feedback.results.answer'), rowHeader: true, cell: (d) => d.label },
            {
              key: 'count',
              header: t('process.feedback.results.count'),
              cell: (d) => (
                <span className="minibar-cell">
                  <Bar value={d.count} max={max} />
                  {d.count}
                </span>
              ),
            },
          ]}
        />
      )}
      {q.texts.length > 0 && (
        <>
          <h3>{t('process.feedback.results.texts')}</h3>
          <ul>
            {q.texts.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
