import type { Dashboard } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { formatNumber } from '../../api/format.ts';
import { ErrorSummary, fieldError, fieldId, StatusMessage, TextField } from '../../components/fields.tsx';
import { parseSwedishNumber } from '../plans/measure-form.ts';
import { RowList } from '../plans/RowList.tsx';
import { dashboardKeys } from './DashboardPage.tsx';
import { emptyCoFinancier, emptySteering, factsBodyOf, factsDraftOf, type FactsDraft } from './facts-form.ts';

/** The project facts: period, budget, co-financiers, steering group and the figures the dashboard shows. */
export function FactsForm({ spaceId, dashboard }: { spaceId: string; dashboard: Dashboard }) {
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
