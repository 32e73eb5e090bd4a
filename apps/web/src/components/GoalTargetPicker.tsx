import { normaliseTags } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client.ts';
import { fieldId } from './fields.tsx';

/** The 17 goals and 169 targets, fetched once per session. */
export function useAgendaGoals() {
  return useQuery({ queryKey: ['agenda2030', 'goals'], queryFn: () => api.getGoals({}), staleTime: Infinity });
}
export function useAgendaTargets() {
  return useQuery({ queryKey: ['agenda2030', 'targets'], queryFn: () => api.getTargets({}), staleTime: Infinity });
}

/**
 * The first problem the API reported on an object's tags ("targets.2" → at the picker), so it
 * shows next to the picker rather than only in the error summary.
 */
export function tagsError(error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  const key = Object.keys(error.fields).find((k) => /^(targets|goals)(\.|$)/.test(k));
  return key ? error.fields[key] : undefined;
}

/**
 * A searchable picker of Agenda 2030 goals and targets, for any object that takes `goals` and
 * `targets` (spaces, events, inputs, library items, measures, initiatives, models). Goals are
 * checkboxes; a checked goal shows its targets; the search box finds targets by number or words.
 */
export function GoalTargetPicker({
  goals,
  targets,
  onChange,
  legend,
  error,
  scope,
}: {
  goals: number[];
  targets: string[];
  onChange: (value: { goals: number[]; targets: string[] }) => void;
  legend?: string;
  error?: string | undefined;
  /** The form's scope: the fieldset gets the id the error summary links `targets` to. */
  scope?: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const [search, setSearch] = useState('');
  const goalList = useAgendaGoals();
  const targetList = useAgendaTargets();
  const en = i18n.language.startsWith('en');
  const query = search.trim().toLowerCase();
  const found = query
    ? (targetList.data ?? []).filter((tg) => tg.target.startsWith(query) || (en ? tg.labelEn : tg.labelSv).toLowerCase().includes(query)).slice(0, 20)
    : [];
  const toggleGoal = (goal: number, on: boolean) =>
    onChange(normaliseTags(on ? [...goals, goal] : goals.filter((g) => g !== goal), on ? targets : targets.filter((tg) => Number(tg.split('.')[0]) !== goal)));
  const toggleTarget = (target: string, on: boolean) => onChange(normaliseTags(goals, on ? [...targets, target] : targets.filter((tg) => tg !== target)));
  const targetBox = (tg: { target: string; labelSv: string; labelEn: string }, prefix: string) => (
    <li key={tg.target} className="checkbox">
      <input type="checkbox" id={`${id}-${prefix}-${tg.target}`} checked={targets.includes(tg.target)} onChange={(e) => toggleTarget(tg.target, e.target.checked)} />
      <label htmlFor={`${id}-${prefix}-${tg.target}`}>
        {tg.target} {en ? tg.labelEn : tg.labelSv}
      </label>
    </li>
  );
  return (
    <fieldset
      id={scope ? fieldId('targets', scope) : undefined}
      className={`field goal-picker${error ? ' field--error' : ''}`}
      data-testid="goal-target-picker"
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="field__label">{legend ?? t('agenda2030.picker.legend')}</legend>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-search`} className="field__label">
          {t('agenda2030.picker.search')}
        </label>
        <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {query && (
        <ul className="goal-picker__found" aria-label={t('agenda2030.picker.found')}>
          {found.length === 0 ? <li>{t('agenda2030.picker.none')}</li> : found.map((tg) => targetBox(tg, 'found'))}
        </ul>
      )}
      <ul className="goal-picker__goals">
        {(goalList.data ?? []).map((goal) => {
          const checked = goals.includes(goal.number) || targets.some((tg) => Number(tg.split('.')[0]) === goal.number);
          return (
            <li key={goal.number}>
              <div className="checkbox">
                <input type="checkbox" id={`${id}-goal-${goal.number}`} checked={checked} onChange={(e) => toggleGoal(goal.number, e.target.checked)} />
                <label htmlFor={`${id}-goal-${goal.number}`}>
                  {goal.number}. {en ? goal.nameEn : goal.nameSv}
                </label>
              </div>
              {checked && (
                <ul className="goal-picker__targets" aria-label={t('agenda2030.picker.targetsOf', { goal: goal.number })}>
                  {(targetList.data ?? []).filter((tg) => tg.goal === goal.number).map((tg) => targetBox(tg, 'goal'))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** Goals and targets as small tags (e.g. an event's theme goals). */
export function GoalTags({ goals, targets }: { goals: number[]; targets: string[] }) {
  const { t, i18n } = useTranslation();
  const goalList = useAgendaGoals();
  const en = i18n.language.startsWith('en');
  if (goals.length === 0 && targets.length === 0) return null;
  const allGoals = normaliseTags([...goals, ...targets.map((tg) => Number(tg.split('.')[0]))], []).goals;
  return (
    <p className="tags" aria-label={t('agenda2030.tags')}>
      {allGoals.map((g) => {
        const goal = goalList.data?.find((x) => x.number === g);
        return (
          <span key={g} className="tag" title={goal ? (en ? goal.nameEn : goal.nameSv) : undefined}>
            {t('agenda2030.goalShort', { number: g })}
            {goal ? ` ${en ? goal.nameEn : goal.nameSv}` : ''}
          </span>
        );
      })}
      {targets.map((tg) => (
        <span key={tg} className="tag tag--public">
          {t('agenda2030.targetShort', { code: tg })}
        </span>
      ))}
    </p>
  );
}
