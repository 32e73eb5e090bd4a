import type { Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDate, formatDateTime, formatNumber } from '../../api/format.ts';
import { useMe } from '../../api/hooks.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorSummary, fieldError, Loading, QueryError, StatusMessage, TextField } from '../../components/fields.tsx';
import { useSpaceOrganisations } from '../actors/api.ts';
import { collaborationTypeLabel, SECTORS, sourceLabel } from '../actors/labels.ts';
import { SectorTag } from '../actors/OrganisationsPage.tsx';
import { formatChange, formatPercent, formatPoints, type Snapshot, type SnapshotComparison } from './types.ts';

/** Baselines of the network and the before/after a project reports to its funder. */
export function SnapshotsSection({ space }: { space: Space }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const lead = space.allowedActions.includes('manage_organisations');
  const [comparing, setComparing] = useState<Snapshot | null>(null);
  const snapshots = useQuery({
    queryKey: ['network', space.id, 'snapshots'],
    queryFn: () => api.getSnapshots({ params: { id: space.id } }),
  });
  return (
    <section aria-labelledby="snapshots-heading" className="section">
      <h2 id="snapshots-heading">{t('snapshots.heading')}</h2>
      <p>{t('snapshots.lead')}</p>
      {lead && me && <TakeSnapshot space={space} />}
      {snapshots.isPending ? (
        <Loading />
      ) : snapshots.isError ? (
        <QueryError error={snapshots.error} />
      ) : (
        <DataTable<Snapshot>
          caption={t('snapshots.caption')}
          captionHidden
          testId="snapshots-table"
          rows={[...snapshots.data].sort((a, b) => b.takenAt.localeCompare(a.takenAt))}
          rowKey={(s) => s.id}
          empty={t('snapshots.none')}
          columns={[
            { key: 'name', header: t('fields.name'), rowHeader: true, cell: (s) => s.name },
            { key: 'at', header: t('snapshots.at'), cell: (s) => formatDate(s.at) },
            { key: 'taken', header: t('snapshots.taken'), cell: (s) => formatDateTime(s.takenAt) },
            { key: 'nodes', header: t('metrics.nodeCount'), numeric: true, cell: (s) => formatNumber(s.nodeCount) },
            { key: 'edges', header: t('metrics.edgeCount'), numeric: true, cell: (s) => formatNumber(s.edgeCount) },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('common.actions')}</span>,
              cell: (s) => (
                <button type="button" className="button button--small button--secondary" aria-pressed={comparing?.id === s.id} onClick={() => setComparing(s)}>
                  {t('snapshots.compare')}
                  <span className="visually-hidden"> {s.name}</span>
                </button>
              ),
            },
          ]}
        />
      )}
      {comparing && <Comparison space={space} snapshot={comparing} />}
    </section>
  );
}

