import type { FollowKind } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/hooks.ts';
import { ErrorSummary, fieldError, StatusMessage, TextField } from '../../components/fields.tsx';

export const followKeys = { mine: ['follows', 'mine'] as const };

/**
 * Follow a space or an input. Signed in: one toggle button. Without an account (a space's news
 * only): an e-mail address that gets a confirmation link (double opt-in).
 */
export function FollowButton({ kind, id, label }: { kind: FollowKind; id: string; label: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const signedIn = Boolean(me.data);
  const mine = useQuery({ queryKey: followKeys.mine, queryFn: () => api.getMyFollows(), enabled: signedIn });
  const current = mine.data?.find((f) => f.kind === kind && f.targetId === id);
  const follow = useMutation({
    mutationFn: () => api.createFollow({ body: { kind, id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followKeys.mine }),
  });
  const unfollow = useMutation({
    mutationFn: (followId: string) => api.deleteFollow({ params: { id: followId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followKeys.mine }),
  });
  if (me.isPending) return null;
  if (!signedIn) return kind === 'space' ? <FollowByEmail id={id} label={label} /> : null;
  return (
    <div className="follow" data-testid="follow">
      {current ? (
        <button type="button" className="button button--secondary" aria-pressed="true" disabled={unfollow.isPending} onClick={() => unfollow.mutate(current.id)}>
          {t('newsNotify.follow.following', { name: label })}
        </button>
      ) : (
        <button type="button" className="button button--secondary" aria-pressed="false" disabled={follow.isPending || mine.isPending} onClick={() => follow.mutate()}>
          {t('newsNotify.follow.follow', { name: label })}
        </button>
      )}
      <span className="visually-hidden" role="status">
        {current ? t('newsNotify.follow.nowFollowing', { name: label }) : ''}
      </span>
    </div>
  );
}

function FollowByEmail({ id, label }: { id: string; label: string }) {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: () => api.createFollow({ body: { kind: 'space', id, email, language: i18n.language === 'en' ? 'en' : 'sv' } }) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate();
  };
  return (
    <section className="section panel follow-email" aria-labelledby="follow-email-heading">
      <h2 id="follow-email-heading">{t('newsNotify.follow.emailHeading', { name: label })}</h2>
      {request.isSuccess ? (
        <StatusMessage>{t('newsNotify.follow.emailSent')}</StatusMessage>
      ) : (
        <>
          <ErrorSummary error={request.error} scope="follow" labels={{ email: t('newsNotify.follow.emailLabel') }} />
          <form onSubmit={submit} noValidate data-testid="follow-email-form">
            <TextField
              scope="follow"
              name="email"
              type="email"
              autoComplete="email"
              label={t('newsNotify.follow.emailLabel')}
              hint={t('newsNotify.follow.emailHint')}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={fieldError(request.error, 'email')}
              required
            />
            <button type="submit" className="button" disabled={request.isPending}>
              {t('newsNotify.follow.emailSubmit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
