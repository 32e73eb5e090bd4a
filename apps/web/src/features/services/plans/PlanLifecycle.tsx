import type { ServicePlan, ServicePlanAction } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { ErrorSummary, fieldError, TextField } from '../../../components/fields.tsx';
import { planKeys } from './api.ts';

export function PlanLifecycle({ plan, onDone }: { plan: ServicePlan; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const can = (action: ServicePlanAction) => plan.allowedActions.includes(action);
  const inThreeWeeks = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const [endsOn, setEndsOn] = useState(inThreeWeeks);
  const [decision, setDecision] = useState({ decisionBody: 'Kommunfullmäktige', decisionDate: new Date().toISOString().slice(0, 10), minuteReference: '' });
  const act = useMutation({
    mutationFn: ({ run }: { run: () => Promise<ServicePlan>; message: string }) => run(),
    onSuccess: (saved, { message }) => {
      queryClient.setQueryData(planKeys.plan(plan.id), saved);
      void queryClient.invalidateQueries({ queryKey: planKeys.list(plan.spaceId) });
      onDone(message);
    },
  });
  if (!can('start_consultation') && !can('adopt') && !can('revise')) return null;
  return (
    <section aria-labelledby="lifecycle-heading" className="section panel" data-testid="lifecycle">
      <h2 id="lifecycle-heading">{t('servicePlans.lifecycle.heading')}</h2>
      <p>{t('servicePlans.lifecycle.lead')}</p>
      <ErrorSummary error={act.error} scope="lifecycle" />
      {can('start_consultation') && (
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            act.mutate({ run: () => api.startConsultation({ params: { id: plan.id }, body: { endsOn } }), message: t('servicePlans.lifecycle.consultationStarted') });
          }}
        >
          <h3>{t('servicePlans.lifecycle.consultationHeading')}</h3>
          <TextField scope="lifecycle" name="endsOn" type="date" label={t('servicePlans.fields.consultationEndsOn')} required value={endsOn} onChange={(e) => setEndsOn(e.target.value)} error={fieldError(act.error, 'endsOn')} />
          <div className="actions">
            <button type="submit" className="button" disabled={act.isPending}>
              {t('servicePlans.lifecycle.startConsultation')}
            </button>
          </div>
        </form>
      )}
      {can('adopt') && (
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            act.mutate({ run: () => api.adoptPlan({ params: { id: plan.id }, body: decision }), message: t('servicePlans.lifecycle.adopted') });
          }}
        >
          <h3>{t('servicePlans.lifecycle.adoptHeading')}</h3>
          <TextField scope="lifecycle" name="decisionBody" label={t('servicePlans.fields.decisionBody')} required value={decision.decisionBody} onChange={(e) => setDecision({ ...decision, decisionBody: e.target.value })} error={fieldError(act.error, 'decisionBody')} />
          <div className="form-row">
            <TextField scope="lifecycle" name="decisionDate" type="date" label={t('servicePlans.fields.decisionDate')} required value={decision.decisionDate} onChange={(e) => setDecision({ ...decision, decisionDate: e.target.value })} error={fieldError(act.error, 'decisionDate')} />
            <TextField scope="lifecycle" name="minuteReference" label={t('servicePlans.fields.minuteReference')} hint={t('servicePlans.lifecycle.minuteHint')} required value={decision.minuteReference} onChange={(e) => setDecision({ ...decision, minuteReference: e.target.value })} error={fieldError(act.error, 'minuteReference')} />
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={act.isPending}>
              {t('servicePlans.lifecycle.adopt')}
            </button>
          </div>
        </form>
      )}
      {can('revise') && (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={act.isPending}
            onClick={() => {
              if (window.confirm(t('servicePlans.lifecycle.reviseConfirm'))) act.mutate({ run: () => api.revisePlan({ params: { id: plan.id } }), message: t('servicePlans.lifecycle.revised') });
            }}
          >
            {t('servicePlans.lifecycle.revise')}
          </button>
        </div>
      )}
    </section>
  );
}
