import type { InputSummary } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { formatNumber } from '../../../api/format.ts';
import { useMunicipalityIndex } from '../../../api/hooks.ts';
import { useGoals, type InputFilter } from './api.ts';
import { label } from './labels.ts';

type Dimension = Exclude<keyof InputSummary, 'total'>;

/** The figures behind the list: who was heard and about what, for the same filter (for project reports). */
export function InputFigures({ spaceId, filter }: { spaceId: string; filter: InputFilter }) {
  const { t, i18n } = useTranslation();
  const municipalities = useMunicipalityIndex();
  const goals = useGoals();
  const summary = useQuery({
    queryKey: ['inputs', 'summary', spaceId, filter],
    queryFn: () => api.getInputSummary({ params: { id: spaceId }, query: { ...filter } }),
    placeholderData: (previous) => previous,
  });
  if (!summary.data || summary.data.total === 0) return null;
  const name = (dimension: Dimension, value: string): string => {
    if (value === 'none') return t('inputs.figures.none');
    switch (dimension) {
      case 'byStatus':
        return label(t, 'status', value);
      case 'byKind':
        return label(t, 'kind', value);
      case 'byTheme':
        return label(t, 'theme', value);
      case 'byServiceType':
        return label(t, 'serviceType', value);
      case 'bySource':
        return label(t, 'source', value);
      case 'bySubmitterSector':
        return label(t, 'sector', value);
      case 'bySubmitterAgeGroup':
        return label(t, 'ageGroup', value);
      case 'byMunicipality':
        return municipalities.get(value)?.name ?? value;
      case 'byGoal': {
        const goal = goals.data?.find((g) => String(g.number) === value);
        return goal ? `${value}. ${i18n.language === 'en' ? goal.nameEn : goal.nameSv}` : value;
      }
    }
  };
  const dimensions: Dimension[] = ['byStatus', 'byKind', 'bySubmitterSector', 'bySubmitterAgeGroup', 'bySource', 'byTheme', 'byServiceType', 'byMunicipality', 'byGoal'];
  return (
    <details className="section" data-testid="input-figures">
      <summary>{t('inputs.figures.summary', { count: summary.data.total, formatted: formatNumber(summary.data.total) })}</summary>
      <p className="muted">{t('inputs.figures.lead')}</p>
      <div className="figures-grid">
        {dimensions.map((dimension) => {
          const entries = Object.entries(summary.data[dimension]).sort((a, b) => b[1] - a[1]);
          if (entries.length === 0) return null;
          return (
            <table key={dimension} className="table table--compact">
              <caption>{t(`inputs.figures.${dimension}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inputs.figures.value')}</th>
                  <th scope="col" className="numeric">
                    {t('inputs.figures.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map(([value, n]) => (
                  <tr key={value}>
                    <th scope="row">{name(dimension, value)}</th>
                    <td className="numeric">{formatNumber(n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
    </details>
  );
}
