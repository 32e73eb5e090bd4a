import { goalsWithTargets, type Space } from '@samhandling/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { formatNumber } from '../../../api/format.ts';
import { useSpace } from '../../../api/hooks.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { Loading } from '../../../components/fields.tsx';
import { useAgendaTargets } from '../../../components/GoalTargetPicker.tsx';
import { useGoals } from './api.ts';
import { label } from './labels.ts';
import './inputs.css';

/** Loads the space for a page of its inputs: loading, not found (also for a members-only space) or the page. */
export function WithSpace({ id, title, children }: { id: string; title: string; children: (space: Space) => ReactNode }) {
  const space = useSpace(id);
  if (space.isPending) {
    return (
      <div className="container">
        <h1>{title}</h1>
        <Loading />
      </div>
    );
  }
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  return <>{children(space.data)}</>;
}

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status-tag status-tag--${status}`} data-testid="input-status">
      {label(t, 'status', status)}
    </span>
  );
}

/**
 * Agenda 2030 goals by number with their names in the UI language, then the targets with their
 * short labels; a target's goal is listed even when only the target was chosen.
 */
export function GoalList({ goals, targets = [] }: { goals: number[]; targets?: string[] }) {
  const { t, i18n } = useTranslation();
  const { data } = useGoals();
  const targetList = useAgendaTargets();
  const en = i18n.language === 'en';
  const all = goalsWithTargets(goals, targets);
  if (all.length === 0) return <>–</>;
  const name = (n: number) => {
    const goal = data?.find((g) => g.number === n);
    return goal ? (en ? goal.nameEn : goal.nameSv) : '';
  };
  const targetLabel = (code: string) => {
    const target = targetList.data?.find((tg) => tg.target === code);
    return target ? (en ? target.labelEn : target.labelSv) : '';
  };
  return (
    <ul className="goal-list">
      {all.map((n) => (
        <li key={n}>
          <span className="goal-list__number">{t('inputs.goalNumber', { number: n })}</span> {name(n)}
        </li>
      ))}
      {targets.map((code) => (
        <li key={code}>
          <span className="goal-list__number">{t('agenda2030.targetShort', { code })}</span> {targetLabel(code)}
        </li>
      ))}
    </ul>
  );
}

/** Previous and next page of a list of inputs, with the range shown; nothing when all fit on one page. */
export function InputPager({ total, offset, pageSize, goTo }: { total: number; offset: number; pageSize: number; goTo: (offset: number) => void }) {
  const { t } = useTranslation();
  if (total <= pageSize) return null;
  return (
    <nav className="pager" aria-label={t('inputs.list.pages')}>
      <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => goTo(Math.max(0, offset - pageSize))}>
        {t('inputs.list.previous')}
      </button>
      <span>{t('inputs.list.range', { from: formatNumber(offset + 1), to: formatNumber(Math.min(total, offset + pageSize)), total: formatNumber(total) })}</span>
      <button type="button" className="button button--secondary" disabled={offset + pageSize >= total} onClick={() => goTo(offset + pageSize)}>
        {t('inputs.list.next')}
      </button>
    </nav>
  );
}
