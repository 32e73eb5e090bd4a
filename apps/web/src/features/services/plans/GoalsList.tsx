import type { PlanContent } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';

/** The plan's goals, numbered, each with its indicator. */
export function GoalsList({ goals }: { goals: PlanContent['goals'] }) {
  const { t } = useTranslation();
  if (goals.length === 0) return <p className="muted">{t('servicePlans.view.noGoals')}</p>;
  return (
    <ol data-testid="goals-list">
      {goals.map((g) => (
        <li key={g.id}>
          {g.text}
          {g.indicator && (
            <span className="muted">
              {' '}
              ({t('servicePlans.fields.indicator')}: {g.indicator})
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
