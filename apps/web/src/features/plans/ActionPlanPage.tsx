import type { ActionPlan } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { formatDate, formatNumber } from '../../api/format.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { ExternalLink } from '../../components/ExternalLink.tsx';
import { ErrorSummary, fieldError, Loading, SelectField, TextField } from '../../components/fields.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { planKeys } from './api.ts';
import { IndicatorChart } from './IndicatorChart.tsx';
import { MeasureCard } from './MeasureSummary.tsx';
import { Timeline } from './Timeline.tsx';
import './plans.css';

/** One action plan: goals with their indicators, the measures, a timeline of them, and the yearly follow-ups. */
export function ActionPlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const plan = useQuery({ queryKey: planKeys.one(id), queryFn: () => api.getActionPlan({ params: { id } }) });
  usePageTitle(plan.data?.title ?? t('actionPlans.title'));
  if (plan.isPending) {
    return (
      <div className="container">
        <Loading />
      </div>
    );
  }
  if (plan.isError) {
    if (isApiError(plan.error) && (plan.error.status === 404 || plan.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={plan.error} />;
  }
  return <PlanView plan={plan.data} />;
}

function PlanView({ plan }: { plan: ActionPlan }) {
  const { t } = useTranslation();
  return (
    <div className="container action-plan">
      <p className="breadcrumb">
        <Link to={`/spaces/${plan.spaceId}/action-plans`}>{t('actionPlans.title')}</Link>
      </p>
      <h1>{plan.title}</h1>
      <p className="tags">
        <span className="tag">{t(`actionPlans.planStatus.${plan.status}`)}</span>
        {plan.periodStart && (
          <span className="tag">
            {formatDate(plan.periodStart)} – {formatDate(plan.periodEnd)}
          </span>
        )}
        <span className="tag">{t('actionPlans.progress', { done: plan.measuresDone, count: plan.measureCount })}</span>
      </p>
      {plan.summary && <p className="lead">{plan.summary}</p>}
      {plan.agreementId && plan.agreementTitle && (
        <p>
          {t('actionPlans.carriesOut')}: <Link to={`/agreements/${plan.agreementId}`}>{plan.agreementTitle}</Link>
        </p>
      )}
      {plan.links.length > 0 && (
        <section className="section" aria-labelledby="links-heading">
          <h2 id="links-heading">{t('actionPlans.links')}</h2>
          <ul>
            {plan.links.map((l) => (
              <li key={l.url}>
                <ExternalLink href={l.url}>{l.title}</ExternalLink>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="section" aria-labelledby="goals-heading">
        <h2 id="goals-heading">{t('actionPlans.goals')}</h2>
        {plan.goals.length === 0 ? (
          <p className="empty">{t('actionPlans.noGoals')}</p>
        ) : (
          plan.goals.map((g) => {
            const measures = plan.measures.filter((m) => m.goalId === g.id);
            return (
              <div key={g.id} className="goal">
                <h3>{g.title}</h3>
                {g.description && <p>{g.description}</p>}
                {g.indicators.map((i) => (
                  <IndicatorChart key={i.id} indicator={i} />
                ))}
                {measures.length > 0 && (
                  <ul className="cards" aria-label={t('actionPlans.measuresFor', { goal: g.title })}>
                    {measures.map((m) => (
                      <MeasureCard key={m.id} measure={m} />
                    ))}
                  </ul>
                )}
              </div>
            );
          })
        )}
        {plan.measures.some((m) => !m.goalId) && (
          <div className="goal">
            <h3>{t('actionPlans.otherMeasures')}</h3>
            <ul className="cards">
              {plan.measures
                .filter((m) => !m.goalId)
                .map((m) => (
                  <MeasureCard key={m.id} measure={m} />
                ))}
            </ul>
          </div>
        )}
      </section>
      <section className="section" aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t('actionPlans.indicators')}</h2>
        {plan.measures.every((m) => m.indicators.length === 0) ? (
          <p className="empty">{t('actionPlans.noIndicators')}</p>
        ) : (
          plan.measures
            .filter((m) => m.indicators.length > 0)
            .map((m) => (
              <div key={m.id} className="indicator-group">
                <h3>
                  <Link to={`/measures/${m.id}`}>{m.title}</Link>
                </h3>
                {m.indicators.map((i) => (
                  <IndicatorChart key={i.id} indicator={i} />
                ))}
              </div>
            ))
        )}
      </section>
      <section className="section" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('actionPlans.timeline.title')}</h2>
        <p className="muted">{t('actionPlans.timeline.lead')}</p>
        <Timeline measures={plan.measures} from={plan.periodStart} to={plan.periodEnd} />
      </section>
      {plan.allowedActions.includes('add_measure') && <AddMeasure plan={plan} />}
      <section className="section" aria-labelledby="followups-heading">
        <h2 id="followups-heading">{t('actionPlans.followUps.title')}</h2>
        {plan.followUps.length === 0 ? (
          <p className="empty">{t('actionPlans.followUps.none')}</p>
        ) : (
          plan.followUps.map((f) => (
            <details key={f.id} className="follow-up">
              <summary>{t('actionPlans.followUps.version', { version: f.version, date: formatDate(f.asOf) })}</summary>
              {f.summary && <p>{f.summary}</p>}
              <ul>
                {f.measures.map((m) => (
                  <li key={m.measureId}>
                    <strong>{m.title}</strong> ({enumLabel(t, 'actionMeasureStatus', m.status)}){m.text && `: ${m.text}`}
                  </li>
                ))}
              </ul>
              <ul>
                {f.indicators.map((i) => (
                  <li key={i.indicatorId}>
                    {i.name}: {i.value === null ? '–' : `${formatNumber(i.value)} ${i.unit}`} {i.measuredOn && `(${formatDate(i.measuredOn)})`}
                  </li>
                ))}
              </ul>
            </details>
          ))
        )}
        {plan.allowedActions.includes('follow_up') && <RecordFollowUp plan={plan} />}
      </section>
    </div>
  );
}

function AddMeasure({ plan }: { plan: ActionPlan }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organisations = useQuery({ queryKey: ['space-organisations', plan.spaceId], queryFn: () => api.listSpaceOrganisations({ params: { id: plan.spaceId } }) });
  const [v, setV] = useState({ title: '', goalId: plan.goals[0]?.id ?? '', responsibleOrganisationId: '', startDate: '', endDate: '' });
  const create = useMutation({
    mutationFn: () =>
      api.createMeasure({
        params: { id: plan.id },
        body: { title: v.title, goalId: v.goalId || null, responsibleOrganisationId: v.responsibleOrganisationId || null, startDate: v.startDate || null, endDate: v.endDate || null },
      }),
    onSuccess: async (m) => {
      await queryClient.invalidateQueries({ queryKey: planKeys.one(plan.id) });
      await navigate(`/measures/${m.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const labels = { title: t('actionPlans.measure.title'), goalId: t('actionPlans.measure.goal'), responsibleOrganisationId: t('actionPlans.measure.responsible'), startDate: t('actionPlans.measure.start'), endDate: t('actionPlans.measure.end') };
  return (
    <section className="section panel" aria-labelledby="add-measure-heading">
      <h2 id="add-measure-heading">{t('actionPlans.addMeasure')}</h2>
      <ErrorSummary error={create.error} scope="measure" labels={labels} />
      <form onSubmit={submit} noValidate data-testid="measure-form">
        <TextField scope="measure" name="title" label={labels.title} required value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={fieldError(create.error, 'title')} />
        <div className="form-row">
          <SelectField
            scope="measure"
            name="goalId"
            label={labels.goalId}
            value={v.goalId}
            onChange={(e) => setV({ ...v, goalId: e.target.value })}
            options={[{ value: '', label: t('actionPlans.noGoal') }, ...plan.goals.map((g) => ({ value: g.id, label: g.title }))]}
          />
          <SelectField
            scope="measure"
            name="responsibleOrganisationId"
            label={labels.responsibleOrganisationId}
            value={v.responsibleOrganisationId}
            onChange={(e) => setV({ ...v, responsibleOrganisationId: e.target.value })}
            error={fieldError(create.error, 'responsibleOrganisationId')}
            options={[{ value: '', label: t('actionPlans.noOrganisation') }, ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))]}
          />
        </div>
        <div className="form-row">
          <TextField scope="measure" name="startDate" type="date" label={labels.startDate} value={v.startDate} onChange={(e) => setV({ ...v, startDate: e.target.value })} error={fieldError(create.error, 'startDate')} />
          <TextField scope="measure" name="endDate" type="date" label={labels.endDate} value={v.endDate} onChange={(e) => setV({ ...v, endDate: e.target.value })} error={fieldError(create.error, 'endDate')} />
        </div>
        <button type="submit" className="button" disabled={create.isPending}>
          {t('actionPlans.addMeasureButton')}
        </button>
      </form>
    </section>
  );
}

function RecordFollowUp({ plan }: { plan: ActionPlan }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 10));
  const [texts, setTexts] = useState<Record<string, string>>({});
  const record = useMutation({
    mutationFn: () =>
      api.createFollowUp({
        params: { id: plan.id },
        body: { asOf, measures: Object.entries(texts).filter(([, text]) => text.trim()).map(([measureId, text]) => ({ measureId, text })) },
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(planKeys.one(plan.id), updated);
      setTexts({});
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate();
  };
  return (
    <details className="panel">
      <summary>{t('actionPlans.followUps.record')}</summary>
      <form onSubmit={submit} noValidate data-testid="follow-up-form">
        <ErrorSummary error={record.error} scope="follow-up" labels={{ asOf: t('actionPlans.followUps.asOf') }} />
        <TextField scope="follow-up" name="asOf" type="date" label={t('actionPlans.followUps.asOf')} required value={asOf} onChange={(e) => setAsOf(e.target.value)} error={fieldError(record.error, 'asOf')} />
        {plan.measures.map((m) => (
          <TextField key={m.id} scope="follow-up" name={`measure-${m.id}`} label={t('actionPlans.followUps.textFor', { title: m.title })} value={texts[m.id] ?? ''} onChange={(e) => setTexts({ ...texts, [m.id]: e.target.value })} />
        ))}
        <button type="submit" className="button" disabled={record.isPending}>
          {t('actionPlans.followUps.save')}
        </button>
      </form>
    </details>
  );
}
