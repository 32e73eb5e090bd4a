import type { ServicePlan } from '@samhandling/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, TextField } from '../../../components/fields.tsx';
import { EditorSection } from './EditorSection.tsx';
import type { SectionEditorProps } from './PlanSection.tsx';
import { usePlanSaver } from './usePlanSaver.ts';

/** The plan's goals, each with an optional indicator. */
export function GoalsEditor({ plan, onSaved, onCancel }: { plan: ServicePlan } & SectionEditorProps) {
  const { t } = useTranslation();
  const save = usePlanSaver(plan, onSaved);
  const [rows, setRows] = useState<{ id?: string; text: string; indicator: string }[]>(plan.content.goals);
  return (
    <EditorSection id="goals" testId="goals-form" title={t('servicePlans.sections.goals')} error={save.error} pending={save.isPending} onCancel={onCancel} onSubmit={() => save.mutate({ goals: rows })}>
      {rows.map((g, i) => (
        <fieldset className="fieldset plan-item" key={g.id ?? `new-${i}`}>
          <legend className="field__label">{t('servicePlans.editor.goalLegend', { n: i + 1 })}</legend>
          <TextField scope="goals" name={`goals.${i}.text`} label={t('servicePlans.fields.goal')} required value={g.text} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))} error={fieldError(save.error, `goals.${i}.text`)} />
          <TextField scope="goals" name={`goals.${i}.indicator`} label={t('servicePlans.fields.indicator')} value={g.indicator} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, indicator: e.target.value } : x)))} />
          <button type="button" className="button button--secondary button--small" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t('servicePlans.editor.removeGoal', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button button--secondary button--small" onClick={() => setRows([...rows, { text: '', indicator: '' }])}>
        {t('servicePlans.editor.addGoal')}
      </button>
    </EditorSection>
  );
}
