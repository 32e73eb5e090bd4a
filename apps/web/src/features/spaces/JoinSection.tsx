import type { Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDate } from '../../api/format.ts';
import { keys, useMe } from '../../api/hooks.ts';
import { ErrorSummary, fieldError, QueryError, StatusMessage, TextAreaField } from '../../components/fields.tsx';

/**
 * How someone who is not a member takes part in a public space: join at once (open), ask its
 * leaders (on request), or learn that it takes members by invitation.
 */
export function JoinSection({ space }: { space: Space }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (space.myRole || space.visibility !== 'public' || space.archived) return null;
  const can = (action: 'join' | 'request_to_join') => space.allowedActions.includes(action);
  return (
    <section aria-labelledby="join-heading" className="section panel" data-testid="join-section">
      <h2 id="join-heading">{t('inviting.joinSpace.heading')}</h2>
      {!me ? (
        <p>
          {space.joinPolicy === 'invitation' ? t('inviting.joinSpace.byInvitation') : t(`inviting.joinSpace.anonymous.${space.joinPolicy}`)}{' '}
          {space.joinPolicy !== 'invitation' && (
            <Link to={`/sign-in?returnTo=${encodeURIComponent(`/spaces/${space.id}`)}`}>{t('inviting.joinSpace.signInToJoin')}</Link>
          )}
        </p>
      ) : can('join') ? (
        <JoinOpen space={space} />
      ) : can('request_to_join') ? (
        <RequestToJoin space={space} />
      ) : (
        <p>{t('inviting.joinSpace.byInvitation')}</p>
      )}
    </section>
  );
}

function JoinOpen({ space }: { space: Space }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const join = useMutation({
    mutationFn: () => api.joinSpace({ params: { id: space.id }, body: { message: '' } }),
    onSuccess: async (result) => {
      queryClient.setQueryData(keys.space(space.id), result.space);
      await queryClient.invalidateQueries({ queryKey: ['spaces'] });
    },
  });
  return (
    <>
      <p>{t('inviting.joinSpace.openLead')}</p>
      {join.isError && <QueryError error={join.error} />}
      <button type="button" className="button" disabled={join.isPending} onClick={() => join.mutate()}>
        {t('inviting.joinSpace.join')}
      </button>
    </>
  );
}

function RequestToJoin({ space }: { space: Space }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const own = useQuery({ queryKey: ['own-join-request', space.id], queryFn: () => api.getOwnJoinRequest({ params: { id: space.id } }) });
  const focusStatus = () => requestAnimationFrame(() => statusRef.current?.focus());
  const ask = useMutation({
    mutationFn: () => api.joinSpace({ params: { id: space.id }, body: { message } }),
    onSuccess: async () => {
      setMessage('');
      await queryClient.invalidateQueries({ queryKey: ['own-join-request', space.id] });
      focusStatus();
    },
  });
  const withdraw = useMutation({
    mutationFn: () => api.withdrawJoinRequest({ params: { id: space.id } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['own-join-request', space.id] });
      focusStatus();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate();
  };
  const status = own.data?.status ?? null;
  return (
    <div ref={statusRef} tabIndex={-1} className="join-request">
      {own.isError && <QueryError error={own.error} />}
      {status === 'pending' ? (
        <>
          <StatusMessage tone="info">{t('inviting.joinSpace.pending', { date: formatDate(own.data!.requestedAt!) })}</StatusMessage>
          {withdraw.isError && <QueryError error={withdraw.error} />}
          <button type="button" className="button button--secondary" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
            {t('inviting.joinSpace.withdraw')}
          </button>
        </>
      ) : (
        <>
          {status === 'declined' && <p>{t('inviting.joinSpace.declined', { date: formatDate(own.data!.decidedAt!) })}</p>}
          {status === 'withdrawn' && <StatusMessage tone="info">{t('inviting.joinSpace.withdrawn')}</StatusMessage>}
          <p>{t('inviting.joinSpace.requestLead')}</p>
          <ErrorSummary error={ask.error} scope="join" labels={{ message: t('inviting.joinSpace.message') }} />
          <form onSubmit={submit} noValidate data-testid="join-request-form">
            <TextAreaField
              scope="join"
              label={t('inviting.joinSpace.message')}
              hint={t('inviting.joinSpace.messageHint')}
              name="message"
              rows={3}
              maxLength={1000}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              error={fieldError(ask.error, 'message')}
            />
            <div className="actions">
              <button type="submit" className="button" disabled={ask.isPending}>
                {t('inviting.joinSpace.request')}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
