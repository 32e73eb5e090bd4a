import type { ProjectGoal } from '@samhandling/contracts';
import { valuesOf, type LabelledValue } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { formatNumber } from '../../api/format.ts';
import { ErrorSummary, fieldError, fieldId, SelectField, TextField } from '../../components/fields.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { parseSwedishNumber } from '../plans/measure-form.ts';
import { dashboardKeys } from './DashboardPage.tsx';
import { EditableItem, ItemsSection } from './ItemsSection.tsx';

/** The project's goals, each with its indicator and target, edited one at a time. */
export function GoalsEditor({ spaceId, goals }: { spaceId: string; goals: ProjectGoal[] }) {
  const { t } = useTranslation();
  return (
    <ItemsSection
      id="goals-heading"
      heading={t('editors.goals.heading')}
      lead={t('editors.goals.lead')}
      empty={t('process.dashboard.noGoals')}
      testId="goal-items"
      items={goals}
      item={(g, onDone) => <GoalItem spaceId={spaceId} goal={g} onDone={onDone} />}
      addForm={(onDone) => <GoalForm spaceId={spaceId} onDone={onDone} />}
    />
  );
}

function GoalItem({ spaceId, goal, onDone }: { spaceId: string; goal: ProjectGoal; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  return (
    <EditableItem
      spaceId={spaceId}
      testId="goal-item"
      what={goal.title}
      removed={t('editors.goals.removed', { title: goal.title })}
      remove={() => api.deleteSpaceGoal({ params: { id: spaceId, goalId: goal.id } })}
      editForm={(done) => <GoalForm spaceId={spaceId} goal={goal} onDone={done} />}
      onDone={onDone}
    >
      <h3 className="card__title">{goal.title}</h3>
      <p>
        {t(`process.dashboard.figure.${goal.figureKey}`, { defaultValue: goal.figureKey })}:{' '}
        {t('process.dashboard.goalValue', { value: formatNumber(goal.value), target: formatNumber(goal.target) })}
      </p>
    </EditableItem>
  );
}

function GoalForm({ spaceId, goal, onDone }: { spaceId: string; goal?: ProjectGoal; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const scope = goal ? `goal-${goal.id}` : 'goal-new';
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(goal?.title ?? '');
  const [key, setKey] = useState<string>(goal?.figureKey ?? valuesOf('figureKey')[0] ?? 'inputs');
  const [target, setTarget] = useState(goal ? String(goal.target).replace('.', ',') : '');
  const [localError, setLocalError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (goal) document.getElementById(fieldId('title', scope))?.focus();
  }, [goal, scope]);
  const save = useMutation({
    mutationFn: (n: number) => {
      const body = { title, figureKey: key as LabelledValue<'figureKey'>, target: n };
      return goal
        ? api.updateSpaceGoal({ params: { id: spaceId, goalId: goal.id }, body })
        : api.createSpaceGoal({ params: { id: spaceId }, body });
    },
    onSuccess: async (saved) => {
      if (!goal) {
        setTitle('');
        setTarget('');
      }
      onDone(t('editors.goals.saved', { title: saved.title }));
      await queryClient.invalidateQueries({ queryKey: dashboardKeys.space(spaceId) });
    },
  });
  const error = localError ?? save.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = parseSwedishNumber(target);
    if (n === null || Number.isNaN(n)) {
      save.reset();
      setLocalError(
        new ApiError(400, {
          code: 'invalid',
          message: t('editors.checkNumbers'),
          fields: { target: t(n === null ? 'editors.required' : 'editors.number') },
        }),
      );
      return;
    }
    setLocalError(null);
    save.mutate(n);
  };
  const labels = {
    title: t('process.dashboard.goalTitle'),
    figureKey: t('process.dashboard.goalFigure'),
    target: t('process.dashboard.goalTarget'),
  };
  return (
    <form onSubmit={submit} className="form" noValidate data-testid={goal ? 'goal-edit-form' : 'goal-new-form'}>
      {!goal && <h3>{t('process.dashboard.addGoal')}</h3>}
      <ErrorSummary error={error} scope={scope} labels={labels} />
      <TextField
        scope={scope}
        name="title"
        label={labels.title}
        required
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldError(error, 'title')}
      />
      <SelectField
        scope={scope}
        name="figureKey"
        label={labels.figureKey}
        hint={t('editors.goals.figureHint')}
        value={key}
        onChange={(e) => setKey(e.target.value)}
        options={valuesOf('figureKey').map((k) => ({ value: k, label: enumLabel(t, 'figureKey', k) }))}
        error={fieldError(error, 'figureKey')}
      />
      <TextField
        scope={scope}
        name="target"
        inputMode="decimal"
        autoComplete="off"
        label={labels.target}
        required
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        error={fieldError(error, 'target')}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={save.isPending}>
          {goal ? t('editors.saveChanges') : t('editors.goals.add')}
        </button>
        {goal && (
          <button type="button" className="button button--secondary" onClick={() => onDone('')}>
            {t('editors.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
