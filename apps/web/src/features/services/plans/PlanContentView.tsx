import type { PlanAnalysisFigures, PlanContent, PlanNeed } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { AnalysisFigures } from './AnalysisFigures.tsx';
import { BackgroundView } from './BackgroundView.tsx';
import { GoalsList } from './GoalsList.tsx';
import { LevelsTable } from './LevelsTable.tsx';
import { MeasuresTable } from './MeasuresTable.tsx';
import { NeedsList } from './NeedsList.tsx';

/** The plan's content read-only: what the public reads on the consultation page and members see without editing rights. */
export function PlanContentView({ spaceId, content, needs, analysis, headingLevel = 2 }: { spaceId: string; content: PlanContent; needs: PlanNeed[]; analysis: PlanAnalysisFigures | null; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const H = `h${headingLevel}` as 'h2';
  return (
    <div className="plan-content">
      <section aria-labelledby="view-background" className="section">
        <H id="view-background">{t('servicePlans.sections.background')}</H>
        <BackgroundView content={content} />
      </section>
      <section aria-labelledby="view-levels" className="section">
        <H id="view-levels">{t('servicePlans.sections.levels')}</H>
        <LevelsTable levels={content.levels} />
      </section>
      <section aria-labelledby="view-analysis" className="section">
        <H id="view-analysis">{t('servicePlans.sections.analysis')}</H>
        <AnalysisFigures analysisId={content.analysisId} analysis={analysis} />
      </section>
      <section aria-labelledby="view-needs" className="section">
        <H id="view-needs">{t('servicePlans.sections.needs')}</H>
        <NeedsList spaceId={spaceId} needs={needs} />
      </section>
      <section aria-labelledby="view-goals" className="section">
        <H id="view-goals">{t('servicePlans.sections.goals')}</H>
        <GoalsList goals={content.goals} />
      </section>
      <section aria-labelledby="view-measures" className="section">
        <H id="view-measures">{t('servicePlans.sections.measures')}</H>
        <MeasuresTable measures={content.measures} />
      </section>
    </div>
  );
}
