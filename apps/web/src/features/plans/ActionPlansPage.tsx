import type { Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { formatDate } from '../../api/format.ts';
import { useSpace } from '../../api/hooks.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { ErrorSummary, fieldError, Loading, QueryError, TextAreaField, TextField } from '../../components/fields.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';
import { planKeys } from './api.ts';
import './plans.css';

/** A space's action plans (handlingsplaner): how far each has come, and a new one for its leaders. */
export function ActionPlansPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const space = useSpace(id);
  usePageTitle(space.data ? t('actionPlans.titleFor', { name: space.data.name }) : t('actionPlans.title'));
  if (space.isPending) {
    return (
      <div className="container">
        <h1>{t('actionPlans.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  return <PlansView space={space.data} />;
}

function PlansView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const plans = useQuery({ queryKey: planKeys.list(space.id), queryFn: () => api.getSpaceActionPlans({ params: { id: space.id } }) });
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('actionPlans.titleFor', { name: space.name })}</h1>
      <p className="lead">{t('actionPlans.lead')}</p>
      {plans.isPending ? (
        <Loading />
      ) : plans.isError ? (
        <QueryError error={plans.error} />
      ) : (
        <>
          {plans.data.items.length === 0 ? (
            <p className="empty">{t('actionPlans.none')}</p>
          ) : (
            <ul className="cards" data-testid="action-plans">
              {plans.data.items.map((p) => (
                <li key={p.id} className="card">
                  <h2 className="card__title">
                    <Link to={`/action-plans/${p.id}`}>{p.title}</Link>
                  </h2>
                  <p className="tags">
                    <span className="tag">{t(`actionPlans.planStatus.${p.status}`)}</span>
                    {p.periodStart && (
                      <span className="tag">
                        {formatDate(p.periodStart)} – {formatDate(p.periodEnd)}
                      </span>
                    )}
                  </p>
                  {p.summary && <p>{p.summary}</p>}
                  <p className="muted">{t('actionPlans.progress', { done: p.measuresDone, count: p.measureCount })}</p>
                </li>
              ))}
            </ul>
          )}
          {plans.data.allowedActions.includes('create') && <CreatePlan space={space} />}
        </>
      )}
    </div>
  );
}

function CreatePlan({ space }: { space: Space }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ title: '', summary: '', periodStart: '', periodEnd: '', goals: '' });
  const create = useMutation({
    mutationFn: () =>
      api.createActionPlan({
        params: { id: space.id },
        body: {
          title: v.title,
          summary: v.summary,
          periodStart: v.periodStart || null,
          periodEnd: v.periodEnd || null,
          goals: v.goals
            .split('\n')
            .map((g) => g.trim())
            .filter(Boolean)
            .map((title) => ({ title })),
        },
      }),
    onSuccess: async (p) => {
      await queryClient.invalidateQueries({ queryKey: planKeys.list(space.id) });
      await navigate(`/action-plans/${p.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const labels = { title: t('actionPlans.fields.title'), summary: t('actionPlans.fields.summary'), periodStart: t('actionPlans.fields.periodStart'), periodEnd: t('actionPlans.fields.periodEnd'), goals: t('actionPlans.fields.goals') };
  return (
    <section className="section panel" aria-labelledby="create-plan-heading">
      <h2 id="create-plan-heading">{t('actionPlans.createHeading')}</h2>
      <ErrorSummary error={create.error} scope="plan" labels={labels} />
      <form onSubmit={submit} noValidate data-testid="plan-form">
        <TextField scope="plan" name="title" label={labels.title} required value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={fieldError(create.error, 'title')} />
        <TextAreaField scope="plan" name="summary" label={labels.summary} rows={3} value={v.summary} onChange={(e) => setV({ ...v, summary: e.target.value })} error={fieldError(create.error, 'summary')} />
        <div className="form-row">
          <TextField scope="plan" name="periodStart" type="date" label={labels.periodStart} value={v.periodStart} onChange={(e) => setV({ ...v, periodStart: e.target.value })} error={fieldError(create.error, 'periodStart')} />
          <TextField scope="plan" name="periodEnd" type="date" label={labels.periodEnd} value={v.periodEnd} onChange={(e) => setV({ ...v, periodEnd: e.target.value })} error={fieldError(create.error, 'periodEnd')} />
        </div>
        <TextAreaField scope="plan" name="goals" label={labels.goals} hint={t('actionPlans.fields.goalsHint')} rows={3} value={v.goals} onChange={(e) => setV({ ...v, goals: e.target.value })} />
        <button type="submit" className="button" disabled={create.isPending}>
          {t('actionPlans.create')}
        </button>
      </form>
    </section>
  );
}
