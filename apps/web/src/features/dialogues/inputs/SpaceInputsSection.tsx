import type { InputCollectionAction, Space } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../api/format.ts';
import { useInputs } from './api.ts';
import { label, STATUSES } from './labels.ts';

/** On a space's overview: its needs and ideas in figures by status, and the ways in. */
export function SpaceInputsSection({ space }: { space: Space }) {
  const { t } = useTranslation();
  const list = useInputs(space.id, { limit: 1 });
  const byStatus = list.data?.byStatus ?? {};
  const can = (action: InputCollectionAction) => list.data?.allowedActions.includes(action) ?? false;
  return (
    <section aria-labelledby="inputs-heading" className="section">
      <h2 id="inputs-heading">{t('inputs.space.heading')}</h2>
      <p>{t('inputs.space.lead')}</p>
      {list.data && (
        <ul className="legend" aria-label={t('inputs.space.figures')} data-testid="space-inputs-figures">
          {STATUSES.map((s) => (
            <li key={s}>
              {label(t, 'status', s)}: {formatNumber(byStatus[s] ?? 0)}
            </li>
          ))}
        </ul>
      )}
      <ul className="link-cards">
        <li>
          <Link to={`/spaces/${space.id}/inputs`}>{t('inputs.space.listLink')}</Link>
          <span className="muted">{t('inputs.space.listText')}</span>
        </li>
        {can('submit') && (
          <li>
            <Link to={`/spaces/${space.id}/inputs/new`}>{t('inputs.space.formLink')}</Link>
            <span className="muted">{t('inputs.space.formText')}</span>
          </li>
        )}
        {can('triage') && (
          <li>
            <Link to={`/spaces/${space.id}/inputs/triage`}>{t('inputs.space.triageLink')}</Link>
            <span className="muted">{t('inputs.space.triageText')}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
