import type { ServicePlan } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../api/format.ts';

/** The plan's municipality, period, consultation and decision as a list of facts. */
export function PlanFacts({ plan }: { plan: ServicePlan }) {
  const { t } = useTranslation();
  return (
    <dl className="facts" data-testid="plan-facts">
      <div>
        <dt>{t('servicePlans.fields.title')}</dt>
        <dd>{plan.title}</dd>
      </div>
      <div>
        <dt>{t('servicePlans.fields.municipality')}</dt>
        <dd>{plan.municipalityName}</dd>
      </div>
      <div>
        <dt>{t('servicePlans.fields.period')}</dt>
        <dd>
          {formatDate(plan.periodStart)} – {formatDate(plan.periodEnd)}
        </dd>
      </div>
      {plan.status === 'consultation' && plan.consultationEndsOn && (
        <div>
          <dt>{t('servicePlans.fields.consultationEndsOn')}</dt>
          <dd>{formatDate(plan.consultationEndsOn)}</dd>
        </div>
      )}
      {plan.adopted && (
        <div>
          <dt>{t('servicePlans.fields.decision')}</dt>
          <dd>{t('servicePlans.plan.decision', { body: plan.adopted.decisionBody, date: formatDate(plan.adopted.decisionDate), minute: plan.adopted.minuteReference, number: plan.adopted.number })}</dd>
        </div>
      )}
    </dl>
  );
}
