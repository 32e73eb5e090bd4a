import type { ServicePlan } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { AnalysisEditor } from './AnalysisEditor.tsx';
import { AnalysisFigures } from './AnalysisFigures.tsx';
import { BackgroundEditor } from './BackgroundEditor.tsx';
import { BackgroundView } from './BackgroundView.tsx';
import { DetailsEditor } from './DetailsEditor.tsx';
import { GoalsEditor } from './GoalsEditor.tsx';
import { GoalsList } from './GoalsList.tsx';
import { LevelsEditor } from './LevelsEditor.tsx';
import { LevelsTable } from './LevelsTable.tsx';
import { MeasuresEditor } from './MeasuresEditor.tsx';
import { MeasuresTable } from './MeasuresTable.tsx';
import { NeedsList } from './NeedsList.tsx';
import { PlanFacts } from './PlanFacts.tsx';
import { PlanSection } from './PlanSection.tsx';

/**
 * The plan on its page, section by section as readers see it; those who may change the draft get
 * an "Edit" button per section that opens only that section's form and saves only its fields.
 */
export function PlanSections({ plan, onSaved }: { plan: ServicePlan; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const editable = plan.allowedActions.includes('update');
  const section = (id: string, title: string) => ({ id, title, onSaved });
  return (
    <div className="plan-content">
      {editable && <p className="notice notice--info">{t('servicePlans.editor.lead')}</p>}
      <PlanSection {...section('details', t('servicePlans.sections.details'))} editor={editable ? (p) => <DetailsEditor plan={plan} {...p} /> : undefined}>
        <PlanFacts plan={plan} />
      </PlanSection>
      <PlanSection {...section('background', t('servicePlans.sections.background'))} editor={editable ? (p) => <BackgroundEditor plan={plan} {...p} /> : undefined}>
        <BackgroundView content={plan.content} />
      </PlanSection>
      <PlanSection {...section('levels', t('servicePlans.sections.levels'))} editor={editable ? (p) => <LevelsEditor plan={plan} {...p} /> : undefined}>
        <LevelsTable levels={plan.content.levels} />
      </PlanSection>
      <PlanSection {...section('analysis', t('servicePlans.sections.analysis'))} editor={editable ? (p) => <AnalysisEditor plan={plan} {...p} /> : undefined}>
        <AnalysisFigures analysisId={plan.content.analysisId} analysis={plan.analysis} />
      </PlanSection>
      <PlanSection {...section('needs', t('servicePlans.sections.needs'))}>
        <NeedsList spaceId={plan.spaceId} needs={plan.needs} />
      </PlanSection>
      <PlanSection {...section('goals', t('servicePlans.sections.goals'))} editor={editable ? (p) => <GoalsEditor plan={plan} {...p} /> : undefined}>
        <GoalsList goals={plan.content.goals} />
      </PlanSection>
      <PlanSection {...section('measures', t('servicePlans.sections.measures'))} editor={editable ? (p) => <MeasuresEditor plan={plan} {...p} /> : undefined}>
        <MeasuresTable measures={plan.content.measures} />
      </PlanSection>
    </div>
  );
}
