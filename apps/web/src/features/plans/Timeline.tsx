import type { Measure } from '@samhandling/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../api/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { monthsBetween } from './api.ts';

const monthName = (month: string, language: string) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'sv-SE', { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/**
 * The measures and their milestones over months: each measure a bar (a link to it, in the tab
 * order), each milestone a marker that can be focused and read; a table view lists the same
 * by date.
 */
export function Timeline({ measures, from, to }: { measures: Measure[]; from: string | null; to: string | null }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<'timeline' | 'table'>('timeline');
  const dated = measures.filter((m) => m.startDate || m.endDate || m.milestones.length);
  const dates = dated.flatMap((m) => [m.startDate, m.endDate, ...m.milestones.map((x) => x.date)]).filter((d): d is string => !!d);
  if (from) dates.push(from);
  if (to) dates.push(to);
  if (dates.length === 0) return <p className="empty">{t('actionPlans.timeline.empty')}</p>;
  dates.sort();
  const months = monthsBetween(dates[0]!, dates.at(-1)!);
  const column = (date: string) => months.indexOf(date.slice(0, 7)) + 2;
  const rows = [
    ...dated.flatMap((m) => [
      ...(m.startDate ? [{ key: `${m.id}-start`, date: m.startDate, what: t('actionPlans.timeline.starts'), measure: m }] : []),
      ...m.milestones.map((x, i) => ({ key: `${m.id}-m${i}`, date: x.date, what: `${t('actionPlans.timeline.milestone')}: ${x.title}${x.done ? ` (${t('actionPlans.timeline.reached')})` : ''}`, measure: m })),
      ...(m.endDate ? [{ key: `${m.id}-end`, date: m.endDate, what: t('actionPlans.timeline.ends'), measure: m }] : []),
    ]),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <div className="timeline-view" data-testid="timeline-view">
      <div className="toggle" role="group" aria-label={t('actionPlans.timeline.viewLabel')}>
        <button type="button" className={view === 'timeline' ? 'button' : 'button button--secondary'} aria-pressed={view === 'timeline'} onClick={() => setView('timeline')}>
          {t('actionPlans.timeline.asTimeline')}
        </button>
        <button type="button" className={view === 'table' ? 'button' : 'button button--secondary'} aria-pressed={view === 'table'} onClick={() => setView('table')} data-testid="timeline-as-table">
          {t('actionPlans.timeline.asTable')}
        </button>
      </div>
      {view === 'timeline' ? (
        <ScrollRegion label={t('actionPlans.timeline.title')} className="table-wrap">
          <div className="gantt" style={{ gridTemplateColumns: `minmax(9rem, 14rem) repeat(${months.length}, minmax(2.6rem, 1fr))` }} data-testid="timeline">
            <div className="gantt__corner" aria-hidden="true" />
            {months.map((month, i) => (
              <div key={month} className="gantt__month" style={{ gridColumn: i + 2 }} aria-hidden="true">
                {monthName(month, i18n.language)}
              </div>
            ))}
            {dated.map((m, row) => {
              const start = m.startDate ?? m.milestones[0]?.date ?? m.endDate!;
              const end = m.endDate ?? m.milestones.at(-1)?.date ?? start;
              const gridRow = row + 2;
              return (
                <div key={m.id} className="gantt__row" style={{ display: 'contents' }}>
                  <div className="gantt__label" style={{ gridRow, gridColumn: 1 }}>
                    {m.title}
                  </div>
                  <Link
                    to={`/measures/${m.id}`}
                    className={`gantt__bar gantt__bar--${m.status}`}
                    style={{ gridRow, gridColumn: `${column(start)} / ${column(end) + 1}` }}
                    aria-label={t('actionPlans.timeline.barLabel', { title: m.title, start: formatDate(start), end: formatDate(end), status: enumLabel(t, 'actionMeasureStatus', m.status) })}
                    data-testid="timeline-bar"
                  >
                    <span aria-hidden="true">{enumLabel(t, 'actionMeasureStatus', m.status)}</span>
                  </Link>
                  {m.milestones.map((x, i) => (
                    <span
                      key={i}
                      role="img"
                      tabIndex={0}
                      className={`gantt__milestone${x.done ? ' gantt__milestone--done' : ''}`}
                      style={{ gridRow, gridColumn: column(x.date) }}
                      aria-label={t('actionPlans.timeline.milestoneLabel', { title: x.title, date: formatDate(x.date), measure: m.title })}
                      title={`${x.title} – ${formatDate(x.date)}`}
                    >
                      ◆
                    </span>
                  ))}
                </div>
              );
            })}
          </div>
        </ScrollRegion>
      ) : (
        <DataTable
          caption={t('actionPlans.timeline.tableCaption')}
          testId="timeline-table"
          rows={rows}
          rowKey={(r) => r.key}
          columns={[
            { key: 'date', header: t('actionPlans.timeline.date'), cell: (r) => formatDate(r.date), rowHeader: true },
            { key: 'measure', header: t('actionPlans.measure.title'), cell: (r) => <Link to={`/measures/${r.measure.id}`}>{r.measure.title}</Link> },
            { key: 'what', header: t('actionPlans.timeline.what'), cell: (r) => r.what },
          ]}
        />
      )}
    </div>
  );
}
