import type { Dashboard, ProjectGoal, Space } from '@samhandling/contracts';
import { figureKey } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { formatDate, formatNumber } from '../../api/format.ts';
import {
  ErrorSummary,
  fieldError,
  fieldId,
  Loading,
  QueryError,
  SelectField,
  StatusMessage,
  TextAreaField,
  TextField,
} from '../../components/fields.tsx';
import { parseSwedishNumber } from '../plans/measure-form.ts';
import { RowList } from '../plans/RowList.tsx';
import { SpaceShell } from '../processes/SpaceShell.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';
import { dashboardKeys } from './DashboardPage.tsx';
import { emptyCoFinancier, emptySteering, factsBodyOf, factsDraftOf, type FactsDraft } from './facts-form.ts';

/** Where a space's leaders write its project facts, goals and spin-off effects; the dashboard shows them. */
export function ProjectFactsPage() {
  const { t } = useTranslation();
  return (
    <SpaceShell title={(s) => (s ? t('editors.facts.title', { name: s.name }) : t('editors.facts.nav'))}>
      {(space) => <FactsView space={space} />}
    </SpaceShell>
  );
}

function FactsView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const dashboard = useQuery({
    queryKey: dashboardKeys.space(space.id),
    queryFn: () => api.getSpaceDashboard({ params: { id: space.id } }),
  });
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('editors.facts.title', { name: space.name })}</h1>
      <p className="lead">{t('editors.facts.lead')}</p>
      <p>
        <Link to={`/spaces/${space.id}/dashboard`}>{t('editors.facts.toDashboard')}</Link>
      </p>
      {dashboard.isPending ? (
        <Loading />
      ) : dashboard.isError ? (
        <QueryError error={dashboard.error} />
      ) : !dashboard.data.allowedActions.includes('manage') ? (
        <p>{t('editors.notAllowed')}</p>
      ) : (
        <>
          <FactsForm spaceId={space.id} dashboard={dashboard.data} />
          <GoalsEditor spaceId={space.id} goals={dashboard.data.goals ?? []} />
          <SpinOffsEditor spaceId={space.id} dashboard={dashboard.data} />
        </>
      )}
    </div>
  );
}

