import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/hooks.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { ErrorSummary, fieldError, Loading, QueryError, StatusMessage, TextField } from '../../components/fields.tsx';

/**
 * Delete my account: first what goes and what stays and why, then the password again (or the
 * e-mail address typed out, for accounts without a password). A space's only admin is told to
 * hand over first.
 */
export function DeleteAccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('privacy.delete.title'));
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirmEmail, setConfirmEmail] = useState('');
  const preview = useQuery({ queryKey: ['account-deletion'], queryFn: () => api.previewAccountDeletion() });
  const remove = useMutation({
    mutationFn: () =>
      api.deleteMyAccount({ body: preview.data?.needsPassword ? { password } : { confirmEmail } }),
    onSuccess: async () => {
      queryClient.clear();
      await navigate('/account/deleted', { replace: true });
    },
  });
  if (!me) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    remove.mutate();
  };
  const blocked = preview.data && (preview.data.soleLeaderOf.length > 0 || preview.data.lastPlatformAdmin);
  return (
    <div className="container narrow prose">
      <p>
        <Link to="/account">{t('privacy.delete.back')}</Link>
      </p>
      <h1>{t('privacy.delete.title')}</h1>
      <p className="lead">{t('privacy.delete.lead')}</p>
      <h2>{t('privacy.delete.erasedHeading')}</h2>
      <ul>
        {(['account', 'memberships', 'registrations', 'inputs', 'people', 'emails'] as const).map((k) => (
          <li key={k}>{t(`privacy.delete.erased.${k}`)}</li>
        ))}
      </ul>
      <h2>{t('privacy.delete.keptHeading')}</h2>
      <p>{t('privacy.delete.keptLead')}</p>
      <ul>
        {(['comments', 'notes', 'inputs', 'history', 'audit'] as const).map((k) => (
          <li key={k}>{t(`privacy.delete.kept.${k}`)}</li>
        ))}
      </ul>
      <p>
        {t('privacy.delete.downloadFirst')} <a href="/api/me/data?format=json" download>{t('privacy.account.downloadJson')}</a>
      </p>
      {preview.isPending ? (
        <Loading />
      ) : preview.isError ? (
        <QueryError error={preview.error} />
      ) : blocked ? (
        <div className="notice notice--error" role="alert" data-testid="delete-blocked">
          {preview.data.soleLeaderOf.length > 0 && (
            <>
              <p>{t('privacy.delete.soleLeader')}</p>
              <ul>
                {preview.data.soleLeaderOf.map((s) => (
                  <li key={s.id}>
                    <Link to={`/spaces/${s.id}`}>{s.name}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.data.lastPlatformAdmin && <p>{t('privacy.delete.lastAdmin')}</p>}
        </div>
      ) : (
        <section className="panel" aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">{t('privacy.delete.confirmHeading')}</h2>
          <ErrorSummary
            error={remove.error}
            scope="delete"
            labels={{ password: t('fields.currentPassword'), confirmEmail: t('privacy.delete.confirmEmail') }}
          />
          <form onSubmit={submit} noValidate>
            <input type="text" name="username" autoComplete="username" value={me.email} readOnly hidden />
            {preview.data.needsPassword ? (
              <TextField
                scope="delete"
                label={t('fields.currentPassword')}
                hint={t('privacy.delete.passwordHint')}
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                error={fieldError(remove.error, 'password')}
                required
              />
            ) : (
              <TextField
                scope="delete"
                label={t('privacy.delete.confirmEmail')}
                hint={t('privacy.delete.confirmEmailHint', { email: me.email })}
                name="confirmEmail"
                type="email"
                autoComplete="off"
                value={confirmEmail}
                onChange={(e) => setConfirmEmail(e.target.value)}
                error={fieldError(remove.error, 'confirmEmail')}
                required
              />
            )}
            <button type="submit" className="button button--warning" disabled={remove.isPending}>
              {t('privacy.delete.submit')}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}

/** Where the person lands after the deletion: it is done, and what that means. */
export function AccountDeletedPage() {
  const { t } = useTranslation();
  usePageTitle(t('privacy.deleted.title'));
  return (
    <div className="container narrow prose">
      <h1>{t('privacy.deleted.title')}</h1>
      <StatusMessage>{t('privacy.deleted.done')}</StatusMessage>
      <p>{t('privacy.deleted.lead')}</p>
      <p>
        <Link to="/">{t('privacy.deleted.home')}</Link>
      </p>
    </div>
  );
}
