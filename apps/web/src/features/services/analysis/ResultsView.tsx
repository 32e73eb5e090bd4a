import type { Analysis, AnalysisOrigins, AnalysisServiceType, ScenarioResult, Space, TypeAggregate } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { collator, formatNumber } from '../../../api/format.ts';
import { useMunicipalityIndex } from '../../../api/hooks.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { Loading, QueryError, SelectField } from '../../../components/fields.tsx';
import { useAnalysisOrigins } from './api.ts';
import { AnalysisMap, type MapCell, type MapPoint } from './AnalysisMap.tsx';
import { ClassChart, type ChartRow } from './ClassChart.tsx';
import { classColour, classIndex, classLabel, NO_RESULT_COLOUR, TYPE_COLOURS, typeLabel } from './labels.ts';
import { CompareScenarios, ScenarioEditor, type EditorHandlers, type ScenarioState } from './ScenarioEditor.tsx';

const fmtMin = (seconds: number | null | undefined) => (seconds === null || seconds === undefined ? '–' : new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(seconds / 60));

/** Shown once, above the first figure, when no road network was used: it holds for every figure on the page (issue 13 §6). */
export function ModeNotice({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation();
  if (analysis.inputs.mode !== 'straight_line') return null;
  return (
    <p className="notice notice--info mode-notice" data-testid="straight-line-notice">
      {t('analyses.straightNotice')}
    </p>
  );
}

export function ResultsView({ space, analysis }: { space: Space; analysis: Analysis }) {
  const { t } = useTranslation();
  const origins = useAnalysisOrigins(analysis.id, true);
  const types = analysis.inputs.types;
  const [type, setType] = useState<AnalysisServiceType>(types[0]!);
  const [scenario, setScenario] = useState<ScenarioState>({ result: null, input: { close: [], open: [], move: [] } });
  const details = analysis.details!;
  if (origins.isPending) return <Loading />;
  if (origins.isError) return <QueryError error={origins.error} />;
  return (
    <>
      <section className="section" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('analyses.summaryHeading')}</h2>
        <ModeNotice analysis={analysis} />
        <p data-testid="analysis-totals">
          {t('analyses.totals', { population: formatNumber(Math.round(details.population)), origins: formatNumber(details.origins) })}
        </p>
        <ByTypeChart analysis={analysis} />
      </section>
      <SelectField
        scope="results"
        name="type"
        label={t('analyses.chooseType')}
        value={type}
        onChange={(e) => setType(e.target.value as AnalysisServiceType)}
        options={types.map((ty) => ({ value: ty, label: typeLabel(t, ty) }))}
      />
      <MapSection space={space} analysis={analysis} data={origins.data} type={type} scenario={scenario} setScenario={setScenario} />
      <ByMunicipality analysis={analysis} type={type} />
      <Villages space={space} data={origins.data} scenario={scenario.result} />
      <Vulnerable analysis={analysis} data={origins.data} type={type} />
    </>
  );
}

function classRows(agg: TypeAggregate, group: string, t: ReturnType<typeof useTranslation>['t']): ChartRow[] {
  return agg.classes.map((c, i) => ({ group, cls: classLabel(t, c.label), classIndex: i, population: c.population }));
}

function colours(n: number) {
  return Array.from({ length: n }, (_, i) => classColour(i, n));
}