function FactsForm({ spaceId, dashboard }: { spaceId: string; dashboard: Dashboard }) {
  const { t } = useTranslation();
  const scope = 'facts';
  const queryClient = useQueryClient();
  const [d, setD] = useState<FactsDraft>(() => factsDraftOf(dashboard.facts));
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof factsBodyOf>['body']) => api.putSpaceFacts({ params: { id: spaceId }, body }),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: dashboardKeys.space(spaceId) });
    },
  });
  const error = localError ?? save.error;
  const errorFor = (path: string) => fieldError(error, path);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const { body, problems } = factsBodyOf(d);
    const fields = Object.fromEntries(Object.entries(problems).map(([path, problem]) => [path, t(`editors.${problem}`)]));
    if (Object.keys(fields).length > 0) {
      save.reset();
      setLocalError(new ApiError(400, { code: 'invalid', message: t('editors.checkNumbers'), fields }));
      return;
    }
    setLocalError(null);
    save.mutate(body);
  };
  const labels: Record<string, string> = {
    periodStart: t('editors.facts.periodStart'),
    periodEnd: t('editors.facts.periodEnd'),
    budget: t('editors.facts.budget'),
  };
  d.coFinanciers.forEach((_, i) => {
    labels[`coFinanciers.${i}.name`] = `${t('editors.facts.coFinancierN', { n: i + 1 })}: ${t('editors.facts.name')}`;
    labels[`coFinanciers.${i}.amount`] = `${t('editors.facts.coFinancierN', { n: i + 1 })}: ${t('editors.facts.amount')}`;
  });
  d.steeringGroup.forEach((_, i) => {
    for (const f of ['name', 'organisation', 'role'] as const)
      labels[`steeringGroup.${i}.${f}`] = `${t('editors.facts.memberN', { n: i + 1 })}: ${t(`editors.facts.${f}`)}`;
  });
  const sum = d.coFinanciers.reduce((n, c) => n + (parseSwedishNumber(c.amount) || 0), 0);
  return (
    <section aria-labelledby="facts-heading" className="section">
      <h2 id="facts-heading">{t('editors.facts.factsHeading')}</h2>
      <form onSubmit={submit} noValidate data-testid="facts-form">
        <ErrorSummary error={error} scope={scope} labels={labels} />
        {saved && <StatusMessage>{t('editors.saved')}</StatusMessage>}
        <div className="form-row">
          <TextField
            scope={scope}
            name="periodStart"
            type="date"
            label={labels.periodStart}
            value={d.periodStart}
            onChange={(e) => setD({ ...d, periodStart: e.target.value })}
            error={errorFor('periodStart')}
          />
          <TextField
            scope={scope}
            name="periodEnd"
            type="date"
            label={labels.periodEnd}
            value={d.periodEnd}
            onChange={(e) => setD({ ...d, periodEnd: e.target.value })}
            error={errorFor('periodEnd')}
          />
        </div>
        <TextField
          scope={scope}
          name="budget"
          inputMode="numeric"
          autoComplete="off"
          label={labels.budget}
          hint={t('editors.facts.kronor')}
          value={d.budget}
          onChange={(e) => setD({ ...d, budget: e.target.value })}
          error={errorFor('budget')}
        />
        <RowList
          heading={t('editors.facts.coFinanciers')}
          testId="cofinancier-rows"
          rows={d.coFinanciers}
          onChange={(coFinanciers) => setD({ ...d, coFinanciers })}
          newRow={emptyCoFinancier}
          legend={(n) => t('editors.facts.coFinancierN', { n })}
          removeLabel={(n) => t('editors.remove', { what: t('editors.facts.coFinancierN', { n }) })}
          addLabel={t('editors.facts.addCoFinancier')}
          empty={t('editors.facts.noCoFinanciers')}
          firstField={(i) => fieldId(`coFinanciers.${i}.name`, scope)}
        >
          {(c, i, update) => (
            <div className="form-row">
              <TextField
                scope={scope}
                name={`coFinanciers.${i}.name`}
                label={t('editors.facts.name')}
                required
                value={c.name}
                onChange={(e) => update({ name: e.target.value })}
                error={errorFor(`coFinanciers.${i}.name`)}
              />
              <TextField
                scope={scope}
                name={`coFinanciers.${i}.amount`}
                inputMode="numeric"
                autoComplete="off"
                label={t('editors.facts.amount')}
                hint={t('editors.facts.kronor')}
                required
                value={c.amount}
                onChange={(e) => update({ amount: e.target.value })}
                error={errorFor(`coFinanciers.${i}.amount`)}
              />
            </div>
          )}
        </RowList>
        {d.coFinanciers.length > 0 && <p>{t('editors.facts.sum', { sum: formatNumber(sum) })}</p>}
        <RowList
          heading={t('editors.facts.steeringGroup')}
          testId="steering-rows"
          rows={d.steeringGroup}
          onChange={(steeringGroup) => setD({ ...d, steeringGroup })}
          newRow={emptySteering}
          legend={(n) => t('editors.facts.memberN', { n })}
          removeLabel={(n) => t('editors.remove', { what: t('editors.facts.memberN', { n }) })}
          addLabel={t('editors.facts.addMember')}
          empty={t('editors.facts.noMembers')}
          firstField={(i) => fieldId(`steeringGroup.${i}.name`, scope)}
        >
          {(s, i, update) => (
            <div className="form-row">
              <TextField
                scope={scope}
                name={`steeringGroup.${i}.name`}
                label={t('editors.facts.name')}
                required
                value={s.name}
                onChange={(e) => update({ name: e.target.value })}
                error={errorFor(`steeringGroup.${i}.name`)}
              />
              <TextField
                scope={scope}
                name={`steeringGroup.${i}.organisation`}
                label={t('editors.facts.organisation')}
                value={s.organisation}
                onChange={(e) => update({ organisation: e.target.value })}
                error={errorFor(`steeringGroup.${i}.organisation`)}
              />
              <TextField
                scope={scope}
                name={`steeringGroup.${i}.role`}
                label={t('editors.facts.role')}
                value={s.role}
                onChange={(e) => update({ role: e.target.value })}
                error={errorFor(`steeringGroup.${i}.role`)}
              />
            </div>
          )}
        </RowList>
        <button type="submit" className="button" disabled={save.isPending}>
          {t('editors.facts.save')}
        </button>
      </form>
    </section>
  );
}

