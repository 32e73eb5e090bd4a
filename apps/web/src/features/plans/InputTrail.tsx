import type { InputDetail } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../api/format.ts';
import { enumLabel } from '../../i18n/labels.ts';

/**
 * An input's way on from the measure that answers it (the public input page): the measure and
 * its plan, the measure's indicator values over time, and its result once done.
 */
export function InputTrail({ trail }: { trail: NonNullable<InputDetail['trail']> }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="trail-heading" data-testid="input-trail">
      <h2 id="trail-heading">{t('actionPlans.trail.title')}</h2>
      <ol className="trail">
        <li>
          {t('actionPlans.trail.measure')}: <Link to={`/measures/${trail.measureId}`}>{trail.measureTitle}</Link> ({enumLabel(t, 'actionMeasureStatus', trail.measureStatus)})
        </li>
        {trail.actionPlanId && (
          <li>
            {t('actionPlans.trail.plan')}: <Link to={`/action-plans/${trail.actionPlanId}`}>{trail.actionPlanTitle}</Link>
          </li>
        )}
        {trail.indicators.map((i) => (
          <li key={i.name}>
            {i.name}:{' '}
            {i.values.length === 0
              ? t('actionPlans.trail.noValues')
              : i.values.map((v) => `${formatNumber(v.value)}${i.unit ? ` ${i.unit}` : ''} (${formatDate(v.measuredOn)})`).join(' → ')}
            {i.targetValue !== null && ` · ${t('actionPlans.indicator.target')}: ${formatNumber(i.targetValue)}${i.unit ? ` ${i.unit}` : ''}`}
          </li>
        ))}
        {trail.measureStatus === 'done' && (
          <li>
            {t('actionPlans.trail.result')}: {trail.measureResult || '–'}
          </li>
        )}
      </ol>
    </section>
  );
}
