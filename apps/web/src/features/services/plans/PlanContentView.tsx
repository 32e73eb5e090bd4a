import type { PlanAnalysisFigures, PlanContent, PlanNeed } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../../api/format.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { levelLabel, measureStatusLabel, serviceLabel } from './labels.ts';
import { ExternalLink } from '../../../components/ExternalLink.tsx';

/** The plan's content read-only: what the public reads on the consultation page and members see without editing rights. */
export function PlanContentView({ spaceId, content, needs, analysis, headingLevel = 2 }: { spaceId: string; content: PlanContent; needs: PlanNeed[]; analysis: PlanAnalysisFigures | null; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const H = `h${headingLevel}` as 'h2';
  return (
    <div className="plan-content">
      <section aria-labelledby="view-background" className="section">
        <H id="view-background">{t('servicePlans.sections.background')}</H>
        {content.background ? content.background.split(/\n\s*\n/).map((p, i) => <p key={i}>{p}</p>) : <p className="muted">{t('servicePlans.view.noBackground')}</p>}
        {content.links.length > 0 && (
          <ul>
            {content.links.map((l, i) => (
              <li key={i}>
                {l.url ? <ExternalLink href={l.url}>{l.title}</ExternalLink> : l.title}
                {l.note && ` – ${l.note}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="view-levels" className="section">
        <H id="view-levels">{t('servicePlans.sections.levels')}</H>
        <DataTable
          caption={t('servicePlans.sections.levels')}
          captionHidden
          testId="levels-table"
          rows={content.levels}
          rowKey={(l) => l.localityId}
          empty={t('servicePlans.view.noLevels')}
          columns={[
            { key: 'locality', header: t('servicePlans.fields.locality'), rowHeader: true, cell: (l) => l.localityName },
            { key: 'level', header: t('servicePlans.fields.level'), cell: (l) => levelLabel(t, l.level) },
            { key: 'services', header: t('servicePlans.fields.targetServices'), cell: (l) => l.targetServices.map((s) => serviceLabel(t, s)).join(', ') || '–' },
            { key: 'note', header: t('servicePlans.fields.note'), cell: (l) => l.note || '–' },
          ]}
        />
      </section>
      <section aria-labelledby="view-analysis" className="section">
        <H id="view-analysis">{t('servicePlans.sections.analysis')}</H>
        <AnalysisFigures analysisId={content.analysisId} analysis={analysis} />
      </section>
      <section aria-labelledby="view-needs" className="section">
        <H id="view-needs">{t('servicePlans.sections.needs')}</H>
        <NeedsList spaceId={spaceId} needs={needs} />
      </section>
      <section aria-labelledby="view-goals" className="section">
        <H id="view-goals">{t('servicePlans.sections.goals')}</H>
        {content.goals.length === 0 ? (
          <p className="muted">{t('servicePlans.view.noGoals')}</p>
        ) : (
          <ol>
            {content.goals.map((g) => (
              <li key={g.id}>
                {g.text}
                {g.indicator && <span className="muted"> ({t('servicePlans.fields.indicator')}: {g.indicator})</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="view-measures" className="section">
        <H id="view-measures">{t('servicePlans.sections.measures')}</H>
        <MeasuresTable measures={content.measures} />
      </section>
    </div>
  );
}

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

/** The service needs raised in the villages (from the inputs), each linked to its public timeline. */
export function NeedsList({ spaceId, needs }: { spaceId: string; needs: PlanNeed[] }) {
  const { t } = useTranslation();
  if (needs.length === 0) return <p className="muted" data-testid="needs-empty">{t('servicePlans.view.noNeeds')}</p>;
  return (
    <ul data-testid="needs-list">
      {needs.map((n) => (
        <li key={n.id}>
          <Link to={`/spaces/${spaceId}/inputs/${n.id}`}>{n.title}</Link>
          {n.localityName && ` – ${n.localityName}`} <span className="muted">({t(`inputs.status.${n.status}`, { defaultValue: n.status })}{n.raisedAt && `, ${formatDate(n.raisedAt)}`})</span>
        </li>
      ))}
    </ul>
  );
}

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
