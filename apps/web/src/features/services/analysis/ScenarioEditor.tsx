import { ScrollRegion } from '../../../components/ScrollRegion.tsx';
import type { Analysis, AnalysisOrigins, AnalysisServiceType, SavedScenario, ScenarioResult } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { collator, formatNumber } from '../../../api/format.ts';
import { CheckboxField, QueryError, SelectField, StatusMessage, TextField } from '../../../components/fields.tsx';
import { analysisKeys, runScenario, useSavedScenarios } from './api.ts';
import { classLabel, typeLabel } from './labels.ts';

export interface ScenarioInputState {
  close: string[];
  open: { id: string; type: AnalysisServiceType; lon: number; lat: number; name?: string }[];
  move: { id: string; lon: number; lat: number }[];
}
export interface ScenarioState {
  input: ScenarioInputState;
  result: ScenarioResult | null;
}

/** What a click on the map means while the editor is open. */
export interface EditorHandlers {
  onMapClick?: (lon: number, lat: number) => void;
  onPointClick?: (id: string) => void;
}

type Mode = { kind: 'none' } | { kind: 'open' } | { kind: 'move'; id: string };

const signed = (n: number) => (n > 0 ? `+${formatNumber(Math.round(n))}` : formatNumber(Math.round(n)));
const isEmpty = (i: ScenarioInputState) => !i.close.length && !i.open.length && !i.move.length;

/**
 * The scenario editor: close, move or open service points (on the map or with the controls here),
 * a new point may combine several services. Each change is sent at once; the change in people per
 * class and the ringed cells on the map follow within a moment.
 */
