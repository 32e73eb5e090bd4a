import type { Network, NetworkNode, Space } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useMunicipalityIndex } from '../../api/hooks.ts';
import { QueryError } from '../../components/fields.tsx';
import { RowActions } from '../../components/RowActions.tsx';
import { SortableTable } from '../../components/SortableTable.tsx';
import { collaborationTypeLabel, frequencyLabel, sourceLabel } from '../actors/labels.ts';
import { nodeColumns } from './nodeColumns.tsx';

/** The whole network as tables (organisations, collaborations), the drawing's equivalent for every reader. */
export function NetworkTables({
  space,
  network,
  onPick,
  onMessage,
}: {
  space: Space;
  network: Network;
  onPick: (id: string) => void;
  onMessage: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const index = useMunicipalityIndex();
  const manage = space.allowedActions.includes('manage_organisations');
  const byId = useMemo(() => new Map(network.nodes.map((n) => [n.id, n])), [network]);
  const name = (id: string) => byId.get(id)?.name ?? id;
  const municipality = (code: string | null) => (code ? (index.get(code)?.name ?? code) : '–');
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['network', space.id] });
    await queryClient.invalidateQueries({ queryKey: ['space-organisations', space.id] });
    await queryClient.invalidateQueries({ queryKey: ['collaborations'] });
  };
  const removeOrganisation = useMutation({
    mutationFn: (node: NetworkNode) => api.removeSpaceOrganisation({ params: { id: space.id, organisationId: node.id } }),
    onSuccess: async (_d, node) => {
      onMessage(t('network.removedFromSpace', { name: node.name }));
      await refresh();
    },
  });
  const removeCollaboration = useMutation({
    mutationFn: (edgeId: string) => api.removeCollaboration({ params: { id: edgeId } }),
    onSuccess: async () => {
      onMessage(t('network.collaborationRemoved'));
      await refresh();
    },
  });
  return (
    <section aria-labelledby="tables-heading" className="section">
      <h2 id="tables-heading">{t('network.tablesHeading')}</h2>
      <p>{t('network.tablesLead')}</p>
      {(removeOrganisation.error || removeCollaboration.error) && (
        <QueryError error={removeOrganisation.error ?? removeCollaboration.error} />
      )}
      <SortableTable<NetworkNode>
        caption={t('network.organisationsCaption', { count: network.nodes.length })}
        testId="network-organisations"
        rows={network.nodes}
        rowKey={(n) => n.id}
        initialSort={{ key: 'degree', direction: 'descending' }}
        empty={t('network.noOrganisations')}
        columns={[
          ...nodeColumns(t, municipality),
          {
            key: 'actions',
            header: t('common.actions'),
            hiddenHeader: true,
            cell: (n) => (
              <RowActions
                name={n.name}
                remove={
                  manage
                    ? {
                        label: t('network.removeFromSpace'),
                        confirm: t('network.removeFromSpaceConfirm', { name: n.name, space: space.name }),
                        pending: removeOrganisation.isPending,
                        onConfirm: () => removeOrganisation.mutate(n),
                      }
                    : undefined
                }
              >
                <button type="button" className="button button--small button--secondary" onClick={() => onPick(n.id)}>
                  {t('network.showInDrawing')}
                  <span className="visually-hidden"> {n.name}</span>
                </button>
              </RowActions>
            ),
          },
        ]}
      />
      <SortableTable
        caption={t('network.collaborationsCaption', { count: network.edges.length })}
        testId="network-collaborations"
        rows={network.edges}
        rowKey={(e) => e.id}
        initialSort={{ key: 'a', direction: 'ascending' }}
        empty={t('network.noCollaborations')}
        columns={[
          {
            key: 'a',
            header: t('network.fields.organisationA'),
            rowHeader: true,
            sortValue: (e) => name(e.source),
            cell: (e) => name(e.source),
          },
          { key: 'b', header: t('network.fields.organisationB'), sortValue: (e) => name(e.target), cell: (e) => name(e.target) },
          {
            key: 'type',
            header: t('network.fields.type'),
            sortValue: (e) => collaborationTypeLabel(t, e.type),
            cell: (e) => collaborationTypeLabel(t, e.type),
          },
          {
            key: 'source',
            header: t('network.fields.source'),
            sortValue: (e) => `${sourceLabel(t, e.origin)} ${e.description ?? ''}`,
            cell: (e) => <DerivedSource edge={e} />,
          },
          {
            key: 'frequency',
            header: t('network.fields.frequency'),
            sortValue: (e) => frequencyLabel(t, e.frequency),
            cell: (e) => frequencyLabel(t, e.frequency),
          },
          ...(manage
            ? [
                {
                  key: 'actions',
                  header: t('common.actions'),
                  hiddenHeader: true,
                  // Only this space's own ties: the registry's are its organisations' representatives' to remove.
                  cell: (e: Network['edges'][number]) =>
                    e.origin === 'derived' || e.spaceId !== space.id ? null : (
                      <button
                        type="button"
                        className="button button--small button--warning"
                        disabled={removeCollaboration.isPending}
                        onClick={() => {
                          if (window.confirm(t('network.removeCollaborationConfirm', { a: name(e.source), b: name(e.target) })))
                            removeCollaboration.mutate(e.id);
                        }}
                      >
                        {t('common.remove')}
                        <span className="visually-hidden">
                          {' '}
                          {t('network.collaborationBetween', { a: name(e.source), b: name(e.target) })}
                        </span>
                      </button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

/** Where a derived tie comes from (issue 11 §2): the shared activity by name, linked to its page. */
const DERIVED_PAGES: Record<string, string> = {
  initiative: '/initiatives/',
  event: '/events/',
  working_group: '/groups/',
  agreement: '/agreements/',
  measure: '/measures/',
};
function DerivedSource({ edge }: { edge: Network['edges'][number] }) {
  const { t } = useTranslation();
  const label = sourceLabel(t, edge.origin);
  if (!edge.derivedFrom || !edge.description) return <>{label}</>;
  const page = DERIVED_PAGES[edge.derivedFrom.kind];
  return (
    <>
      {label}: {page ? <Link to={`${page}${edge.derivedFrom.id}`}>{edge.description}</Link> : edge.description}
    </>
  );
}
