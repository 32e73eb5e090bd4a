import type { Invitation, Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../api/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorSummary, fieldError, Loading, QueryError, SelectField, StatusMessage, TextField } from '../../components/fields.tsx';
import { roleLabel, SPACE_ROLES } from './labels.ts';
import { pick } from '../../i18n/labels.ts';

export function InviteSection({ space }: { space: Space }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('member');
  const [sent, setSent] = useState<string | null>(null);
  const manage = space.allowedActions.includes('manage_members');
  const roles = manage ? SPACE_ROLES : (['member', 'observer'] as const);
  const invitations = useQuery({
    queryKey: ['invitations', space.id],
    queryFn: () => api.getInvitations({ params: { id: space.id } }),
  });
  const invite = useMutation({
    mutationFn: () => api.inviteMember({ params: { id: space.id }, body: { email, role: pick(SPACE_ROLES, role) } }),
    onSuccess: async () => {
      setSent(t('invite.sent', { email }));
      setEmail('');
      await queryClient.invalidateQueries({ queryKey: ['invitations', space.id] });
      await queryClient.invalidateQueries({ queryKey: ['members', space.id] });
    },
  });
  const revoke = useMutation({
    mutationFn: (inv: Invitation) => api.revokeInvitation({ params: { id: space.id, invitationId: inv.id } }),
    onSuccess: async (_d, inv) => {
      setSent(t('invite.revoked', { email: inv.email }));
      await queryClient.invalidateQueries({ queryKey: ['invitations', space.id] });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    invite.mutate();
  };
  const list = [...(invitations.data ?? [])].sort((a, b) =>
    a.status === b.status ? b.createdAt.localeCompare(a.createdAt) : a.status === 'pending' ? -1 : 1,
  );
  return (
    <section aria-labelledby="invite-heading" className="section panel">
      <h2 id="invite-heading">{t('invite.heading')}</h2>
      <p>{t('invite.lead')}</p>
      {sent && <StatusMessage>{sent}</StatusMessage>}
      <ErrorSummary error={invite.error} scope="invite" labels={{ email: t('fields.email'), role: t('members.role') }} />
      <form onSubmit={onSubmit} noValidate className="form-row" data-testid="invite-form">
        <TextField
          scope="invite"
          label={t('fields.email')}
          name="email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(invite.error, 'email')}
          required
        />
        <SelectField
          scope="invite"
          label={t('members.role')}
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
          error={fieldError(invite.error, 'role')}
        />
        <div className="form-row__submit">
          <button type="submit" className="button" disabled={invite.isPending}>
            {t('invite.submit')}
          </button>
        </div>
      </form>
      <h3>{t('invite.listHeading')}</h3>
      {revoke.isError && <QueryError error={revoke.error} />}
      {invitations.isPending ? (
        <Loading />
      ) : invitations.isError ? (
        <QueryError error={invitations.error} />
      ) : (
        <DataTable
          caption={t('invite.listHeading')}
          captionHidden
          testId="invitations-table"
          rows={list}
          rowKey={(i) => i.id}
          empty={t('invite.none')}
          columns={[
            { key: 'email', header: t('fields.email'), rowHeader: true, cell: (i) => i.email },
            { key: 'role', header: t('members.role'), cell: (i) => roleLabel(t, i.role) },
            { key: 'status', header: t('invite.status'), cell: (i) => t(`invite.statuses.${i.status}`) },
            { key: 'expires', header: t('invite.expires'), cell: (i) => formatDateTime(i.expiresAt) },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('common.actions')}</span>,
              cell: (i) =>
                i.status === 'pending' ? (
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(i)}
                  >
                    {t('invite.revoke')}
                    <span className="visually-hidden"> {i.email}</span>
                  </button>
                ) : null,
            },
          ]}
        />
      )}
    </section>
  );
}
