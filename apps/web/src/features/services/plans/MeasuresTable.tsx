import type { PlanContent } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../api/format.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { measureStatusLabel } from './labels.ts';

/** The plan's measures: where, who, when, cost and status. */
export function MeasuresTable({ measures }: { measures: PlanContent['measures'] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t('servicePlans.sections.measures')}
      captionHidden
      testId="measures-table"
      rows={measures}
      rowKey={(m) => m.id}
      empty={t('servicePlans.view.noMeasures')}
      columns={[
        {
          key: 'title',
          header: t('servicePlans.fields.measure'),
          rowHeader: true,
          cell: (m) => (
            <>
              {m.title}
              {m.description && <span className="plan-cell-note">{m.description}</span>}
            </>
          ),
        },
        { key: 'where', header: t('servicePlans.fields.where'), cell: (m) => [m.localityName, m.place].filter(Boolean).join(', ') || '–' },
        { key: 'who', header: t('servicePlans.fields.organisations'), cell: (m) => m.organisationNames.join(', ') || '–' },
        { key: 'when', header: t('servicePlans.fields.when'), cell: (m) => [m.startDate && formatDate(m.startDate), m.endDate && formatDate(m.endDate)].filter(Boolean).join(' – ') || '–' },
        { key: 'cost', header: t('servicePlans.fields.cost'), numeric: true, cell: (m) => formatNumber(m.costSek) },
        { key: 'status', header: t('servicePlans.fields.status'), cell: (m) => measureStatusLabel(t, m.status) },
        { key: 'scenario', header: t('servicePlans.fields.scenario'), cell: (m) => (m.scenarioId ? <span className="mono">{m.scenarioId.slice(0, 8)}</span> : '–') },
      ]}
    />
  );
}
