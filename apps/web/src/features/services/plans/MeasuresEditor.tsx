import type { ServicePlan } from '@samhandling/contracts';
import { MEASURE_STATUSES } from '@samhandling/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, fieldError, SelectField, TextAreaField, TextField } from '../../../components/fields.tsx';
import { useSavedScenarios } from '../analysis/api.ts';
import { measureStatusLabel } from './labels.ts';
import { sortBy } from '../../../api/format.ts';
import { useSpaceOrganisations } from '../../actors/api.ts';
import { useMunicipalityLocalities } from './api.ts';
import { EditorSection } from './EditorSection.tsx';
import type { SectionEditorProps } from './PlanSection.tsx';
import { usePlanSaver } from './usePlanSaver.ts';
import { withCurrent } from './withCurrent.ts';

interface MeasureDraft {
  id?: string;
  title: string;
  description: string;
  localityId: string;
  place: string;
  organisationIds: string[];
  startDate: string;
  endDate: string;
  costSek: string;
  status: string;
  scenarioId: string;
  goalIds: string[];
}

/** The plan's measures: what, where, who, when, cost, status, the scenario behind it and the goals it serves. */
export function MeasuresEditor({ plan, onSaved, onCancel }: { plan: ServicePlan } & SectionEditorProps) {
  const { t } = useTranslation();
  const localities = useMunicipalityLocalities(plan.municipalityCode);
  const organisations = sortBy(useSpaceOrganisations(plan.spaceId).data ?? [], (o) => o.name);
  const localityOptions = [{ value: '', label: t('servicePlans.editor.noLocality') }, ...sortBy(localities.data ?? [], (l) => l.name).map((l) => ({ value: l.id, label: l.name }))];
  const save = usePlanSaver(plan, onSaved);
  const [rows, setRows] = useState<MeasureDraft[]>(
    plan.content.measures.map((m) => ({
      id: m.id,
      title: m.title,
      description: m.description,
      localityId: m.localityId ?? '',
      place: m.place,
      organisationIds: m.organisationIds,
      startDate: m.startDate ?? '',
      endDate: m.endDate ?? '',
      costSek: m.costSek === null ? '' : String(m.costSek),
      status: m.status,
      scenarioId: m.scenarioId ?? '',
      goalIds: m.goalIds,
    })),
  );
  const update = (i: number, patch: Partial<MeasureDraft>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const err = (name: string) => fieldError(save.error, name);
  // A measure's reason: a scenario saved on the analysis the plan rests on.
  const scenarios = useSavedScenarios(plan.content.analysisId ?? '', Boolean(plan.content.analysisId));
  const scenarioOptions = [{ value: '', label: t('servicePlans.editor.noScenario') }, ...(scenarios.data ?? []).map((s) => ({ value: s.id, label: s.name }))];
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const submit = () =>
    save.mutate({
      measures: rows.map((r) => ({
        ...(r.id ? { id: r.id } : {}),
        title: r.title,
        description: r.description,
        localityId: r.localityId || null,
        place: r.place,
        organisationIds: r.organisationIds,
        startDate: r.startDate || null,
        endDate: r.endDate || null,
        costSek: r.costSek.trim() === '' ? null : Number(r.costSek.replace(/\s/g, '')),
        status: r.status,
        scenarioId: r.scenarioId.trim() || null,
        goalIds: r.goalIds,
      })),
    });
  return (
    <EditorSection id="measures" testId="measures-form" title={t('servicePlans.sections.measures')} error={save.error} pending={save.isPending} onCancel={onCancel} onSubmit={submit}>
      {rows.map((m, i) => (
        <fieldset className="fieldset plan-item" key={m.id ?? `new-${i}`} data-testid="measure-item">
          <legend className="field__label">{t('servicePlans.editor.measureLegend', { n: i + 1, title: m.title })}</legend>
          <TextField scope="measures" name={`measures.${i}.title`} label={t('servicePlans.fields.measure')} required value={m.title} onChange={(e) => update(i, { title: e.target.value })} error={err(`measures.${i}.title`)} />
          <TextAreaField scope="measures" name={`measures.${i}.description`} label={t('servicePlans.fields.description')} rows={2} value={m.description} onChange={(e) => update(i, { description: e.target.value })} />
          <div className="form-row">
            <SelectField scope="measures" name={`measures.${i}.localityId`} label={t('servicePlans.fields.locality')} options={localityOptions} value={m.localityId} onChange={(e) => update(i, { localityId: e.target.value })} error={err(`measures.${i}.localityId`)} />
            <TextField scope="measures" name={`measures.${i}.place`} label={t('servicePlans.fields.place')} value={m.place} onChange={(e) => update(i, { place: e.target.value })} />
          </div>
          <div className="form-row">
            <TextField scope="measures" name={`measures.${i}.startDate`} type="date" label={t('servicePlans.fields.startDate')} value={m.startDate} onChange={(e) => update(i, { startDate: e.target.value })} error={err(`measures.${i}.startDate`)} />
            <TextField scope="measures" name={`measures.${i}.endDate`} type="date" label={t('servicePlans.fields.endDate')} value={m.endDate} onChange={(e) => update(i, { endDate: e.target.value })} error={err(`measures.${i}.endDate`)} />
          </div>
          <div className="form-row">
            <TextField scope="measures" name={`measures.${i}.costSek`} inputMode="numeric" label={t('servicePlans.fields.cost')} value={m.costSek} onChange={(e) => update(i, { costSek: e.target.value })} error={err(`measures.${i}.costSek`)} />
            <SelectField scope="measures" name={`measures.${i}.status`} label={t('servicePlans.fields.status')} options={MEASURE_STATUSES.map((s) => ({ value: s, label: measureStatusLabel(t, s) }))} value={m.status} onChange={(e) => update(i, { status: e.target.value })} />
          </div>
          <SelectField scope="measures" name={`measures.${i}.scenarioId`} label={t('servicePlans.fields.scenarioId')} hint={t(plan.content.analysisId ? 'servicePlans.editor.scenarioHint' : 'servicePlans.editor.scenarioNeedsAnalysis')} options={withCurrent(scenarioOptions, m.scenarioId)} value={m.scenarioId} onChange={(e) => update(i, { scenarioId: e.target.value })} error={err(`measures.${i}.scenarioId`)} />
          <details>
            <summary>{t('servicePlans.editor.organisations', { count: m.organisationIds.length })}</summary>
            {organisations.length === 0 ? (
              <p className="muted">{t('servicePlans.editor.noOrganisations')}</p>
            ) : (
              <div className="plan-checkboxes">
                {organisations.map((o) => (
                  <CheckboxField key={o.id} scope={`measures-${i}`} name={`org-${o.id}`} label={o.name} checked={m.organisationIds.includes(o.id)} onChange={(on) => update(i, { organisationIds: toggle(m.organisationIds, o.id, on) })} />
                ))}
              </div>
            )}
          </details>
          {plan.content.goals.length > 0 && (
            <details>
              <summary>{t('servicePlans.editor.goals', { count: m.goalIds.length })}</summary>
              <div className="plan-checkboxes">
                {plan.content.goals.map((g, gi) => (
                  <CheckboxField key={g.id} scope={`measures-${i}`} name={`goal-${g.id}`} label={`${gi + 1}. ${g.text}`} checked={m.goalIds.includes(g.id)} onChange={(on) => update(i, { goalIds: toggle(m.goalIds, g.id, on) })} />
                ))}
              </div>
            </details>
          )}
          <button type="button" className="button button--secondary button--small" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t('servicePlans.editor.removeMeasure', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => setRows([...rows, { title: '', description: '', localityId: '', place: '', organisationIds: [], startDate: '', endDate: '', costSek: '', status: 'planned', scenarioId: '', goalIds: [] }])}
      >
        {t('servicePlans.editor.addMeasure')}
      </button>
    </EditorSection>
  );
}
