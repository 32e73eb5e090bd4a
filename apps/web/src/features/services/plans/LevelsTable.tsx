import type { PlanContent } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.tsx';
import { levelLabel, serviceLabel } from './labels.ts';

/** The service level of each locality and the services it should have. */
export function LevelsTable({ levels }: { levels: PlanContent['levels'] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t('servicePlans.sections.levels')}
      captionHidden
      testId="levels-table"
      rows={levels}
      rowKey={(l) => l.localityId}
      empty={t('servicePlans.view.noLevels')}
      columns={[
        { key: 'locality', header: t('servicePlans.fields.locality'), rowHeader: true, cell: (l) => l.localityName },
        { key: 'level', header: t('servicePlans.fields.level'), cell: (l) => levelLabel(t, l.level) },
        { key: 'services', header: t('servicePlans.fields.targetServices'), cell: (l) => l.targetServices.map((s) => serviceLabel(t, s)).join(', ') || '–' },
        { key: 'note', header: t('servicePlans.fields.note'), cell: (l) => l.note || '–' },
      ]}
    />
  );
}