const ByTypeChart = memo(function ByTypeChart({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation();
  const summary = analysis.summary!;
  const types = analysis.inputs.types;
  const rows = types.flatMap((ty) => classRows(summary[ty]!, typeLabel(t, ty), t));
  const nClasses = analysis.inputs.thresholdsMin.length + 1;
  const classes = summary[types[0]!]!.classes;
  return (
    <figure className="figure" aria-labelledby="by-type-caption">
      <figcaption id="by-type-caption">{t('analyses.byType.caption')}</figcaption>
      <ClassChart rows={rows} colours={colours(nClasses)} title={t('analyses.byType.caption')} description={t('analyses.byType.description')} testId="chart-by-type" />
      <DataTable
        caption={t('analyses.byType.tableCaption')}
        rows={types}
        rowKey={(ty) => ty}
        testId="by-type-table"
        columns={[
          { key: 'type', header: t('analyses.col.type'), rowHeader: true, cell: (ty) => typeLabel(t, ty) },
          ...classes.map((c, i) => ({ key: c.label, header: classLabel(t, c.label), numeric: true, cell: (ty: string) => formatNumber(Math.round(summary[ty]!.classes[i]!.population)) })),
          { key: 'unreachable', header: t('analyses.col.unreachable'), numeric: true, cell: (ty) => formatNumber(Math.round(summary[ty]!.unreachable.population + summary[ty]!.noRoad.population)) },
          { key: 'median', header: t('analyses.col.median'), numeric: true, cell: (ty) => fmtMin(summary[ty]!.medianMin === null ? null : summary[ty]!.medianMin! * 60) },
          { key: 'vulnerable', header: t('analyses.col.vulnerable', { min: analysis.inputs.vulnerableMin }), numeric: true, cell: (ty) => formatNumber(Math.round(summary[ty]!.vulnerable.population)) },
        ]}
      />
    </figure>
  );
});

const ByMunicipality = memo(function ByMunicipality({ analysis, type }: { analysis: Analysis; type: AnalysisServiceType }) {
  const { t } = useTranslation();
  const index = useMunicipalityIndex();
  const byMunicipality = analysis.details!.byMunicipality;
  const codes = Object.keys(byMunicipality).sort((a, b) => collator.compare(index.get(a)?.name ?? a, index.get(b)?.name ?? b));
  if (!codes.length) return null;
  const name = (c: string) => index.get(c)?.name ?? c;
  const rows = codes.flatMap((c) => classRows(byMunicipality[c]![type]!, name(c), t));
  const classes = byMunicipality[codes[0]!]![type]!.classes;
  return (
    <section className="section" aria-labelledby="by-municipality-heading">
      <h2 id="by-municipality-heading">{t('analyses.byMunicipality.heading', { type: typeLabel(t, type) })}</h2>
      <figure className="figure">
        <ClassChart rows={rows} colours={colours(classes.length)} title={t('analyses.byMunicipality.heading', { type: typeLabel(t, type) })} description={t('analyses.byType.description')} testId="chart-by-municipality" />
        <DataTable
          caption={t('analyses.byMunicipality.caption', { type: typeLabel(t, type) })}
          rows={codes}
          rowKey={(c) => c}
          columns={[
            { key: 'name', header: t('analyses.col.municipality'), rowHeader: true, cell: (c) => name(c) },
            ...classes.map((cl, i) => ({ key: cl.label, header: classLabel(t, cl.label), numeric: true, cell: (c: string) => formatNumber(Math.round(byMunicipality[c]![type]!.classes[i]!.population)) })),
            { key: 'vulnerable', header: t('analyses.col.vulnerable', { min: analysis.inputs.vulnerableMin }), numeric: true, cell: (c) => formatNumber(Math.round(byMunicipality[c]![type]!.vulnerable.population)) },
          ]}
        />
      </figure>
    </section>
  );
});

function MapSection({
  space,
  analysis,
  data,
  type,
  scenario,
  setScenario,
}: {
  space: Space;
  analysis: Analysis;
  data: AnalysisOrigins;
  type: AnalysisServiceType;
  scenario: ScenarioState;
  setScenario: (s: ScenarioState) => void;
}) {
  const { t } = useTranslation();
  // The editor says what a click on the map means; kept in a ref so that clicks never re-render.
  const editorHandlers = useRef<EditorHandlers>({});
  const [picking, setPicking] = useState(false);
  const onMapClick = useCallback((lon: number, lat: number) => editorHandlers.current.onMapClick?.(lon, lat), []);
  const onPointClick = useCallback((id: string) => editorHandlers.current.onPointClick?.(id), []);
  const ti = data.types.indexOf(type);
  const thresholds = analysis.inputs.thresholdsMin;
  const n = thresholds.length + 1;
  const changed = useMemo(() => {
    const m = new Map<string, { before: number | null; after: number | null }>();
    for (const c of scenario.result?.changed ?? []) if (c.type === type) m.set(c.originId, { before: c.before.seconds, after: c.after.seconds });
    return m;
  }, [scenario.result, type]);
  // The base layer changes only with the type; a scenario redraws only the cells it changed.
  const cells: MapCell[] = useMemo(
    () =>
      data.origins.map((o) => {
        const k = classIndex(o.times[ti]?.[1] ?? null, thresholds);
        return { id: o.id, lon: o.lon, lat: o.lat, colour: k < 0 ? NO_RESULT_COLOUR : classColour(k, n) };
      }),
    [data, ti, thresholds, n],
  );
  const changes: MapCell[] = useMemo(() => {
    const out: MapCell[] = [];
    for (const o of data.origins) {
      const ch = changed.get(o.id);
      if (!ch) continue;
      const k = classIndex(ch.after, thresholds);
      out.push({ id: o.id, lon: o.lon, lat: o.lat, colour: k < 0 ? NO_RESULT_COLOUR : classColour(k, n), change: (ch.after ?? Infinity) > (ch.before ?? Infinity) ? 'worse' : 'better' });
    }
    return out;
  }, [data, changed, thresholds, n]);
  const input = scenario.input;
  const points: MapPoint[] = useMemo(() => {
    const closed = new Set(input.close);
    const moved = new Map(input.move.map((m) => [m.id, m]));
    const base = data.points
      .filter((p) => p.type === type)
      .map((p) => {
        const mv = moved.get(p.id);
        return { id: p.id, lon: mv?.lon ?? p.lon, lat: mv?.lat ?? p.lat, colour: TYPE_COLOURS[p.type], state: closed.has(p.id) ? 'closed' : mv ? 'moved' : 'open', label: p.name ?? p.id } as MapPoint;
      });
    const opened = input.open.filter((p) => p.type === type).map((p) => ({ id: p.id, lon: p.lon, lat: p.lat, colour: TYPE_COLOURS[p.type], state: 'new', label: p.name ?? p.id }) as MapPoint);
    return [...base, ...opened];
  }, [data, type, input]);
  const classes = analysis.summary![type]!.classes;
  return (
    <section className="section" aria-labelledby="map-heading">
      <h2 id="map-heading">{t('analyses.map.heading', { type: typeLabel(t, type) })}</h2>
      <p>{t('analyses.map.lead')}</p>
      <div className="analysis-layout">
        <div>
          <AnalysisMap
            label={t('analyses.map.label', { type: typeLabel(t, type) })}
            spaceId={space.id}
            municipalityCodes={space.municipalityCodes.length ? space.municipalityCodes : Object.keys(analysis.details!.byMunicipality)}
            cells={cells}
            changes={changes}
            points={points}
            picking={picking}
            onMapClick={onMapClick}
            onPointClick={onPointClick}
          />
          <ul className="analysis-legend" aria-label={t('analyses.map.legend')}>
            {classes.map((c, i) => (
              <li key={c.label}>
                <span className="analysis-legend__swatch" style={{ background: classColour(i, n) }} aria-hidden="true" />
                {classLabel(t, c.label)}
              </li>
            ))}
            <li>
              <span className="analysis-legend__swatch" style={{ background: NO_RESULT_COLOUR }} aria-hidden="true" />
              {t('analyses.map.none')}
            </li>
            <li>
              <span className="analysis-legend__swatch analysis-legend__swatch--point" style={{ background: TYPE_COLOURS[type] }} aria-hidden="true" />
              {t('analyses.map.points', { type: typeLabel(t, type) })}
            </li>
            <li>
              <span className="analysis-legend__swatch analysis-legend__swatch--ring" aria-hidden="true" />
              {t('analyses.map.changed')}
            </li>
          </ul>
        </div>
        {analysis.allowedActions.includes('try_scenario') ? (
          <ScenarioEditor analysis={analysis} data={data} type={type} state={scenario} onChange={setScenario} handlers={editorHandlers} setPicking={setPicking} />
        ) : (
          <>
            <p>{t('analyses.scenario.signInToTry')}</p>
            <CompareScenarios analysis={analysis} type={type} />
          </>
        )}
      </div>
    </section>
  );
}

/** Villages: the named origins, or the space's localities placed in the cell they lie in. */
const Villages = memo(function Villages({ space, data, scenario }: { space: Space; data: AnalysisOrigins; scenario: ScenarioResult | null }) {
  const { t } = useTranslation();
  const named = data.origins.filter((o) => o.name);
  const localities = useQuery({
    queryKey: ['localities', 'of-space', space.id],
    queryFn: async () => (await Promise.all(space.municipalityCodes.map((c) => api.getLocalities({ query: { municipality: c } })))).flat(),
    enabled: named.length === 0 && space.municipalityCodes.length > 0,
  });
  const rows = useMemo(() => {
    if (named.length) return named.map((o) => ({ name: o.name!, origin: o }));
    const out: { name: string; origin: AnalysisOrigins['origins'][number] }[] = [];
    for (const l of localities.data ?? []) {
      let best: AnalysisOrigins['origins'][number] | undefined;
      let bestD = Infinity;
      const k = Math.cos((l.lat * Math.PI) / 180);
      for (const o of data.origins) {
        const d = ((o.lon - l.lon) * k) ** 2 + (o.lat - l.lat) ** 2;
        if (d < bestD) {
          bestD = d;
          best = o;
        }
      }
      // Within about a kilometre: the 1 km cell the village lies in.
      if (best && Math.sqrt(bestD) * 111_000 < 1_000) out.push({ name: l.name, origin: best });
    }
    return out;
  }, [named, localities.data, data.origins]);
  const after = useMemo(() => new Map((scenario?.changed ?? []).map((c) => [`${c.originId}\u0000${c.type}`, c.after.seconds])), [scenario]);
  const sorted = [...rows].sort((a, b) => collator.compare(a.name, b.name));
  return (
    <section className="section" aria-labelledby="villages-heading">
      <h2 id="villages-heading">{t('analyses.villages.heading')}</h2>
      <p>{named.length ? t('analyses.villages.leadNamed') : t('analyses.villages.leadCells')}</p>
      <DataTable
        caption={t('analyses.villages.caption')}
        rows={sorted}
        rowKey={(r) => `${r.name}-${r.origin.id}`}
        testId="villages-table"
        empty={t('analyses.villages.none')}
        columns={[
          { key: 'name', header: t('analyses.col.village'), rowHeader: true, cell: (r) => r.name },
          { key: 'population', header: t('analyses.col.population'), numeric: true, cell: (r) => formatNumber(Math.round(r.origin.population)) },
          ...data.types.map((ty, i) => ({
            key: ty,
            header: t('analyses.villages.minutesTo', { type: typeLabel(t, ty) }),
            numeric: true,
            cell: (r: { origin: AnalysisOrigins['origins'][number] }) => {
              const key = `${r.origin.id}\u0000${ty}`;
              const base = fmtMin(r.origin.times[i]?.[1]);
              return after.has(key) ? t('analyses.villages.changed', { before: base, after: fmtMin(after.get(key)) }) : base;
            },
          })),
        ]}
      />
    </section>
  );
});

/** Places whose second-nearest point is far: one closure would leave them far from the service. */
const Vulnerable = memo(function Vulnerable({ analysis, data, type }: { analysis: Analysis; data: AnalysisOrigins; type: AnalysisServiceType }) {
  const { t } = useTranslation();
  const ti = data.types.indexOf(type);
  const limit = analysis.inputs.vulnerableMin * 60;
  const names = new Map(data.points.map((p) => [p.id, p.name ?? p.id]));
  const rows = data.origins
    .filter((o) => {
      const [, s1, , s2] = o.times[ti] ?? [];
      return s1 !== null && s1 !== undefined && (s2 === null || s2 === undefined || s2 > limit);
    })
    .sort((a, b) => b.population - a.population)
    .slice(0, 25);
  return (
    <section className="section" aria-labelledby="vulnerable-heading">
      <h2 id="vulnerable-heading">{t('analyses.vulnerable.heading', { type: typeLabel(t, type) })}</h2>
      <p>{t('analyses.vulnerable.lead', { min: analysis.inputs.vulnerableMin, population: formatNumber(Math.round(analysis.summary![type]!.vulnerable.population)) })}</p>
      <DataTable
        caption={t('analyses.vulnerable.caption', { type: typeLabel(t, type) })}
        rows={rows}
        rowKey={(o) => o.id}
        testId="vulnerable-table"
        empty={t('analyses.vulnerable.none')}
        columns={[
          { key: 'place', header: t('analyses.col.place'), rowHeader: true, cell: (o) => o.name ?? o.id },
          { key: 'population', header: t('analyses.col.population'), numeric: true, cell: (o) => formatNumber(Math.round(o.population)) },
          { key: 'nearest', header: t('analyses.col.nearest'), cell: (o) => `${names.get(o.times[ti]![0] ?? '') ?? '–'} (${fmtMin(o.times[ti]![1])} min)` },
          { key: 'second', header: t('analyses.col.second'), cell: (o) => (o.times[ti]![2] ? `${names.get(o.times[ti]![2]!) ?? '–'} (${fmtMin(o.times[ti]![3])} min)` : t('analyses.vulnerable.noSecond')) },
        ]}
      />
    </section>
  );
});
