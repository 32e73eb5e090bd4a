import type { ProcessDetail, ProcessStep } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { formatDate } from '../../api/format.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { ErrorSummary, Loading, TextAreaField } from '../../components/fields.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { processKeys } from './ProcessesPage.tsx';
import { Bar } from './SpaceShell.tsx';
import { StepGuidance } from './StepGuidance.tsx';

/** One municipality's process: every phase and step with its status, who checked it, guidance and what to do. */
export function ProcessPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const process = useQuery({ queryKey: processKeys.one(id), queryFn: () => api.getProcess({ params: { id } }), retry: false });
  usePageTitle(process.data ? t('process.view.title', { name: process.data.name, municipality: process.data.municipalityName }) : t('process.nav.processes'));
  if (process.isPending)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (process.isError) {
    if (isApiError(process.error) && process.error.status === 404) return <NotFoundPage />;
    return <ErrorView error={process.error} />;
  }
  const p = process.data;
  return (
    <div className="container" data-testid="process-view">
      <p>
        <Link to={`/spaces/${p.spaceId}/processes`}>{t('process.nav.processes')}</Link>
      </p>
      <h1>{t('process.view.title', { name: p.name, municipality: [p.municipalityName, p.localityName].filter(Boolean).join(', ') })}</h1>
      <p className="lead minibar-cell">
        <Bar value={p.stepsDone} max={p.stepsTotal} />
        {t('process.view.summary', { done: p.stepsDone, total: p.stepsTotal, overdue: p.overdue })}
      </p>
      <ol className="process-phases">
        {p.phases.map((phase, i) => (
          <li key={phase.id} className="process-phase">
            <h2>{t('process.view.phase', { n: i + 1, title: phase.title })}</h2>
            <ul className="process-steps">
              {phase.steps.map((step) => (
                <StepCard key={step.id} process={p} step={step} />
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}

function StepCard({ process, step }: { process: ProcessDetail; step: ProcessStep }) {
  const { t } = useTranslation();
  const criterionText = step.criterion ? t(`process.view.criterionKind.${step.criterion.kind}`, { min: step.criterion.min ?? (step.criterion.kind === 'inputs_collected' ? 10 : 1) }) : null;
  return (
    <li className={`card process-step process-step--${step.status}`} data-testid="process-step" data-step={step.id}>
      <h3 className="card__title">{step.title}</h3>
      <p className="tags">
        <span className={`tag process-status process-status--${step.status}`}>{enumLabel(t, 'stepStatus', step.status)}</span>
        {step.dueDate && <span className="tag">{t('process.view.due', { date: formatDate(step.dueDate) })}</span>}
        {step.responsible && <span className="tag">{t('process.view.responsible', { name: step.responsible })}</span>}
      </p>
      {step.checkedBy === 'platform' ? (
        <p>{t('process.view.checkedByPlatform')}</p>
      ) : step.checkedBy ? (
        <p>
          {step.checkedBy.name ? t('process.view.checkedByUser', { name: step.checkedBy.name }) : t('process.view.checkedByFacilitator')}
          {step.checkedAt && <> ({formatDate(step.checkedAt)})</>}
        </p>
      ) : null}
      {step.note && <p className="process-note">{step.note}</p>}
      {criterionText && (
        <p className="minibar-cell">
          {t('process.view.criterion', { text: criterionText })}
          {step.progress && (
            <>
              {' '}
              <Bar value={step.progress.value} max={step.progress.target} />
              {t('process.view.criterionProgress', step.progress)}
            </>
          )}
        </p>
      )}
      <details>
        <summary>{t('process.view.guidance')}</summary>
        <StepGuidance step={step} />
        {step.material.length > 0 && (
          <>
            <h4>{t('process.view.material')}</h4>
            <ul>
              {step.material.map((m) => (
                <li key={m.title}>{m.url ? <a href={m.url}>{m.title}</a> : m.title}</li>
              ))}
            </ul>
          </>
        )}
      </details>
      {!step.platformChecked && process.allowedActions.includes('tick') && <TickForm process={process} step={step} />}
    </li>
  );
}

function TickForm({ process, step }: { process: ProcessDetail; step: ProcessStep }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState(step.note);
  const done = step.status === 'done';
  const tick = useMutation({
    mutationFn: () => api.tickProcessStep({ params: { id: process.id, stepId: step.id }, body: { done: !done, note } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(processKeys.one(process.id), updated);
      void queryClient.invalidateQueries({ queryKey: processKeys.list(process.spaceId) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    tick.mutate();
  };
  return (
    <form onSubmit={submit} className="form process-tick" noValidate>
      <ErrorSummary error={tick.error} scope={`tick-${step.id}`} />
      {!done && <p className="field__hint">{t('process.view.manualHint')}</p>}
      <TextAreaField label={t('process.view.note')} name="note" scope={`tick-${step.id}`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      <button type="submit" className={done ? 'button button--secondary' : 'button'} disabled={tick.isPending}>
        {done ? t('process.view.untick') : t('process.view.tick')}
      </button>
    </form>
  );
}
