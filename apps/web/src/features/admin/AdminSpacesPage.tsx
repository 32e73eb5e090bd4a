import type { Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDate, formatNumber, sortBy } from '../../api/format.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Loading, QueryError, StatusMessage } from '../../components/fields.tsx';
import { kindLabel, visibilityLabel } from '../spaces/labels.ts';

export function AdminSpacesPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.spaces.title'));
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const spaces = useQuery({
    queryKey: ['spaces', 'admin-all'],
    queryFn: async () => {
      const [active, archived] = await Promise.all([
        api.listSpaces({ query: { archived: 'false' } }),
        api.listSpaces({ query: { archived: 'true' } }),
      ]);
      const byId = new Map([...active, ...archived].map((s) => [s.id, s]));
      return [...byId.values()];
    },
  });
  const toggle = useMutation({
    mutationFn: (s: Space) => api.patchSpace({ params: { id: s.id }, body: { archived: !s.archived } }),
    onSuccess: async (s) => {
      setMessage(s.archived ? t('admin.spaces.archived', { name: s.name }) : t('admin.spaces.restored', { name: s.name }));
      await queryClient.invalidateQueries({ queryKey: ['spaces'] });
      queryClient.removeQueries({ queryKey: ['space', s.id] });
    },
  });
  const rows = sortBy(spaces.data ?? [], (s) => s.name).sort((a, b) => Number(a.archived) - Number(b.archived));
  return (
    <>
      <h1>{t('admin.spaces.title')}</h1>
      <p className="lead">{t('admin.spaces.lead')}</p>
      {message && <StatusMessage>{message}</StatusMessage>}
      {toggle.isError && <QueryError error={toggle.error} />}
      {spaces.isPending ? (
        <Loading />
      ) : spaces.isError ? (
        <QueryError error={spaces.error} />
      ) : (
        <DataTable
          caption={t('admin.spaces.caption', { count: rows.length })}
          testId="admin-spaces-table"
          rows={rows}
          rowKey={(s) => s.id}
          columns={[
            { key: 'name', header: t('space.fields.name'), rowHeader: true, cell: (s) => <Link to={`/spaces/${s.id}`}>{s.name}</Link> },
            { key: 'kind', header: t('space.fields.kind'), cell: (s) => kindLabel(t, s.kind) },
            { key: 'visibility', header: t('space.fields.visibility'), cell: (s) => visibilityLabel(t, s.visibility) },
            {
              key: 'municipalities',
              header: t('space.municipalities'),
              numeric: true,
              cell: (s) => formatNumber(s.municipalityCodes.length),
            },
            { key: 'members', header: t('space.members'), numeric: true, cell: (s) => formatNumber(s.memberCount) },
            {
              key: 'status',
              header: t('admin.users.status'),
              cell: (s) => (s.archived ? <span className="tag tag--archived">{t('space.archived')}</span> : t('admin.spaces.active')),
            },
            { key: 'created', header: t('space.created'), cell: (s) => formatDate(s.createdAt) },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('common.actions')}</span>,
              cell: (s) =>
                s.allowedActions.includes(s.archived ? 'restore' : 'archive') ? (
                  <button
                    type="button"
                    className={`button button--small ${s.archived ? 'button--secondary' : 'button--warning'}`}
                    disabled={toggle.isPending}
                    onClick={() => toggle.mutate(s)}
                  >
                    {s.archived ? t('space.restore') : t('space.archive')}
                    <span className="visually-hidden"> – {s.name}</span>
                  </button>
                ) : null,
            },
          ]}
        />
      )}
    </>
  );
}
