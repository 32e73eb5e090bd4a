import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate, formatNumber, sortBy } from '../../../api/format.ts';
import { useCounties } from '../../../api/hooks.ts';
import { usePageTitle } from '../../../app/usePage.ts';
import { Loading, QueryError, SelectField } from '../../../components/fields.tsx';
import { MunicipalityMap } from '../../../components/MunicipalityMap.tsx';
import { ScrollRegion } from '../../../components/ScrollRegion.tsx';
import { useProgramme } from './api.ts';
import { periodText, statusLabel } from './labels.ts';
import './plans.css';

/**
 * The regional service programme view: a county's municipalities side by side with their
 * service plans (status, period, decision, measures) and the analyses they rest on, in a table
 * and on a map. Public: everyone sees the plans of public spaces that have been put out.
 */
export function ProgrammePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const county = params.get('county') ?? '';
  const counties = useCounties();
  const programme = useProgramme(/^\d{2}$/.test(county) ? county : '');
  usePageTitle(programme.data ? t('servicePlans.programme.titleFor', { county: programme.data.county.name }) : t('servicePlans.programme.title'));
  const rows = programme.data?.municipalities ?? [];
  const withPlans = rows.filter((m) => m.plans.length > 0);
  return (
    <div className="container">
      <h1>{programme.data ? t('servicePlans.programme.titleFor', { county: programme.data.county.name }) : t('servicePlans.programme.title')}</h1>
      <p className="lead">{t('servicePlans.programme.lead')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          name="county"
          scope="programme"
          label={t('servicePlans.programme.county')}
          options={[{ value: '', label: t('common.choose') }, ...sortBy(counties.data ?? [], (c) => c.name).map((c) => ({ value: c.code, label: c.name }))]}
          value={county}
          onChange={(e) => setParams(e.target.value ? { county: e.target.value } : {})}
        />
      </form>
      {county === '' ? (
        <p className="muted">{t('servicePlans.programme.chooseCounty')}</p>
      ) : programme.isPending ? (
        <Loading />
      ) : programme.isError ? (
        <QueryError error={programme.error} />
      ) : (
        <>
          <p data-testid="programme-summary">
            {t('servicePlans.programme.summary', {
              withPlans: withPlans.length,
              total: rows.length,
              adopted: rows.filter((m) => m.plans.some((p) => p.adopted)).length,
            })}
          </p>
          <div className="map-layout">
            <section aria-labelledby="programme-map-heading" className="section">
              <h2 id="programme-map-heading">{t('servicePlans.programme.mapHeading')}</h2>
              <MunicipalityMap codes={withPlans.map((m) => m.code)} label={t('servicePlans.programme.mapLabel', { county: programme.data.county.name })} />
              <p className="muted">{t('servicePlans.programme.mapHint')}</p>
            </section>
            <section aria-labelledby="programme-table-heading" className="section map-layout__list">
              <h2 id="programme-table-heading">{t('servicePlans.programme.tableHeading')}</h2>
              <ScrollRegion label={t('servicePlans.programme.tableCaption', { county: programme.data.county.name })}>
                <table className="table table--compact" data-testid="programme-table">
                  <caption className="visually-hidden">{t('servicePlans.programme.tableCaption', { county: programme.data.county.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('servicePlans.fields.municipality')}</th>
                      <th scope="col">{t('servicePlans.programme.plan')}</th>
                      <th scope="col">{t('servicePlans.fields.status')}</th>
                      <th scope="col">{t('servicePlans.fields.period')}</th>
                      <th scope="col">{t('servicePlans.fields.decision')}</th>
                      <th scope="col" className="numeric">
                        {t('servicePlans.fields.measures')}
                      </th>
                      <th scope="col">{t('servicePlans.programme.analysis')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.flatMap((m) =>
                      m.plans.length === 0
                        ? [
                            <tr key={m.code}>
                              <th scope="row">{m.name}</th>
                              <td colSpan={6} className="muted">
                                {t('servicePlans.programme.noPlan')}
                              </td>
                            </tr>,
                          ]
                        : m.plans.map((p, i) => (
                            <tr key={p.id}>
                              <th scope="row">{i === 0 ? m.name : <span className="visually-hidden">{m.name}</span>}</th>
                              <td>
                                <Link to={`/service-plans/${p.id}`}>{p.title}</Link>
                                <span className="plan-cell-note">{p.spaceName}</span>
                              </td>
                              <td>{statusLabel(t, p.status)}</td>
                              <td>{periodText(p.periodStart, p.periodEnd)}</td>
                              <td>{p.adopted ? `${p.adopted.decisionBody} ${formatDate(p.adopted.decisionDate)}, ${p.adopted.minuteReference}` : '–'}</td>
                              <td className="numeric">{formatNumber(p.measureCount)}</td>
                              <td>{analysisText(t, p.analysis)}</td>
                            </tr>
                          )),
                    )}
                  </tbody>
                </table>
              </ScrollRegion>
            </section>
          </div>
        </>
      )}
    </div>
  );
}

function analysisText(t: (key: string, options?: Record<string, unknown>) => string, analysis: { available: boolean; types: { type: string; classes: { label: string; population: number }[] }[] } | null): string {
  if (!analysis) return t('servicePlans.programme.noAnalysis');
  if (!analysis.available) return t('servicePlans.programme.analysisPending');
  const groceries = analysis.types.find((x) => x.type === 'groceries') ?? analysis.types[0];
  if (!groceries) return '–';
  const total = groceries.classes.reduce((sum, c) => sum + c.population, 0);
  const far = groceries.classes.filter((c) => c.label.startsWith('>') || c.label.startsWith('10')).reduce((sum, c) => sum + c.population, 0);
  return t('servicePlans.programme.farFrom', { share: total > 0 ? Math.round((100 * far) / total) : 0, type: t(`servicePlans.serviceType.${groceries.type}`, { defaultValue: groceries.type }) });
}
