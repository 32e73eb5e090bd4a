import type { PlanComment, ServicePlan } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../../api/client.ts';
import { formatDate, sortBy } from '../../../api/format.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { ErrorSummary, fieldError, Loading, QueryError, SelectField, StatusMessage, TextAreaField, TextField } from '../../../components/fields.tsx';
import { planKeys, useMunicipalityLocalities, usePlan, usePlanComments } from './api.ts';
import { statusLabel } from './labels.ts';
import { PlanContentView } from './PlanContentView.tsx';
import './plans.css';

/**
 * The public consultation page: the version out for consultation, the published comments with
 * their dates and the municipality's answers, and a form anyone can comment with (no account).
 */
export function ConsultationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const plan = usePlan(id);
  usePageTitle(plan.data ? t('servicePlans.consultation.titleFor', { title: plan.data.title }) : t('servicePlans.consultation.title'));
  if (plan.isPending) {
    return (
      <div className="container">
        <h1>{t('servicePlans.consultation.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (plan.isError) {
    if (isApiError(plan.error) && (plan.error.status === 404 || plan.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={plan.error} />;
  }
  return <Consultation plan={plan.data} />;
}

function Consultation({ plan }: { plan: ServicePlan }) {
  const { t } = useTranslation();
  const comments = usePlanComments(plan.id);
  const published = (comments.data ?? []).filter((c) => c.status === 'published');
  const consultation = plan.versions.filter((v) => v.status === 'consultation').at(-1);
  return (
    <div className="container">
      <p className="breadcrumbs">
        <Link to={`/service-plans/${plan.id}`}>{plan.title}</Link>
      </p>
      <h1>{t('servicePlans.consultation.titleFor', { title: plan.title })}</h1>
      <p className="lead">
        {plan.consultationOpen && consultation?.consultationEndsOn
          ? t('servicePlans.consultation.open', { municipality: plan.municipalityName, date: formatDate(consultation.consultationEndsOn) })
          : t('servicePlans.consultation.closed', { status: statusLabel(t, plan.status) })}
      </p>
      <p>
        <a href={`/api/service-plans/${plan.id}/export.pdf${consultation ? `?version=${consultation.number}` : ''}`} download>
          {t('servicePlans.consultation.downloadPdf')}
        </a>
      </p>
      {plan.consultationOpen && <CommentForm plan={plan} />}
      <section aria-labelledby="comments-heading" className="section">
        <h2 id="comments-heading">{t('servicePlans.consultation.commentsHeading')}</h2>
        {comments.isPending ? (
          <Loading />
        ) : comments.isError ? (
          <QueryError error={comments.error} />
        ) : published.length === 0 ? (
          <p className="muted">{t('servicePlans.consultation.noComments')}</p>
        ) : (
          <ul className="plain-list" data-testid="published-comments">
            {published.map((c) => (
              <PublishedComment key={c.id} comment={c} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="plan-text-heading" className="section">
        <h2 id="plan-text-heading">{t('servicePlans.consultation.planHeading', { number: plan.shownVersion ?? consultation?.number ?? '' })}</h2>
        <PlanContentView spaceId={plan.spaceId} content={plan.content} needs={plan.needs} analysis={plan.analysis} headingLevel={3} />
      </section>
    </div>
  );
}

function PublishedComment({ comment }: { comment: PlanComment }) {
  const { t } = useTranslation();
  return (
    <li className="card plan-comment">
      <p className="muted">
        <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time> · {comment.authorName ?? t('servicePlans.consultation.anonymous')}
        {comment.localityName && `, ${comment.localityName}`}
      </p>
      <p>{comment.body}</p>
      {comment.response && (
        <p className="plan-comment__response">
          <strong>{t('servicePlans.consultation.response')}</strong> {comment.response}
        </p>
      )}
    </li>
  );
}

function CommentForm({ plan }: { plan: ServicePlan }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const localities = useMunicipalityLocalities(plan.municipalityCode);
  const [values, setValues] = useState({ body: '', authorName: '', localityId: '' });
  const [sent, setSent] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      api.addPlanComment({ params: { id: plan.id }, body: { body: values.body, authorName: values.authorName.trim() || null, localityId: values.localityId || null } }),
    onSuccess: async () => {
      setSent(true);
      setValues({ body: '', authorName: '', localityId: '' });
      await queryClient.invalidateQueries({ queryKey: planKeys.comments(plan.id) });
    },
  });
  return (
    <section aria-labelledby="comment-heading" className="section panel">
      <h2 id="comment-heading">{t('servicePlans.consultation.formHeading')}</h2>
      <p>{t('servicePlans.consultation.formLead')}</p>
      {sent && <StatusMessage>{t('servicePlans.consultation.thanks')}</StatusMessage>}
      <form
        noValidate
        data-testid="comment-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setSent(false);
          send.mutate();
        }}
      >
        <ErrorSummary error={send.error} scope="comment" labels={{ body: t('servicePlans.consultation.body'), authorName: t('servicePlans.consultation.name'), localityId: t('servicePlans.consultation.locality') }} />
        <TextAreaField scope="comment" name="body" label={t('servicePlans.consultation.body')} required rows={5} value={values.body} onChange={(e) => setValues({ ...values, body: e.target.value })} error={fieldError(send.error, 'body')} />
        <TextField scope="comment" name="authorName" label={t('servicePlans.consultation.name')} hint={t('servicePlans.consultation.nameHint')} autoComplete="name" value={values.authorName} onChange={(e) => setValues({ ...values, authorName: e.target.value })} error={fieldError(send.error, 'authorName')} />
        <SelectField
          scope="comment"
          name="localityId"
          label={t('servicePlans.consultation.locality')}
          options={[{ value: '', label: t('servicePlans.consultation.noLocality') }, ...sortBy(localities.data ?? [], (l) => l.name).map((l) => ({ value: l.id, label: l.name }))]}
          value={values.localityId}
          onChange={(e) => setValues({ ...values, localityId: e.target.value })}
          error={fieldError(send.error, 'localityId')}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={send.isPending}>
            {t('servicePlans.consultation.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