function TakeSnapshot({ space }: { space: Space }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [at, setAt] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const take = useMutation({
    mutationFn: () => api.takeSnapshot({ params: { id: space.id }, body: { name, ...(at ? { at } : {}) } }),
    onSuccess: async (s) => {
      setDone(t('snapshots.taken_done', { name: s.name }));
      setName('');
      setAt('');
      await queryClient.invalidateQueries({ queryKey: ['network', space.id, 'snapshots'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    take.mutate();
  };
  return (
    <>
      {done && <StatusMessage>{done}</StatusMessage>}
      <ErrorSummary error={take.error} scope="snapshot" labels={{ name: t('fields.name'), at: t('snapshots.at') }} />
      <form className="form-row" onSubmit={submit} noValidate data-testid="snapshot-form" aria-label={t('snapshots.take')}>
        <TextField scope="snapshot" label={t('snapshots.name')} hint={t('snapshots.nameHint')} name="name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError(take.error, 'name')} required />
        <TextField scope="snapshot" label={t('snapshots.at')} hint={t('snapshots.atHint')} name="at" type="date" value={at} onChange={(e) => setAt(e.target.value)} error={fieldError(take.error, 'at')} />
        <div className="form-row__submit">
          <button type="submit" className="button" disabled={take.isPending}>
            {t('snapshots.take')}
          </button>
        </div>
      </form>
    </>
  );
}

function Comparison({ space, snapshot }: { space: Space; snapshot: Snapshot }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const organisations = useSpaceOrganisations(space.id);
  const names = new Map((organisations.data ?? []).map((o) => [o.id, o.name]));
  const name = (id: string) => names.get(id) ?? t('snapshots.formerOrganisation');
  const comparison = useQuery({
    queryKey: ['network', space.id, 'compare', snapshot.id],
    queryFn: () => api.compareWithSnapshot({ params: { id: space.id, snapshotId: snapshot.id } }),
  });
  useEffect(() => {
    heading.current?.focus();
  }, [snapshot.id]);
  const edgeColumns = [
    { key: 'a', header: t('network.fields.organisationA'), rowHeader: true, cell: (e: SnapshotComparison['newCollaborations'][number]) => name(e.source) },
    { key: 'b', header: t('network.fields.organisationB'), cell: (e: SnapshotComparison['newCollaborations'][number]) => name(e.target) },
    { key: 'type', header: t('network.fields.type'), cell: (e: SnapshotComparison['newCollaborations'][number]) => collaborationTypeLabel(t, e.type) },
    { key: 'source', header: t('network.fields.source'), cell: (e: SnapshotComparison['newCollaborations'][number]) => sourceLabel(t, e.origin) },
  ];
  return (
    <div className="comparison panel" data-testid="snapshot-comparison">
      <h3 ref={heading} tabIndex={-1}>
        {t('snapshots.comparisonHeading', { name: snapshot.name, date: formatDate(snapshot.at) })}
      </h3>
      {comparison.isPending ? (
        <Loading />
      ) : comparison.isError ? (
        <QueryError error={comparison.error} />
      ) : (
        <>
          <DataTable
            caption={t('snapshots.summaryCaption')}
            testId="comparison-summary"
            rows={[
              { key: 'nodes', label: t('metrics.nodeCount'), before: formatNumber(comparison.data.nodeCount.before), after: formatNumber(comparison.data.nodeCount.after), change: formatChange(comparison.data.nodeCount.after - comparison.data.nodeCount.before) },
              { key: 'edges', label: t('metrics.edgeCount'), before: formatNumber(comparison.data.edgeCount.before), after: formatNumber(comparison.data.edgeCount.after), change: formatChange(comparison.data.edgeCount.after - comparison.data.edgeCount.before) },
              {
                key: 'cross',
                label: t('metrics.crossSectorShare'),
                before: formatPercent(comparison.data.crossSectorShare.before),
                after: formatPercent(comparison.data.crossSectorShare.after),
                change: t('snapshots.points', { value: formatPoints(comparison.data.crossSectorShare.change) }),
              },
            ]}
            rowKey={(r) => r.key}
            columns={[
              { key: 'label', header: t('snapshots.measure'), rowHeader: true, cell: (r) => r.label },
              { key: 'before', header: t('snapshots.before'), numeric: true, cell: (r) => r.before },
              { key: 'after', header: t('snapshots.after'), numeric: true, cell: (r) => r.after },
              { key: 'change', header: t('snapshots.change'), numeric: true, cell: (r) => r.change },
            ]}
          />
          <DataTable
            caption={t('snapshots.degreeCaption')}
            testId="comparison-degree"
            rows={SECTORS.filter((s) => comparison.data.sectorDegree[s])}
            rowKey={(s) => s}
            columns={[
              { key: 'sector', header: t('organisations.fields.sector'), rowHeader: true, cell: (s) => <SectorTag sector={s} /> },
              { key: 'before', header: t('snapshots.before'), numeric: true, cell: (s) => formatChange(comparison.data.sectorDegree[s]!.before).replace('+', '') },
              { key: 'after', header: t('snapshots.after'), numeric: true, cell: (s) => formatChange(comparison.data.sectorDegree[s]!.after).replace('+', '') },
              { key: 'change', header: t('snapshots.change'), numeric: true, cell: (s) => formatChange(comparison.data.sectorDegree[s]!.change) },
            ]}
          />
          <h4>{t('snapshots.newHeading', { count: comparison.data.newCollaborations.length })}</h4>
          <DataTable caption={t('snapshots.newCaption')} captionHidden testId="comparison-new" rows={comparison.data.newCollaborations} rowKey={(e) => e.id} empty={t('snapshots.noNew')} columns={edgeColumns} />
          <h4>{t('snapshots.endedHeading', { count: comparison.data.endedCollaborations.length })}</h4>
          <DataTable caption={t('snapshots.endedCaption')} captionHidden testId="comparison-ended" rows={comparison.data.endedCollaborations} rowKey={(e) => e.id} empty={t('snapshots.noEnded')} columns={edgeColumns} />
        </>
      )}
    </div>
  );
}
