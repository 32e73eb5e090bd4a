import type { ServicePlan } from '@samhandling/contracts';
import { MEASURE_STATUSES } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { ErrorSummary, fieldError, SelectField, TextAreaField, TextField } from '../../../components/fields.tsx';
import { planKeys } from './api.ts';
import { measureStatusLabel } from './labels.ts';
import { pick } from '../../../i18n/labels.ts';

export function FollowUps({ plan, onSaved }: { plan: ServicePlan; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const adoptedMeasures = plan.shows === 'version' || plan.status === 'adopted' ? plan.content.measures : [];
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [summary, setSummary] = useState('');
  const [statuses, setStatuses] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: () =>
      api.addFollowUp({ params: { id: plan.id }, body: { year: Number(year), summary, measures: Object.entries(statuses).flatMap(([measureId, status]) => { const chosen = pick(MEASURE_STATUSES, status); return chosen ? [{ measureId, status: chosen }] : []; }) } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: planKeys.plan(plan.id) });
      setSummary('');
      onSaved(t('servicePlans.followUp.saved'));
    },
  });
  if (!plan.adopted && plan.followUps.length === 0) return null;
  return (
    <section aria-labelledby="follow-up-heading" className="section">
      <h2 id="follow-up-heading">{t('servicePlans.sections.followUp')}</h2>
      {plan.followUps.length === 0 ? (
        <p className="muted">{t('servicePlans.followUp.none')}</p>
      ) : (
        plan.followUps.map((f) => (
          <div key={f.id} className="card plan-follow-up">
            <h3 className="card__title">{t('servicePlans.followUp.year', { year: f.year })}</h3>
            <p>{f.summary}</p>
            {f.measures.length > 0 && (
              <ul>
                {f.measures.map((m) => (
                  <li key={m.measureId}>
                    {m.measureTitle ?? '–'}: {measureStatusLabel(t, m.status)}
                    {m.note && ` – ${m.note}`}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))
      )}
      {plan.allowedActions.includes('follow_up') && (
        <form
          className="panel"
          noValidate
          data-testid="follow-up-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <h3>{t('servicePlans.followUp.heading')}</h3>
          <ErrorSummary error={add.error} scope="follow-up" />
          <TextField scope="follow-up" name="year" inputMode="numeric" label={t('servicePlans.fields.year')} required value={year} onChange={(e) => setYear(e.target.value)} error={fieldError(add.error, 'year')} />
          <TextAreaField scope="follow-up" name="summary" label={t('servicePlans.fields.summary')} required rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} error={fieldError(add.error, 'summary')} />
          {adoptedMeasures.map((m) => (
            <SelectField
              key={m.id}
              scope="follow-up"
              name={`status-${m.id}`}
              label={t('servicePlans.followUp.statusOf', { title: m.title })}
              options={[{ value: '', label: t('servicePlans.followUp.noChange') }, ...MEASURE_STATUSES.map((s) => ({ value: s, label: measureStatusLabel(t, s) }))]}
              value={statuses[m.id] ?? ''}
              onChange={(e) => setStatuses((s) => (e.target.value ? { ...s, [m.id]: e.target.value } : Object.fromEntries(Object.entries(s).filter(([k]) => k !== m.id))))}
            />
          ))}
          <div className="actions">
            <button type="submit" className="button" disabled={add.isPending}>
              {t('servicePlans.followUp.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
