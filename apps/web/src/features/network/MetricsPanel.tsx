import type { NetworkMetrics, NetworkNode } from '@samhandling/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, sortBy } from '../../api/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { SECTORS, sectorLabel } from '../actors/labels.ts';
import { SectorTag } from '../actors/OrganisationsPage.tsx';
import { formatDecimal, formatPercent } from './types.ts';

const TOP_BROKERS = 10;
const COMMUNITY_MEMBERS_SHOWN = 30;

/**
 * The network's figures: what is in it, how it holds together across sectors, who connects it
 * and who stands alone. Every figure is a table or a list, never only a picture.
 */
export function MetricsPanel({ metrics, nodes }: { metrics: NetworkMetrics; nodes: NetworkNode[] }) {
  const { t } = useTranslation();
  const names = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const name = (id: string) => names.get(id)?.name ?? id;
  const sectors = SECTORS.filter((s) => (metrics.countsBySector[s] ?? 0) > 0 || Object.keys(metrics.sectorMatrix).includes(s));
  const brokers = [...metrics.betweenness]
    .filter((b) => b.value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, TOP_BROKERS);
  const degree = new Map(metrics.degree.map((d) => [d.organisationId, d.value]));
  const communities = [...metrics.communities].filter((c) => c.organisationIds.length > 1).sort((a, b) => b.organisationIds.length - a.organisationIds.length);
  return (
    <div className="metrics" data-testid="metrics">
      <dl className="stats">
        <div>
          <dt>{t('metrics.nodeCount')}</dt>
          <dd data-testid="metric-nodes">{formatNumber(metrics.nodeCount)}</dd>
        </div>
        <div>
          <dt>{t('metrics.edgeCount')}</dt>
          <dd data-testid="metric-edges">{formatNumber(metrics.edgeCount)}</dd>
        </div>
        <div>
          <dt>{t('metrics.density')}</dt>
          <dd data-testid="metric-density">{formatDecimal(metrics.density)}</dd>
        </div>
        <div>
          <dt>{t('metrics.crossSectorShare')}</dt>
          <dd data-testid="metric-cross-sector">{formatPercent(metrics.crossSectorShare)}</dd>
        </div>
        {metrics.surveyReciprocity !== null && (
          <div>
            <dt>{t('metrics.reciprocity')}</dt>
            <dd data-testid="metric-reciprocity">{formatPercent(metrics.surveyReciprocity)}</dd>
          </div>
        )}
        {metrics.modularity !== null && (
          <div>
            <dt>{t('metrics.modularity')}</dt>
            <dd>{formatDecimal(metrics.modularity)}</dd>
          </div>
        )}
      </dl>
      <details className="method">
        <summary>{t('metrics.methodSummary')}</summary>
        <p>{t('metrics.method')}</p>
      </details>
      <div className="metrics__grid">
        <DataTable
          caption={t('metrics.bySectorCaption')}
          testId="metrics-sectors"
          rows={SECTORS.map((s) => s)}
          rowKey={(s) => s}
          columns={[
            { key: 'sector', header: t('organisations.fields.sector'), rowHeader: true, cell: (s) => <SectorTag sector={s} /> },
            { key: 'count', header: t('metrics.organisations'), numeric: true, cell: (s) => formatNumber(metrics.countsBySector[s] ?? 0) },
          ]}
        />
        {sectors.length > 0 && (
          <ScrollRegion label={t('metrics.matrixCaption')}>
            <table className="table" data-testid="metrics-matrix">
              <caption>{t('metrics.matrixCaption')}</caption>
              <thead>
                <tr>
                  <td />
                  {sectors.map((s) => (
                    <th key={s} scope="col" className="numeric">
                      {sectorLabel(t, s)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sectors.map((row) => (
                  <tr key={row}>
                    <th scope="row">{sectorLabel(t, row)}</th>
                    {sectors.map((col) => (
                      <td key={col} className={`numeric${row === col ? ' matrix__same' : ''}`}>
                        {formatNumber(metrics.sectorMatrix[row]?.[col] ?? 0)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </div>
      <h3>{t('metrics.brokersHeading')}</h3>
      <p>{t('metrics.brokersLead')}</p>
      <DataTable
        caption={t('metrics.brokersCaption')}
        captionHidden
        testId="metrics-brokers"
        rows={brokers}
        rowKey={(b) => b.organisationId}
        empty={t('metrics.noBrokers')}
        columns={[
          { key: 'name', header: t('fields.name'), rowHeader: true, cell: (b) => <Link to={`/organisations/${b.organisationId}`}>{name(b.organisationId)}</Link> },
          { key: 'sector', header: t('organisations.fields.sector'), cell: (b) => (names.get(b.organisationId) ? <SectorTag sector={names.get(b.organisationId)!.sector} /> : '–') },
          { key: 'betweenness', header: t('metrics.betweenness'), numeric: true, cell: (b) => formatDecimal(b.value) },
          { key: 'degree', header: t('network.fields.degree'), numeric: true, cell: (b) => formatNumber(degree.get(b.organisationId) ?? 0) },
        ]}
      />
      <h3>{t('metrics.isolatedHeading', { count: metrics.isolated.length })}</h3>
      {metrics.isolated.length === 0 ? (
        <p>{t('metrics.noIsolated')}</p>
      ) : (
        <>
          <p>{t('metrics.isolatedLead')}</p>
          <ul className="columns-list" data-testid="metrics-isolated">
            {sortBy(metrics.isolated, name).map((id) => (
              <li key={id}>
                <Link to={`/organisations/${id}`}>{name(id)}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('metrics.communitiesHeading', { count: communities.length })}</h3>
      {communities.length === 0 ? (
        <p>{t('metrics.noCommunities')}</p>
      ) : (
        <>
          <p>{t('metrics.communitiesLead')}</p>
          <ol className="communities" data-testid="metrics-communities">
            {communities.map((c) => {
              const members = sortBy(c.organisationIds, name);
              return (
                <li key={c.id}>
                  <strong>{t('metrics.community', { count: members.length })}</strong>:{' '}
                  {members.slice(0, COMMUNITY_MEMBERS_SHOWN).map(name).join(', ')}
                  {members.length > COMMUNITY_MEMBERS_SHOWN && ` ${t('metrics.andMore', { count: members.length - COMMUNITY_MEMBERS_SHOWN })}`}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
