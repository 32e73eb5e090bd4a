import type { JoinRequest, Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDate } from '../../api/format.ts';
import { keys } from '../../api/hooks.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Loading, QueryError, StatusMessage } from '../../components/fields.tsx';

/** For those who lead a space: who has asked to join, with their note; accept or decline each. */
export function JoinRequestsSection({ space }: { space: Space }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const requests = useQuery({ queryKey: ['join-requests', space.id], queryFn: () => api.getJoinRequests({ params: { id: space.id } }) });
  const decide = useMutation({
    mutationFn: ({ request, decision }: { request: JoinRequest; decision: 'accept' | 'decline' }) =>
      api.decideJoinRequest({ params: { id: space.id, requestId: request.id }, body: { decision } }),
    onSuccess: async (answered) => {
      setDone(
        t(answered.status === 'accepted' ? 'inviting.joinRequests.accepted' : 'inviting.joinRequests.declined', { name: answered.name }),
      );
      await queryClient.invalidateQueries({ queryKey: ['join-requests', space.id] });
      await queryClient.invalidateQueries({ queryKey: ['members', space.id] });
      await queryClient.invalidateQueries({ queryKey: keys.space(space.id) });
      // The row and its buttons are gone: focus goes to the section, where the message is read.
      heading.current?.focus();
    },
  });
  if (space.joinPolicy !== 'request' && !requests.data?.length) return null;
  return (
    <section aria-labelledby="join-requests-heading" className="section panel" id="join-requests">
      <h2 id="join-requests-heading" ref={heading} tabIndex={-1}>
        {t('inviting.joinRequests.heading')}
      </h2>
      <p>{t('inviting.joinRequests.lead')}</p>
      {done && <StatusMessage>{done}</StatusMessage>}
      {decide.isError && <QueryError error={decide.error} />}
      {requests.isPending ? (
        <Loading />
      ) : requests.isError ? (
        <QueryError error={requests.error} />
      ) : (
        <DataTable
          caption={t('inviting.joinRequests.heading')}
          captionHidden
          testId="join-requests-table"
          rows={requests.data}
          rowKey={(r) => r.id}
          empty={t('inviting.joinRequests.none')}
          columns={[
            { key: 'name', header: t('fields.name'), rowHeader: true, cell: (r) => r.name },
            { key: 'email', header: t('fields.email'), cell: (r) => r.email },
            {
              key: 'message',
              header: t('inviting.joinSpace.message'),
              cell: (r) => r.message || <span className="muted">{t('inviting.joinRequests.noMessage')}</span>,
            },
            { key: 'date', header: t('inviting.joinRequests.date'), cell: (r) => formatDate(r.createdAt) },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('common.actions')}</span>,
              cell: (r) => (
                <div className="actions">
                  <button
                    type="button"
                    className="button button--small"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ request: r, decision: 'accept' })}
                  >
                    {t('inviting.joinRequests.accept')}
                    <span className="visually-hidden"> {r.name}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ request: r, decision: 'decline' })}
                  >
                    {t('inviting.joinRequests.decline')}
                    <span className="visually-hidden"> {r.name}</span>
                  </button>
                </div>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
