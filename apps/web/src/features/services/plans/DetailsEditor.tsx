import type { ServicePlan } from '@samhandling/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, TextField } from '../../../components/fields.tsx';
import { EditorSection } from './EditorSection.tsx';
import type { SectionEditorProps } from './PlanSection.tsx';
import { usePlanSaver } from './usePlanSaver.ts';

/** The plan's name and period. */
export function DetailsEditor({ plan, onSaved, onCancel }: { plan: ServicePlan } & SectionEditorProps) {
  const { t } = useTranslation();
  const save = usePlanSaver(plan, onSaved);
  const [v, setV] = useState({ title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd });
  const err = (name: string) => fieldError(save.error, name);
  return (
    <EditorSection id="details" testId="details-form" title={t('servicePlans.sections.details')} error={save.error} pending={save.isPending} onCancel={onCancel} onSubmit={() => save.mutate(v)}>
      <TextField scope="details" name="title" label={t('servicePlans.fields.title')} required value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={err('title')} />
      <div className="form-row">
        <TextField scope="details" name="periodStart" type="date" label={t('servicePlans.fields.periodStart')} required value={v.periodStart} onChange={(e) => setV({ ...v, periodStart: e.target.value })} error={err('periodStart')} />
        <TextField scope="details" name="periodEnd" type="date" label={t('servicePlans.fields.periodEnd')} required value={v.periodEnd} onChange={(e) => setV({ ...v, periodEnd: e.target.value })} error={err('periodEnd')} />
      </div>
    </EditorSection>
  );
}