export function ScenarioEditor({
  analysis,
  data,
  type,
  state,
  onChange,
  handlers,
  setPicking,
}: {
  analysis: Analysis;
  data: AnalysisOrigins;
  type: AnalysisServiceType;
  state: ScenarioState;
  onChange: (s: ScenarioState) => void;
  handlers: MutableRefObject<EditorHandlers>;
  setPicking: (picking: boolean) => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>({ kind: 'none' });
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [newTypes, setNewTypes] = useState<AnalysisServiceType[]>([type]);
  const [newName, setNewName] = useState('');
  const [coords, setCoords] = useState({ lon: '', lat: '' });
  const counter = useRef(1);
  const abort = useRef<AbortController | null>(null);
  const input = state.input;

  const points = useMemo(() => {
    const byId = new Map<string, { id: string; name: string; lon: number; lat: number; types: AnalysisServiceType[] }>();
    for (const p of data.points) {
      const e = byId.get(p.id) ?? { id: p.id, name: p.name ?? p.id, lon: p.lon, lat: p.lat, types: [] };
      e.types.push(p.type);
      byId.set(p.id, e);
    }
    return [...byId.values()].filter((p) => p.types.includes(type)).sort((a, b) => collator.compare(a.name, b.name));
  }, [data.points, type]);

  const apply = (next: ScenarioInputState) => {
    onChange({ input: next, result: isEmpty(next) ? null : state.result });
    abort.current?.abort();
    setError(null);
    if (isEmpty(next)) {
      setPending(false);
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setPending(true);
    runScenario(analysis.id, next, controller.signal)
      .then((result) => {
        if (controller.signal.aborted) return;
        onChange({ input: next, result });
        setPending(false);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted || (e as Error).name === 'AbortError') return;
        setError(e);
        setPending(false);
      });
  };

  const toggleClose = (id: string) => apply({ ...input, close: input.close.includes(id) ? input.close.filter((c) => c !== id) : [...input.close, id] });
  const moveTo = (id: string, lon: number, lat: number) => apply({ ...input, close: input.close.filter((c) => c !== id), move: [...input.move.filter((m) => m.id !== id), { id, lon, lat }] });
  const openAt = (lon: number, lat: number) => {
    if (!newTypes.length) return;
    const id = `ny-${counter.current++}`;
    const name = newName.trim() || t('analyses.scenario.newPointName', { n: counter.current - 1 });
    apply({ ...input, open: [...input.open, ...newTypes.map((ty) => ({ id, type: ty, lon, lat, name }))] });
  };

  // Warm this instance's in-memory model as the page opens, so that the first click answers as fast as the next.
  useEffect(() => {
    const controller = new AbortController();
    runScenario(analysis.id, { close: [], open: [], move: [] }, controller.signal).catch(() => {});
    return () => controller.abort();
  }, [analysis.id]);

  // The map hands clicks to the editor: a point toggles its closing, in a mode the map places.
  handlers.current = {
    onPointClick: (id: string) => {
      if (mode.kind === 'none' && !id.startsWith('ny-')) toggleClose(id);
      else if (mode.kind === 'move') {
        const p = points.find((x) => x.id === id);
        if (p) handlers.current.onMapClick?.(p.lon, p.lat);
      }
    },
    ...(mode.kind === 'open'
      ? {
          onMapClick: (lon: number, lat: number) => {
            openAt(lon, lat);
            setMode({ kind: 'none' });
          },
        }
      : mode.kind === 'move'
        ? {
            onMapClick: (lon: number, lat: number) => {
              moveTo(mode.id, lon, lat);
              setMode({ kind: 'none' });
            },
          }
        : {}),
  };
  useEffect(() => setPicking(mode.kind !== 'none'), [mode.kind, setPicking]);

  // Stable handlers, so that the long table of points is not redrawn for every scenario answer.
  const latest = useRef({ toggleClose, setMode });
  latest.current = { toggleClose, setMode };
  const stableToggle = useCallback((id: string) => latest.current.toggleClose(id), []);
  const stableMove = useCallback((id: string) => latest.current.setMode({ kind: 'move', id }), []);

  const reset = () => {
    setMode({ kind: 'none' });
    apply({ close: [], open: [], move: [] });
  };
  const result = state.result;
  const change = result?.summary.change[type];
  const before = result?.summary.before[type];
  const after = result?.summary.after[type];

  return (
    <section className="panel scenario" aria-labelledby="scenario-heading" data-testid="scenario-editor">
      <h3 id="scenario-heading">{t('analyses.scenario.heading')}</h3>
      <p>{t('analyses.scenario.lead')}</p>
      {mode.kind !== 'none' && (
        <p className="notice notice--info" role="status">
          {mode.kind === 'open' ? t('analyses.scenario.clickToOpen') : t('analyses.scenario.clickToMove', { name: points.find((p) => p.id === mode.id)?.name ?? mode.id })}{' '}
          <button type="button" className="button button--link" onClick={() => setMode({ kind: 'none' })}>
            {t('analyses.scenario.stopPicking')}
          </button>
        </p>
      )}
      <div role="status" aria-live="polite" data-testid="scenario-result" data-pending={pending ? 'true' : 'false'} data-changed={result ? result.summary.changedOrigins : 0}>
        {pending ? (
          <p>{t('analyses.scenario.computing')}</p>
        ) : result && change && before && after ? (
          <>
            <p>{t('analyses.scenario.changedOrigins', { count: result.summary.changedOrigins, ms: Math.round(result.summary.ms) })}</p>
            <ScrollRegion label={t('analyses.scenario.changeCaption', { type: typeLabel(t, type) })}>
            <table className="table table--compact" data-testid="scenario-change">
              <caption>{t('analyses.scenario.changeCaption', { type: typeLabel(t, type) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('analyses.col.class')}</th>
                  <th scope="col" className="numeric">{t('analyses.scenario.before')}</th>
                  <th scope="col" className="numeric">{t('analyses.scenario.after')}</th>
                  <th scope="col" className="numeric">{t('analyses.scenario.change')}</th>
                </tr>
              </thead>
              <tbody>
                {change.classes.map((c, i) => (
                  <tr key={c.label}>
                    <th scope="row">{classLabel(t, c.label)}</th>
                    <td className="numeric">{formatNumber(Math.round(before.classes[i]!.population))}</td>
                    <td className="numeric">{formatNumber(Math.round(after.classes[i]!.population))}</td>
                    <td className="numeric" data-testid={`change-${i}`}>{signed(c.population)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('analyses.col.vulnerable', { min: analysis.inputs.vulnerableMin })}</th>
                  <td className="numeric">{formatNumber(Math.round(before.vulnerable.population))}</td>
                  <td className="numeric">{formatNumber(Math.round(after.vulnerable.population))}</td>
                  <td className="numeric">{signed(change.vulnerable)}</td>
                </tr>
              </tbody>
            </table>
            </ScrollRegion>
          </>
        ) : (
          <p>{t('analyses.scenario.noChanges')}</p>
        )}
      </div>
      {error !== null && <QueryError error={error} />}
      {!isEmpty(input) && (
        <button type="button" className="button button--secondary" onClick={reset}>
          {t('analyses.scenario.reset')}
        </button>
      )}

      <PointsTable type={type} points={points} closed={input.close} moved={input.move} onToggle={stableToggle} onMove={stableMove} />

      <fieldset className="fieldset">
        <legend>{t('analyses.scenario.openHeading')}</legend>
        <p className="field__hint">{t('analyses.scenario.openHint')}</p>
        {analysis.inputs.types.map((ty) => (
          <CheckboxField
            key={ty}
            scope="open"
            name={`type-${ty}`}
            label={typeLabel(t, ty)}
            checked={newTypes.includes(ty)}
            onChange={(v) => setNewTypes(v ? [...newTypes, ty] : newTypes.filter((x) => x !== ty))}
          />
        ))}
        <TextField scope="open" name="name" label={t('analyses.scenario.newName')} value={newName} onChange={(e) => setNewName(e.target.value)} />
        <button type="button" className="button" disabled={!newTypes.length} onClick={() => setMode({ kind: 'open' })}>
          {t('analyses.scenario.placeOnMap')}
        </button>
        <div className="coords">
          <TextField scope="open" name="lon" label={t('analyses.scenario.lon')} inputMode="decimal" value={coords.lon} onChange={(e) => setCoords({ ...coords, lon: e.target.value })} />
          <TextField scope="open" name="lat" label={t('analyses.scenario.lat')} inputMode="decimal" value={coords.lat} onChange={(e) => setCoords({ ...coords, lat: e.target.value })} />
        </div>
        <button
          type="button"
          className="button button--secondary"
          disabled={!newTypes.length || !Number.isFinite(parseFloat(coords.lon.replace(',', '.'))) || !Number.isFinite(parseFloat(coords.lat.replace(',', '.')))}
          onClick={() => {
            const lon = parseFloat(coords.lon.replace(',', '.'));
            const lat = parseFloat(coords.lat.replace(',', '.'));
            if (mode.kind === 'move') {
              moveTo(mode.id, lon, lat);
              setMode({ kind: 'none' });
            } else openAt(lon, lat);
          }}
        >
          {mode.kind === 'move' ? t('analyses.scenario.moveHere') : t('analyses.scenario.openHere')}
        </button>
      </fieldset>
      {analysis.allowedActions.includes('save_scenario') && <SaveScenario analysis={analysis} input={input} />}
      <CompareScenarios analysis={analysis} type={type} />
    </section>
  );
}

function SaveScenario({ analysis, input }: { analysis: Analysis; input: ScenarioInputState }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () => runScenario(analysis.id, { ...input, name: name.trim() }),
    onSuccess: async () => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: analysisKeys.scenarios(analysis.id) });
    },
  });
  return (
    <form
      className="save-scenario"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim() && !isEmpty(input)) save.mutate();
      }}
    >
      <h4>{t('analyses.scenario.saveHeading')}</h4>
      {save.isSuccess && <StatusMessage>{t('analyses.scenario.saved')}</StatusMessage>}
      {save.isError && !isApiError(save.error) && <QueryError error={save.error} />}
      <TextField scope="save-scenario" name="name" label={t('analyses.scenario.saveName')} value={name} onChange={(e) => setName(e.target.value)} error={isApiError(save.error) ? save.error.message : undefined} />
      <button type="submit" className="button" disabled={!name.trim() || isEmpty(input) || save.isPending}>
        {t('analyses.scenario.save')}
      </button>
    </form>
  );
}

