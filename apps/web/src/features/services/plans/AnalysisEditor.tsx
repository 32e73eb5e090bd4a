import type { ServicePlan } from '@samhandling/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../api/format.ts';
import { fieldError, SelectField } from '../../../components/fields.tsx';
import { useAnalyses } from '../analysis/api.ts';
import { AnalysisFigures } from './AnalysisFigures.tsx';
import { EditorSection } from './EditorSection.tsx';
import type { SectionEditorProps } from './PlanSection.tsx';
import { usePlanSaver } from './usePlanSaver.ts';
import { withCurrent } from './withCurrent.ts';

/** Which of the space's finished accessibility analyses the plan rests on. */
export function AnalysisEditor({ plan, onSaved, onCancel }: { plan: ServicePlan } & SectionEditorProps) {
  const { t } = useTranslation();
  const save = usePlanSaver(plan, onSaved);
  const [analysisId, setAnalysisId] = useState(plan.content.analysisId ?? '');
  // One already named stays choosable while the list loads.
  const analyses = useAnalyses(plan.spaceId);
  const options = withCurrent(
    [{ value: '', label: t('servicePlans.editor.noAnalysis') }, ...(analyses.data ?? []).filter((a) => a.status === 'done').map((a) => ({ value: a.id, label: t('servicePlans.editor.analysisOption', { name: a.name, date: formatDate(a.createdAt) }) }))],
    analysisId,
  );
  return (
    <EditorSection id="analysis" testId="analysis-form" title={t('servicePlans.sections.analysis')} error={save.error} pending={save.isPending} onCancel={onCancel} onSubmit={() => save.mutate({ analysisId: analysisId.trim() || null })}>
      <SelectField scope="analysis" name="analysisId" label={t('servicePlans.fields.analysisId')} hint={t('servicePlans.editor.analysisHint')} options={options} value={analysisId} onChange={(e) => setAnalysisId(e.target.value)} error={fieldError(save.error, 'analysisId')} />
      <AnalysisFigures analysisId={plan.content.analysisId} analysis={plan.analysis} />
    </EditorSection>
  );
}
