import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { keys, useMe } from '../../api/hooks.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { ErrorSummary, fieldError, Loading, QueryError, TextField } from '../../components/fields.tsx';
import { roleLabel } from '../spaces/labels.ts';
import { useHashToken, useSignedIn } from './session.ts';

export function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const token = useHashToken();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signedIn = useSignedIn();
  const { data: me, isPending: mePending } = useMe();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');

  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => api.previewInvitation({ body: { token: token ?? undefined } }),
    enabled: Boolean(token),
    retry: false,
    staleTime: Infinity,
  });
  const needsAccount = !me && preview.data !== undefined && !preview.data.accountExists;

  const accept = useMutation({
    mutationFn: () =>
      api.acceptInvitation({
        body: { token: token ?? undefined, ...(needsAccount ? { name: name.trim() || undefined, password: password || undefined } : {}) },
      }),
    onSuccess: async ({ spaceId }) => {
      if (!me) {
        const { user } = await api.getMe();
        await signedIn(user);
      } else {
        await queryClient.invalidateQueries({ queryKey: keys.me });
      }
      await queryClient.invalidateQueries({ queryKey: keys.space(spaceId) });
      await navigate(`/spaces/${spaceId}?joined=1`, { replace: true });
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    accept.mutate();
  };

  return (
    <div className="container narrow">
      <h1>{t('invitation.title')}</h1>
      {!token ? (
        <div className="notice notice--error" role="alert">
          {t('invitation.noToken')}
        </div>
      ) : preview.isPending || mePending ? (
        <Loading />
      ) : preview.isError ? (
        <QueryError error={preview.error} />
      ) : (
        <>
          <p className="lead" data-testid="invitation-summary">
            {t('invitation.summary', { space: preview.data.spaceName, role: roleLabel(t, preview.data.role) })}
          </p>
          <dl className="facts">
            <div>
              <dt>{t('invitation.space')}</dt>
              <dd>{preview.data.spaceName}</dd>
            </div>
            <div>
              <dt>{t('invitation.role')}</dt>
              <dd>{roleLabel(t, preview.data.role)}</dd>
            </div>
            <div>
              <dt>{t('invitation.email')}</dt>
              <dd>{preview.data.email}</dd>
            </div>
          </dl>
          {me && me.email !== preview.data.email && (
            <div className="notice notice--info">{t('invitation.otherAccount', { me: me.email, invited: preview.data.email })}</div>
          )}
          <div className="panel">
            <ErrorSummary error={accept.error} labels={{ name: t('fields.name'), password: t('fields.password') }} />
            <form onSubmit={onSubmit} noValidate>
              {needsAccount && (
                <>
                  <p>{t('invitation.newAccount')}</p>
                  <TextField
                    label={t('fields.name')}
                    name="name"
                    autoComplete="name"
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                    error={fieldError(accept.error, 'name')}
                    required
                  />
                  <TextField
                    label={t('invitation.passwordOptional')}
                    hint={t('invitation.passwordHint')}
                    name="password"
                    type="password"
                    autoComplete="new-password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                    error={fieldError(accept.error, 'password')}
                  />
                </>
              )}
              <button type="submit" className="button" disabled={accept.isPending}>
                {t('invitation.accept')}
              </button>
            </form>
          </div>
          <p>
            <Link to="/">{t('invitation.decline')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
