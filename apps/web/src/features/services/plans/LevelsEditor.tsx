import type { ServicePlan } from '@samhandling/contracts';
import { PLANNED_SERVICES, SERVICE_LEVELS } from '@samhandling/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, fieldError, SelectField, TextField } from '../../../components/fields.tsx';
import { levelLabel, serviceLabel } from './labels.ts';
import { sortBy } from '../../../api/format.ts';
import { useMunicipalityLocalities } from './api.ts';
import { EditorSection } from './EditorSection.tsx';
import type { SectionEditorProps } from './PlanSection.tsx';
import { usePlanSaver } from './usePlanSaver.ts';

type Content = ServicePlan['content'];

type LevelRow = Content['levels'][number];

/** The service level of each locality and the services it should have. */
export function LevelsEditor({ plan, onSaved, onCancel }: { plan: ServicePlan } & SectionEditorProps) {
  const { t } = useTranslation();
  const localities = useMunicipalityLocalities(plan.municipalityCode);
  const localityOptions = sortBy(localities.data ?? [], (l) => l.name).map((l) => ({ value: l.id, label: l.name }));
  const save = usePlanSaver(plan, onSaved);
  const [rows, setRows] = useState<Pick<LevelRow, 'localityId' | 'level' | 'targetServices' | 'note'>[]>(plan.content.levels);
  const update = (i: number, patch: Partial<LevelRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const name = (id: string) => localityOptions.find((o) => o.value === id)?.label ?? '';
  return (
    <EditorSection
      id="levels"
      testId="levels-form"
      title={t('servicePlans.sections.levels')}
      error={save.error}
      pending={save.isPending}
      onCancel={onCancel}
      onSubmit={() => save.mutate({ levels: rows.map((r) => ({ localityId: r.localityId, level: r.level, targetServices: r.targetServices, note: r.note })) })}
    >
      <p className="field__hint">{t('servicePlans.editor.levelsHint')}</p>
      {rows.map((r, i) => (
        <fieldset className="fieldset plan-item" key={i}>
          <legend className="field__label">{t('servicePlans.editor.levelLegend', { n: i + 1, name: name(r.localityId) })}</legend>
          <div className="form-row">
            <SelectField scope="levels" name={`levels.${i}.localityId`} label={t('servicePlans.fields.locality')} options={localityOptions} value={r.localityId} onChange={(e) => update(i, { localityId: e.target.value })} error={fieldError(save.error, `levels.${i}.localityId`)} />
            <SelectField scope="levels" name={`levels.${i}.level`} label={t('servicePlans.fields.level')} options={SERVICE_LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) }))} value={r.level} onChange={(e) => update(i, { level: e.target.value as LevelRow['level'] })} />
          </div>
          <details>
            <summary>{t('servicePlans.editor.targetServices', { count: r.targetServices.length })}</summary>
            <div className="plan-checkboxes">
              {PLANNED_SERVICES.map((s) => (
                <CheckboxField
                  key={s}
                  scope={`levels-${i}`}
                  name={`service-${s}`}
                  label={serviceLabel(t, s)}
                  checked={r.targetServices.includes(s)}
                  onChange={(checked) => update(i, { targetServices: checked ? [...r.targetServices, s] : r.targetServices.filter((x) => x !== s) })}
                />
              ))}
            </div>
          </details>
          <TextField scope="levels" name={`levels.${i}.note`} label={t('servicePlans.fields.note')} value={r.note} onChange={(e) => update(i, { note: e.target.value })} />
          <button type="button" className="button button--secondary button--small" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t('servicePlans.editor.removeLevel', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      {localityOptions.length === 0 ? (
        <p className="muted">{t('servicePlans.editor.noLocalities')}</p>
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={() => setRows([...rows, { localityId: localityOptions.find((o) => !rows.some((r) => r.localityId === o.value))?.value ?? localityOptions[0]!.value, level: 'service_point', targetServices: [], note: '' }])}>
          {t('servicePlans.editor.addLevel')}
        </button>
      )}
    </EditorSection>
  );
}
