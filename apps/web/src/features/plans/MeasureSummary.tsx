import type { Measure } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../api/format.ts';
import { enumLabel } from '../../i18n/labels.ts';

export function MeasureStatusTag({ status }: { status: Measure['status'] }) {
  const { t } = useTranslation();
  return <span className={`tag measure-status measure-status--${status}`}>{enumLabel(t, 'actionMeasureStatus', status)}</span>;
}

export function SectorTags({ sectors }: { sectors: Measure['sectors'] }) {
  const { t } = useTranslation();
  if (sectors.length === 0) return null;
  return (
    <p className="tags" aria-label={t('actionPlans.measure.sectors')}>
      {sectors.map((s) => (
        <span key={s} className="tag tag--public">
          {t(`actionPlans.sector.${s}`)}
        </span>
      ))}
    </p>
  );
}

/** A measure as a card in its plan: who is responsible, when, which sectors, how the indicators stand. */
export function MeasureCard({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  return (
    <li className="card" data-testid="measure-card">
      <h3 className="card__title">
        <Link to={`/measures/${measure.id}`}>{measure.title}</Link>
      </h3>
      <p className="tags">
        <MeasureStatusTag status={measure.status} />
        {measure.goals.map((g) => (
          <span key={g} className="tag">
            {t('actionPlans.measure.sdg', { goal: g })}
          </span>
        ))}
      </p>
      <dl className="facts facts--compact">
        <div>
          <dt>{t('actionPlans.measure.responsible')}</dt>
          <dd>{measure.responsibleOrganisation?.name ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('actionPlans.measure.when')}</dt>
          <dd>
            {formatDate(measure.startDate)} – {formatDate(measure.endDate)}
          </dd>
        </div>
        {measure.budgetSek !== null && (
          <div>
            <dt>{t('actionPlans.measure.budget')}</dt>
            <dd>{t('actionPlans.measure.sek', { amount: formatNumber(measure.budgetSek) })}</dd>
          </div>
        )}
      </dl>
      <SectorTags sectors={measure.sectors} />
    </li>
  );
}
