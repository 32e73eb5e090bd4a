import type { Comparison, Space } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatNumber } from '../../api/format.ts';
import { SortableTable } from '../../components/SortableTable.tsx';
import { Loading, QueryError } from '../../components/fields.tsx';
import { Bar, SpaceShell } from '../processes/SpaceShell.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';

type Row = Comparison['rows'][number];

/** One row per municipality of the space, the same figures in each, sortable, with small bars and CSV. */
export function ComparisonPage() {
  const { t } = useTranslation();
  return <SpaceShell title={(s) => (s ? t('process.dashboard.comparison.title', { name: s.name }) : t('process.nav.comparison'))}>{(space) => <ComparisonView space={space} />}</SpaceShell>;
}

function ComparisonView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const comparison = useQuery({ queryKey: ['comparison', space.id], queryFn: () => api.getSpaceComparison({ params: { id: space.id } }) });
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('process.dashboard.comparison.title', { name: space.name })}</h1>
      <p className="lead">{t('process.dashboard.comparison.lead')}</p>
      <p>
        <a href={`/api/spaces/${space.id}/comparison?format=csv`} download>
          {t('process.dashboard.comparison.csv')}
        </a>
      </p>
      {comparison.isPending ? (
        <Loading />
      ) : comparison.isError ? (
        <QueryError error={comparison.error} />
      ) : (
        <SortableTable<Row>
          caption={t('process.dashboard.comparison.caption')}
          testId="comparison-table"
          rows={comparison.data.rows}
          rowKey={(r) => r.municipalityCode}
          initialSort={{ key: 'municipality', direction: 'ascending' }}
          columns={[
            { key: 'municipality', header: t('process.dashboard.comparison.municipality'), rowHeader: true, sortValue: (r) => r.municipalityName, cell: (r) => r.municipalityName },
            ...comparison.data.figureKeys.map((key) => {
              const max = Math.max(1, ...comparison.data.rows.map((r) => r.values[key] ?? 0));
              return {
                key,
                header: t(`process.dashboard.figure.${key}`, { defaultValue: key }),
                numeric: true,
                sortValue: (r: Row) => r.values[key] ?? -1,
                cell: (r: Row) => (
                  <span className="minibar-cell">
                    <Bar value={r.values[key] ?? 0} max={max} />
                    {r.values[key] === null || r.values[key] === undefined ? '–' : formatNumber(r.values[key])}
                  </span>
                ),
              };
            }),
          ]}
        />
      )}
    </div>
  );
}
