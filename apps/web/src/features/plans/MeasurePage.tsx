import type { Measure } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { formatDate, formatNumber } from '../../api/format.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ExternalLink } from '../../components/ExternalLink.tsx';
import { CheckboxField, ErrorSummary, fieldError, Loading, SelectField, StatusMessage, TextAreaField, TextField } from '../../components/fields.tsx';
import { pick } from '../../i18n/labels.ts';
import { enumLabel } from '../../i18n/labels.ts';
import { ACTION_MEASURE_STATUSES, DIRECTIONS, planKeys } from './api.ts';
import { IndicatorChart } from './IndicatorChart.tsx';
import { MeasureEditor } from './MeasureEditor.tsx';
import { MeasureStatusTag, SectorTags } from './MeasureSummary.tsx';
import './plans.css';

/** One measure: who does what, where and when, its money, its indicators and the inputs it answers. */
export function MeasurePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const measure = useQuery({ queryKey: planKeys.measure(id), queryFn: () => api.getMeasure({ params: { id } }) });
  usePageTitle(measure.data?.title ?? t('actionPlans.measure.heading'));
  if (measure.isPending) {
    return (
      <div className="container">
        <Loading />
      </div>
    );
  }
  if (measure.isError) {
    if (isApiError(measure.error) && (measure.error.status === 404 || measure.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={measure.error} />;
  }
  return <MeasureView measure={measure.data} />;
}

function MeasureView({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const can = (action: Measure['allowedActions'][number]) => measure.allowedActions.includes(action);
  const place = [measure.place, measure.localityName, measure.municipalityName].filter(Boolean).join(', ');
  return (
    <div className="container measure">
      {measure.actionPlanId && (
        <p className="breadcrumb">
          <Link to={`/action-plans/${measure.actionPlanId}`}>{measure.actionPlanTitle}</Link>
        </p>
      )}
      <h1>{measure.title}</h1>
      {message && <StatusMessage>{message}</StatusMessage>}
      <p className="tags">
        <MeasureStatusTag status={measure.status} />
      </p>
      {measure.statusReason && <p className="notice notice--info">{t('actionPlans.measure.reasonShown', { reason: measure.statusReason })}</p>}
      {measure.result && <p className="notice">{t('actionPlans.measure.resultShown', { result: measure.result })}</p>}
      {measure.description && <p className="lead">{measure.description}</p>}
      <dl className="facts">
        <div>
          <dt>{t('actionPlans.measure.responsible')}</dt>
          <dd>{measure.responsibleOrganisation ? <Link to={`/organisations/${measure.responsibleOrganisation.id}`}>{measure.responsibleOrganisation.name}</Link> : '–'}</dd>
        </div>
        <div>
          <dt>{t('actionPlans.measure.when')}</dt>
          <dd>
            {formatDate(measure.startDate)} – {formatDate(measure.endDate)}
          </dd>
        </div>
        <div>
          <dt>{t('actionPlans.measure.place')}</dt>
          <dd>
            {place || '–'}
            {measure.localityId && measure.localityName && (
              <>
                {' '}
                (<Link to={`/localities/${measure.localityId}/dashboard`}>{t('dashboards.village.title', { name: measure.localityName })}</Link>)
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('actionPlans.measure.budget')}</dt>
          <dd>{measure.budgetSek === null ? '–' : t('actionPlans.measure.sek', { amount: formatNumber(measure.budgetSek) })}</dd>
        </div>
        <div>
          <dt>{t('actionPlans.measure.funding')}</dt>
          <dd>
            {measure.funding.length === 0
              ? '–'
              : measure.funding.map((f) => (f.amountSek === null ? f.source : `${f.source} (${t('actionPlans.measure.sek', { amount: formatNumber(f.amountSek) })})`)).join('; ')}
          </dd>
        </div>
        <div>
          <dt>{t('actionPlans.measure.agenda2030')}</dt>
          <dd>{[...measure.goals.map((g) => t('actionPlans.measure.sdg', { goal: g })), ...measure.targets.map((x) => t('actionPlans.measure.target', { target: x }))].join(', ') || '–'}</dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="who-heading">
        <h2 id="who-heading">{t('actionPlans.measure.participants')}</h2>
        <SectorTags sectors={measure.sectors} />
        <DataTable
          caption={t('actionPlans.measure.participantsCaption')}
          testId="participants"
          rows={measure.participants}
          rowKey={(p) => p.organisationId}
          empty={t('actionPlans.measure.noParticipants')}
          columns={[
            { key: 'org', header: t('actionPlans.measure.organisation'), cell: (p) => p.organisationName, rowHeader: true },
            { key: 'sector', header: t('actionPlans.measure.sector'), cell: (p) => t(`actionPlans.sector.${p.sector}`) + (p.youth ? `, ${t('actionPlans.sector.youth')}` : '') },
            { key: 'what', header: t('actionPlans.measure.what'), cell: (p) => p.what },
            { key: 'hours', header: t('actionPlans.measure.hours'), cell: (p) => formatNumber(p.hours), numeric: true },
            { key: 'money', header: t('actionPlans.measure.money'), cell: (p) => formatNumber(p.moneySek), numeric: true },
          ]}
        />
      </section>
      <section className="section" aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">{t('actionPlans.measure.milestones')}</h2>
        <DataTable
          caption={t('actionPlans.measure.milestones')}
          captionHidden
          rows={measure.milestones}
          rowKey={(m) => `${m.date}-${m.title}`}
          columns={[
            { key: 'date', header: t('actionPlans.timeline.date'), cell: (m) => formatDate(m.date), rowHeader: true },
            { key: 'title', header: t('actionPlans.measure.milestone'), cell: (m) => m.title },
            { key: 'done', header: t('actionPlans.measure.reached'), cell: (m) => (m.done ? t('actionPlans.yes') : t('actionPlans.no')) },
          ]}
        />
      </section>
      {measure.links.length > 0 && (
        <section className="section" aria-labelledby="measure-links-heading">
          <h2 id="measure-links-heading">{t('actionPlans.links')}</h2>
          <ul>
            {measure.links.map((l) => (
              <li key={l.url}>
                <ExternalLink href={l.url}>{l.title}</ExternalLink>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="section" aria-labelledby="measure-indicators-heading">
        <h2 id="measure-indicators-heading">{t('actionPlans.indicators')}</h2>
        {measure.indicators.length === 0 && <p className="empty">{t('actionPlans.noIndicators')}</p>}
        {measure.indicators.map((i) => (
          <div key={i.id}>
            <IndicatorChart indicator={i} />
            {can('add_value') && <AddValue indicatorId={i.id} measureId={measure.id} name={i.name} />}
          </div>
        ))}
        {can('add_indicator') && <AddIndicator measureId={measure.id} />}
      </section>
      <section className="section" aria-labelledby="measure-inputs-heading">
        <h2 id="measure-inputs-heading">{t('actionPlans.measure.inputs')}</h2>
        {measure.inputs.length === 0 ? (
          <p className="empty">{t('actionPlans.measure.noInputs')}</p>
        ) : (
          <ul data-testid="measure-inputs">
            {measure.inputs.map((i) => (
              <li key={i.id}>
                <Link to={`/spaces/${measure.spaceId}/inputs/${i.id}`}>{t('actionPlans.measure.inputNumber', { number: i.number })}</Link> {i.text} ({t(`actionPlans.inputStatus.${i.status}`)})
              </li>
            ))}
          </ul>
        )}
      </section>
      {can('update') && <MeasureEditor measure={measure} onSaved={setMessage} />}
      {can('update') && <ChangeStatus measure={measure} onDone={setMessage} />}
    </div>
  );
}

function ChangeStatus({ measure, onDone }: { measure: Measure; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string>(measure.status);
  const [statusReason, setStatusReason] = useState('');
  const [result, setResult] = useState(measure.result);
  const openInputs = measure.inputs.filter((i) => i.status !== 'done' && i.status !== 'declined').length;
  const [closeInputs, setCloseInputs] = useState(true);
  const change = useMutation({
    mutationFn: () =>
      api.patchMeasure({
        params: { id: measure.id },
        body: {
          status: pick(ACTION_MEASURE_STATUSES, status),
          ...(status === 'paused' || status === 'cancelled' ? { statusReason } : {}),
          ...(status === 'done' && result.trim() ? { result } : {}),
          ...(status === 'done' && openInputs > 0 && closeInputs ? { closeInputs: true } : {}),
        },
      }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(planKeys.measure(measure.id), updated);
      if (updated.actionPlanId) await queryClient.invalidateQueries({ queryKey: planKeys.one(updated.actionPlanId) });
      onDone(t('actionPlans.measure.saved'));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  const labels = { status: t('actionPlans.measure.status'), statusReason: t('actionPlans.measure.reason'), result: t('actionPlans.measure.result'), closeInputs: t('actionPlans.measure.closeInputs', { count: openInputs }) };
  return (
    <section className="section panel" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('actionPlans.measure.changeStatus')}</h2>
      <ErrorSummary error={change.error} scope="measure-status" labels={labels} />
      <form onSubmit={submit} noValidate data-testid="measure-status-form">
        <SelectField
          scope="measure-status"
          name="status"
          label={labels.status}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={ACTION_MEASURE_STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'actionMeasureStatus', s) }))}
        />
        {(status === 'paused' || status === 'cancelled') && (
          <TextAreaField scope="measure-status" name="statusReason" label={labels.statusReason} required rows={2} value={statusReason} onChange={(e) => setStatusReason(e.target.value)} error={fieldError(change.error, 'statusReason')} />
        )}
        {status === 'done' && (
          <>
            <TextAreaField scope="measure-status" name="result" label={labels.result} hint={t('actionPlans.measure.resultHint')} rows={3} value={result} onChange={(e) => setResult(e.target.value)} error={fieldError(change.error, 'result')} />
            {openInputs > 0 && <CheckboxField scope="measure-status" name="closeInputs" label={labels.closeInputs} hint={t('actionPlans.measure.closeInputsHint')} checked={closeInputs} onChange={setCloseInputs} />}
          </>
        )}
        <button type="submit" className="button" disabled={change.isPending}>
          {t('actionPlans.measure.saveStatus')}
        </button>
      </form>
    </section>
  );
}

function AddValue({ indicatorId, measureId, name }: { indicatorId: string; measureId: string; name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const scope = `value-${indicatorId}`;
  const [v, setV] = useState({ value: '', measuredOn: new Date().toISOString().slice(0, 10), source: '', comment: '' });
  const add = useMutation({
    mutationFn: () => api.addIndicatorValue({ params: { id: indicatorId }, body: { value: Number(v.value.replace(',', '.')), measuredOn: v.measuredOn, source: v.source, comment: v.comment } }),
    onSuccess: async () => {
      setV({ ...v, value: '', comment: '' });
      await queryClient.invalidateQueries({ queryKey: planKeys.measure(measureId) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const labels = { value: t('actionPlans.indicator.value'), measuredOn: t('actionPlans.indicator.measuredOn'), source: t('actionPlans.indicator.source'), comment: t('actionPlans.indicator.comment') };
  return (
    <details className="panel">
      <summary>{t('actionPlans.indicator.addValueFor', { name })}</summary>
      <form onSubmit={submit} noValidate data-testid="value-form">
        <ErrorSummary error={add.error} scope={scope} labels={labels} />
        <div className="form-row">
          <TextField scope={scope} name="value" inputMode="decimal" label={labels.value} required value={v.value} onChange={(e) => setV({ ...v, value: e.target.value })} error={fieldError(add.error, 'value')} />
          <TextField scope={scope} name="measuredOn" type="date" label={labels.measuredOn} required value={v.measuredOn} onChange={(e) => setV({ ...v, measuredOn: e.target.value })} error={fieldError(add.error, 'measuredOn')} />
        </div>
        <TextField scope={scope} name="source" label={labels.source} required value={v.source} onChange={(e) => setV({ ...v, source: e.target.value })} error={fieldError(add.error, 'source')} />
        <TextField scope={scope} name="comment" label={labels.comment} value={v.comment} onChange={(e) => setV({ ...v, comment: e.target.value })} />
        <button type="submit" className="button" disabled={add.isPending}>
          {t('actionPlans.indicator.addValue')}
        </button>
      </form>
    </details>
  );
}

function AddIndicator({ measureId }: { measureId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ name: '', unit: '', baselineValue: '', baselineDate: '', targetValue: '', targetDate: '', direction: 'increase' });
  const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
  const add = useMutation({
    mutationFn: () =>
      api.createIndicator({
        params: { id: measureId },
        body: { name: v.name, unit: v.unit, baselineValue: num(v.baselineValue), baselineDate: v.baselineDate || null, targetValue: num(v.targetValue), targetDate: v.targetDate || null, direction: pick(DIRECTIONS, v.direction) ?? 'increase' },
      }),
    onSuccess: async () => {
      setV({ name: '', unit: '', baselineValue: '', baselineDate: '', targetValue: '', targetDate: '', direction: 'increase' });
      await queryClient.invalidateQueries({ queryKey: planKeys.measure(measureId) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const labels = { name: t('actionPlans.indicator.name'), unit: t('actionPlans.indicator.unit'), baselineValue: t('actionPlans.indicator.baseline'), baselineDate: t('actionPlans.indicator.baselineDate'), targetValue: t('actionPlans.indicator.target'), targetDate: t('actionPlans.indicator.targetDate'), direction: t('actionPlans.indicator.direction') };
  return (
    <details className="panel">
      <summary>{t('actionPlans.indicator.add')}</summary>
      <form onSubmit={submit} noValidate data-testid="indicator-form">
        <ErrorSummary error={add.error} scope="indicator" labels={labels} />
        <div className="form-row">
          <TextField scope="indicator" name="name" label={labels.name} required value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={fieldError(add.error, 'name')} />
          <TextField scope="indicator" name="unit" label={labels.unit} value={v.unit} onChange={(e) => setV({ ...v, unit: e.target.value })} />
        </div>
        <div className="form-row">
          <TextField scope="indicator" name="baselineValue" inputMode="decimal" label={labels.baselineValue} value={v.baselineValue} onChange={(e) => setV({ ...v, baselineValue: e.target.value })} error={fieldError(add.error, 'baselineValue')} />
          <TextField scope="indicator" name="baselineDate" type="date" label={labels.baselineDate} value={v.baselineDate} onChange={(e) => setV({ ...v, baselineDate: e.target.value })} />
        </div>
        <div className="form-row">
          <TextField scope="indicator" name="targetValue" inputMode="decimal" label={labels.targetValue} value={v.targetValue} onChange={(e) => setV({ ...v, targetValue: e.target.value })} error={fieldError(add.error, 'targetValue')} />
          <TextField scope="indicator" name="targetDate" type="date" label={labels.targetDate} value={v.targetDate} onChange={(e) => setV({ ...v, targetDate: e.target.value })} error={fieldError(add.error, 'targetDate')} />
        </div>
        <SelectField scope="indicator" name="direction" label={labels.direction} value={v.direction} onChange={(e) => setV({ ...v, direction: e.target.value })} options={DIRECTIONS.map((d) => ({ value: d, label: enumLabel(t, 'indicatorDirection', d) }))} />
        <button type="submit" className="button" disabled={add.isPending}>
          {t('actionPlans.indicator.add')}
        </button>
      </form>
    </details>
  );
}
