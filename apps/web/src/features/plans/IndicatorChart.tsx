import type { Indicator } from '@samhandling/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../api/format.ts';
import { DataTable } from '../../components/DataTable.tsx';

/**
 * One indicator over time (Observable Plot, SVG): the values as a line with dots, the baseline
 * and the target as labelled rules. The table below carries the same figures as text.
 */
export function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  const title = t('actionPlans.indicator.chartTitle', { name: indicator.name });
  const description = t('actionPlans.indicator.chartDescription', {
    baseline: indicator.baselineValue === null ? '–' : `${formatNumber(indicator.baselineValue)}${unit}`,
    target: indicator.targetValue === null ? '–' : `${formatNumber(indicator.targetValue)}${unit}`,
    latest: indicator.values.length ? `${formatNumber(indicator.values.at(-1)!.value)}${unit}` : '–',
  });
  const key = JSON.stringify(indicator);
  useEffect(() => {
    let cancelled = false;
    const node = ref.current;
    if (!node || indicator.values.length === 0) return;
    void import('@observablehq/plot').then((Plot) => {
      if (cancelled) return;
      const points = indicator.values.map((v) => ({ date: new Date(v.measuredOn), value: v.value }));
      if (indicator.baselineValue !== null && indicator.baselineDate) points.unshift({ date: new Date(indicator.baselineDate), value: indicator.baselineValue });
      const rules: { value: number; label: string; dash: string }[] = [];
      if (indicator.baselineValue !== null) rules.push({ value: indicator.baselineValue, label: t('actionPlans.indicator.baseline'), dash: '2,3' });
      if (indicator.targetValue !== null) rules.push({ value: indicator.targetValue, label: t('actionPlans.indicator.target'), dash: '6,3' });
      const chart = Plot.plot({
        ariaLabel: title,
        ariaDescription: description,
        width: Math.max(280, Math.min(node.clientWidth || 560, 720)),
        height: 220,
        marginLeft: 48,
        marginRight: 70,
        x: { type: 'utc', label: null },
        y: { label: indicator.unit || null, grid: true, zero: true, tickFormat: (d: number) => formatNumber(d) },
        style: { fontSize: '14px', fontFamily: 'inherit', color: '#1d2521', background: 'transparent' },
        marks: [
          Plot.ruleY(rules, { y: 'value', stroke: '#5a6b62', strokeDasharray: 'dash' }),
          Plot.text(rules, { y: 'value', text: 'label', frameAnchor: 'right', dx: 66, fill: '#1d2521' }),
          Plot.lineY(points, { x: 'date', y: 'value', stroke: '#1b6b4a', strokeWidth: 2 }),
          Plot.dot(points, { x: 'date', y: 'value', fill: '#1b6b4a', r: 4 }),
        ],
      });
      chart.querySelectorAll('g[aria-label]').forEach((g) => g.removeAttribute('aria-label'));
      node.replaceChildren(chart);
    });
    return () => {
      cancelled = true;
    };
  }, [key, title, description]);
  return (
    <div className="indicator" data-testid="indicator">
      <h4 className="indicator__name">{indicator.name}</h4>
      <p className="muted">
        {t('actionPlans.indicator.baseline')}: {indicator.baselineValue === null ? '–' : `${formatNumber(indicator.baselineValue)}${unit}`}
        {indicator.baselineDate && ` (${formatDate(indicator.baselineDate)})`} · {t('actionPlans.indicator.target')}:{' '}
        {indicator.targetValue === null ? '–' : `${formatNumber(indicator.targetValue)}${unit}`}
        {indicator.targetDate && ` (${formatDate(indicator.targetDate)})`} · {t(`actionPlans.direction.${indicator.direction}`)}
      </p>
      {indicator.values.length > 0 && <div ref={ref} className="indicator__chart" data-testid="indicator-chart" />}
      <DataTable
        caption={t('actionPlans.indicator.tableCaption', { name: indicator.name })}
        captionHidden
        testId="indicator-table"
        rows={indicator.values}
        rowKey={(v) => v.id}
        empty={t('actionPlans.indicator.noValues')}
        columns={[
          { key: 'date', header: t('actionPlans.indicator.measuredOn'), cell: (v) => formatDate(v.measuredOn), rowHeader: true },
          { key: 'value', header: t('actionPlans.indicator.value'), cell: (v) => `${formatNumber(v.value)}${unit}`, numeric: true },
          { key: 'source', header: t('actionPlans.indicator.source'), cell: (v) => v.source },
          { key: 'comment', header: t('actionPlans.indicator.comment'), cell: (v) => v.comment || '–' },
        ]}
      />
    </div>
  );
}