/** Focus back on the button that opened an inline form, once it has closed. */
function useReturnFocus(open: boolean) {
  const ref = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return ref;
}

function GoalsEditor({ spaceId, goals }: { spaceId: string; goals: ProjectGoal[] }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="goals-heading" className="section">
      <h2 id="goals-heading">{t('editors.goals.heading')}</h2>
      <p>{t('editors.goals.lead')}</p>
      <p role="status">{status}</p>
      {goals.length === 0 ? (
        <p className="empty">{t('process.dashboard.noGoals')}</p>
      ) : (
        <ul className="editor-list" data-testid="goal-items">
          {goals.map((g) => (
            <GoalItem key={g.id} spaceId={spaceId} goal={g} onDone={setStatus} />
          ))}
        </ul>
      )}
      <GoalForm spaceId={spaceId} onDone={setStatus} />
    </section>
  );
}

function GoalItem({ spaceId, goal, onDone }: { spaceId: string; goal: ProjectGoal; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const editRef = useReturnFocus(editing);
  const remove = useMutation({
    mutationFn: () => api.deleteSpaceGoal({ params: { id: spaceId, goalId: goal.id } }),
    onSuccess: async () => {
      onDone(t('editors.goals.removed', { title: goal.title }));
      await queryClient.invalidateQueries({ queryKey: dashboardKeys.space(spaceId) });
    },
  });
  return (
    <li className="card" data-testid="goal-item">
      <h3 className="card__title">{goal.title}</h3>
      <p>
        {t(`process.dashboard.figure.${goal.figureKey}`, { defaultValue: goal.figureKey })}:{' '}
        {t('process.dashboard.goalValue', { value: formatNumber(goal.value), target: formatNumber(goal.target) })}
      </p>
      {editing ? (
        <GoalForm
          spaceId={spaceId}
          goal={goal}
          onDone={(message) => {
            setEditing(false);
            if (message) onDone(message);
          }}
        />
      ) : (
        <div className="button-group">
          <button ref={editRef} type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
            {t('editors.edit', { what: goal.title })}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            {t('editors.remove', { what: goal.title })}
          </button>
        </div>
      )}
      {remove.error && <QueryError error={remove.error} />}
    </li>
  );
}

function GoalForm({ spaceId, goal, onDone }: { spaceId: string; goal?: ProjectGoal; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const scope = goal ? `goal-${goal.id}` : 'goal-new';
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(goal?.title ?? '');
  const [key, setKey] = useState<string>(goal?.figureKey ?? figureKey.options[0] ?? 'inputs');
  const [target, setTarget] = useState(goal ? String(goal.target).replace('.', ',') : '');
  const [localError, setLocalError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (goal) document.getElementById(fieldId('title', scope))?.focus();
  }, [goal, scope]);
  const save = useMutation({
    mutationFn: (n: number) => {
      const body = { title, figureKey: key as (typeof figureKey.options)[number], target: n };
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
        options={figureKey.options.map((k) => ({ value: k, label: t(`process.dashboard.figure.${k}`) }))}
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

function SpinOffsEditor({ spaceId, dashboard }: { spaceId: string; dashboard: Dashboard }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const spinOffs = dashboard.facts?.spinOffs ?? [];
  return (
    <section aria-labelledby="spinoffs-heading" className="section">
      <h2 id="spinoffs-heading">{t('process.dashboard.spinOffs')}</h2>
      <p>{t('editors.spinOffs.lead')}</p>
      <p role="status">{status}</p>
      {spinOffs.length === 0 ? (
        <p className="empty">{t('process.dashboard.noSpinOffs')}</p>
      ) : (
        <ul className="editor-list" data-testid="spin-off-items">
          {spinOffs.map((s) => (
            <SpinOffItem key={s.id} spaceId={spaceId} spinOff={s} onDone={setStatus} />
          ))}
        </ul>
      )}
      <SpinOffForm spaceId={spaceId} onDone={setStatus} />
    </section>
  );
}

type SpinOff = NonNullable<Dashboard['facts']>['spinOffs'][number];

function SpinOffItem({ spaceId, spinOff, onDone }: { spaceId: string; spinOff: SpinOff; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const editRef = useReturnFocus(editing);
  const what = `${formatDate(spinOff.date)}: ${spinOff.text.length > 40 ? `${spinOff.text.slice(0, 40)}…` : spinOff.text}`;
  const remove = useMutation({
    mutationFn: () => api.deleteSpinOff({ params: { id: spaceId, spinOffId: spinOff.id } }),
    onSuccess: async () => {
      onDone(t('editors.spinOffs.removed'));
      await queryClient.invalidateQueries({ queryKey: dashboardKeys.space(spaceId) });
    },
  });
  return (
    <li className="card" data-testid="spin-off-item">
      <p>
        <strong>{formatDate(spinOff.date)}</strong>: {spinOff.text}
        {spinOff.source && (
          <>
            {' '}
            ({t('process.dashboard.source')}: {spinOff.source})
          </>
        )}
      </p>
      {editing ? (
        <SpinOffForm
          spaceId={spaceId}
          spinOff={spinOff}
          onDone={(message) => {
            setEditing(false);
            if (message) onDone(message);
          }}
        />
      ) : (
        <div className="button-group">
          <button ref={editRef} type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
            {t('editors.edit', { what })}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            {t('editors.remove', { what })}
          </button>
        </div>
      )}
      {remove.error && <QueryError error={remove.error} />}
    </li>
  );
}

function SpinOffForm({ spaceId, spinOff, onDone }: { spaceId: string; spinOff?: SpinOff; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const scope = spinOff ? `spin-off-${spinOff.id}` : 'spin-off-new';
  const queryClient = useQueryClient();
  const [date, setDate] = useState(spinOff?.date ?? new Date().toISOString().slice(0, 10));
  const [text, setText] = useState(spinOff?.text ?? '');
  const [source, setSource] = useState(spinOff?.source ?? '');
  useEffect(() => {
    if (spinOff) document.getElementById(fieldId('date', scope))?.focus();
  }, [spinOff, scope]);
  const save = useMutation({
    mutationFn: () => {
      const body = { date, text, source };
      return spinOff
        ? api.updateSpinOff({ params: { id: spaceId, spinOffId: spinOff.id }, body })
        : api.createSpinOff({ params: { id: spaceId }, body });
    },
    onSuccess: async () => {
      if (!spinOff) {
        setText('');
        setSource('');
      }
      onDone(t('editors.spinOffs.saved'));
      await queryClient.invalidateQueries({ queryKey: dashboardKeys.space(spaceId) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const labels = { date: t('editors.spinOffs.date'), text: t('editors.spinOffs.text'), source: t('editors.spinOffs.source') };
  return (
    <form onSubmit={submit} className="form" noValidate data-testid={spinOff ? 'spin-off-edit-form' : 'spin-off-new-form'}>
      {!spinOff && <h3>{t('editors.spinOffs.add')}</h3>}
      <ErrorSummary error={save.error} scope={scope} labels={labels} />
      <TextField
        scope={scope}
        name="date"
        type="date"
        label={labels.date}
        required
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={fieldError(save.error, 'date')}
      />
      <TextAreaField
        scope={scope}
        name="text"
        label={labels.text}
        hint={t('editors.spinOffs.textHint')}
        required
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={fieldError(save.error, 'text')}
      />
      <TextField
        scope={scope}
        name="source"
        label={labels.source}
        hint={t('editors.spinOffs.sourceHint')}
        value={source}
        onChange={(e) => setSource(e.target.value)}
        error={fieldError(save.error, 'source')}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={save.isPending}>
          {spinOff ? t('editors.saveChanges') : t('editors.spinOffs.addButton')}
        </button>
        {spinOff && (
          <button type="button" className="button button--secondary" onClick={() => onDone('')}>
            {t('editors.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
