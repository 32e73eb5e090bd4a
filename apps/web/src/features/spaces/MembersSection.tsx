import type { Member, Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDate, sortBy } from '../../api/format.ts';
import { keys, useMe } from '../../api/hooks.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Loading, QueryError, StatusMessage } from '../../components/fields.tsx';
import { roleLabel, SPACE_ROLES } from './labels.ts';
import { pick } from '../../i18n/labels.ts';
import { RoleSelect } from './RoleSelect.tsx';

export function MembersSection({ space }: { space: Space }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [message, setMessage] = useState<string | null>(null);
  const members = useQuery({
    queryKey: ['members', space.id],
    queryFn: () => api.getMembers({ params: { id: space.id } }),
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['members', space.id] });
    await queryClient.invalidateQueries({ queryKey: keys.space(space.id) });
  };
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: string }) =>
      api.changeMemberRole({ params: { id: space.id, userId }, body: { role: pick(SPACE_ROLES, role) } }),
    onSuccess: async (m) => {
      setMessage(t('members.roleChanged', { name: m.name, role: roleLabel(t, m.role) }));
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (m: Member) => api.removeMember({ params: { id: space.id, userId: m.userId } }),
    onSuccess: async (_data, m) => {
      if (m.userId === me?.id) {
        await queryClient.invalidateQueries();
        await navigate('/');
        return;
      }
      setMessage(t('members.removed', { name: m.name }));
      await refresh();
    },
  });
  const rows = sortBy(members.data ?? [], (m) => m.name);
  const showEmail = rows.some((m) => m.email);
  return (
    <section aria-labelledby="members-heading" className="section">
      <h2 id="members-heading">{t('members.heading')}</h2>
      {message && <StatusMessage>{message}</StatusMessage>}
      {(changeRole.error || remove.error) && <QueryError error={changeRole.error ?? remove.error} />}
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <QueryError error={members.error} />
      ) : (
        <DataTable
          caption={t('members.caption', { name: space.name })}
          captionHidden
          testId="members-table"
          rows={rows}
          rowKey={(m) => m.userId}
          columns={[
            {
              key: 'name',
              header: t('fields.name'),
              rowHeader: true,
              cell: (m) => {
                const name = m.userId === me?.id ? `${m.name} (${t('members.you')})` : m.name;
                return m.hasProfile ? <Link to={`/users/${m.userId}`}>{name}</Link> : name;
              },
            },
            ...(showEmail ? [{ key: 'email', header: t('fields.email'), cell: (m: Member) => m.email ?? '–' }] : []),
            {
              key: 'role',
              header: t('members.role'),
              cell: (m) =>
                m.allowedActions.includes('change_role') ? (
                  <RoleSelect
                    member={m}
                    onChange={(role) => changeRole.mutate({ userId: m.userId, role })}
                    disabled={changeRole.isPending}
                  />
                ) : (
                  roleLabel(t, m.role)
                ),
            },
            { key: 'joined', header: t('members.joined'), cell: (m) => formatDate(m.joinedAt) },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('common.actions')}</span>,
              cell: (m) =>
                m.allowedActions.includes('remove') ? (
                  <button
                    type="button"
                    className="button button--small button--warning"
                    disabled={remove.isPending}
                    onClick={() => {
                      const self = m.userId === me?.id;
                      if (
                        window.confirm(
                          self ? t('members.leaveConfirm', { space: space.name }) : t('members.removeConfirm', { name: m.name }),
                        )
                      )
                        remove.mutate(m);
                    }}
                  >
                    {m.userId === me?.id ? t('members.leave') : t('members.remove', { name: m.name })}
                  </button>
                ) : null,
            },
          ]}
        />
      )}
    </section>
  );
}
