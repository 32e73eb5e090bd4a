import type { PlanAnalysisFigures } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../api/format.ts';
import { DataTable } from '../../../components/DataTable.tsx';

/** The figures of the analysis the plan rests on: people per travel-time class and service type. */
export function AnalysisFigures({ analysisId, analysis }: { analysisId: string | null; analysis: PlanAnalysisFigures | null }) {
  const { t } = useTranslation();
  if (!analysisId) return <p className="muted">{t('servicePlans.view.noAnalysis')}</p>;
  if (!analysis?.available) {
    return (
      <p className="muted" data-testid="analysis-unavailable">
        {t('servicePlans.view.analysisUnavailable', { id: analysisId.slice(0, 8) })}
      </p>
    );
  }
  const labels = analysis.types[0]?.classes.map((c) => c.label) ?? [];
  return (
    <>
      {analysis.straightLine && <p className="notice notice--info">{t('servicePlans.view.straightLine')}</p>}
      <DataTable
        caption={t('servicePlans.view.analysisCaption')}
        rows={analysis.types}
        rowKey={(r) => r.type}
        columns={[
          { key: 'type', header: t('servicePlans.fields.serviceType'), rowHeader: true, cell: (r) => t(`servicePlans.serviceType.${r.type}`, { defaultValue: r.type }) },
          ...labels.map((label) => ({
            key: label,
            header: t('servicePlans.view.minutes', { label }),
            numeric: true,
            cell: (r: PlanAnalysisFigures['types'][number]) => formatNumber(r.classes.find((c) => c.label === label)?.population ?? 0),
          })),
        ]}
      />
    </>
  );
}