/** The saved scenarios side by side: shown to everyone who sees the analysis (the editor only to those who may try). */
export function CompareScenarios({ analysis, type }: { analysis: Analysis; type: AnalysisServiceType }) {
  const { t } = useTranslation();
  const saved = useSavedScenarios(analysis.id, true);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const list = saved.data ?? [];
  if (list.length === 0) return null;
  const pick = (id: string) => list.find((s) => s.id === id);
  const left = pick(a) ?? list[0];
  const right = pick(b) ?? list[1] ?? list[0];
  const options = list.map((s) => ({ value: s.id, label: s.name }));
  const col = (s: SavedScenario | undefined, i: number) => (s ? signed(s.summary.change[type]?.classes[i]?.population ?? 0) : '–');
  const classes = analysis.summary![type]!.classes;
  return (
    <div className="compare" data-testid="scenario-compare">
      <h4>{t('analyses.scenario.compareHeading')}</h4>
      <div className="coords">
        <SelectField scope="compare" name="a" label={t('analyses.scenario.compareA')} value={left?.id ?? ''} onChange={(e) => setA(e.target.value)} options={options} />
        <SelectField scope="compare" name="b" label={t('analyses.scenario.compareB')} value={right?.id ?? ''} onChange={(e) => setB(e.target.value)} options={options} />
      </div>
      <ScrollRegion label={t('analyses.scenario.compareCaption', { type: typeLabel(t, type) })}>
      <table className="table table--compact">
        <caption>{t('analyses.scenario.compareCaption', { type: typeLabel(t, type) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analyses.col.class')}</th>
            <th scope="col" className="numeric">{left?.name}</th>
            <th scope="col" className="numeric">{right?.name}</th>
          </tr>
        </thead>
        <tbody>
          {classes.map((c, i) => (
            <tr key={c.label}>
              <th scope="row">{classLabel(t, c.label)}</th>
              <td className="numeric">{col(left, i)}</td>
              <td className="numeric">{col(right, i)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('analyses.scenario.changedHeader')}</th>
            <td className="numeric">{formatNumber(left?.changedCount)}</td>
            <td className="numeric">{formatNumber(right?.changedCount)}</td>
          </tr>
        </tbody>
      </table>
      </ScrollRegion>
    </div>
  );
}

const PointsTable = memo(function PointsTable({
  type,
  points,
  closed,
  moved,
  onToggle,
  onMove,
}: {
  type: AnalysisServiceType;
  points: { id: string; name: string }[];
  closed: string[];
  moved: { id: string }[];
  onToggle: (id: string) => void;
  onMove: (id: string) => void;
}) {
  const { t } = useTranslation();
  const heading = t('analyses.scenario.pointsHeading', { type: typeLabel(t, type) });
  return (
    <>
      <h4>{heading}</h4>
      <ScrollRegion label={heading}>
        <table className="table table--compact" data-testid="scenario-points">
          <caption className="visually-hidden">{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analyses.col.point')}</th>
              <th scope="col">{t('analyses.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <PointRow key={p.id} id={p.id} name={p.name} closed={closed.includes(p.id)} moved={moved.some((m) => m.id === p.id)} onToggle={onToggle} onMove={onMove} />
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
});

const PointRow = memo(function PointRow({ id, name, closed, moved, onToggle, onMove }: { id: string; name: string; closed: boolean; moved: boolean; onToggle: (id: string) => void; onMove: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row">
        {name}
        {closed ? ` (${t('analyses.scenario.closed')})` : moved ? ` (${t('analyses.scenario.moved')})` : ''}
      </th>
      <td className="actions">
        <button type="button" className="button button--small" aria-pressed={closed} onClick={() => onToggle(id)}>
          {closed ? t('analyses.scenario.reopen', { name }) : t('analyses.scenario.close', { name })}
        </button>{' '}
        <button type="button" className="button button--small button--secondary" onClick={() => onMove(id)}>
          {t('analyses.scenario.move', { name })}
        </button>
      </td>
    </tr>
  );
});
