import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading, QueryError, StatusMessage } from '../../components/fields.tsx';
import { useHashToken } from './session.ts';

/**
 * The unlock link a sign-in lock e-mails to the owner (/sign-in/unlock#token=…): this browser may
 * then sign in with the password while the account is locked. The link does not sign in by itself.
 */
export function UnlockPage() {
  const { t } = useTranslation();
  usePageTitle(t('unlock.title'));
  const token = useHashToken();
  const started = useRef(false);
  const unlock = useMutation({ mutationFn: () => api.unlockBrowser({ body: { token: token ?? undefined } }) });
  useEffect(() => {
    // The link works once: never send it twice (React may run effects twice in development).
    if (!token || started.current) return;
    started.current = true;
    unlock.mutate();
  }, [token, unlock]);

  return (
    <div className="container narrow">
      <h1>{t('unlock.title')}</h1>
      {!token ? (
        <div className="notice notice--error" role="alert">
          {t('unlock.noToken')}
        </div>
      ) : unlock.isError ? (
        <QueryError error={unlock.error} />
      ) : unlock.isSuccess ? (
        <StatusMessage>{t('unlock.done')}</StatusMessage>
      ) : (
        <Loading label={t('unlock.working')} />
      )}
      <p>
        <Link to="/sign-in">{t('unlock.toSignIn')}</Link>
      </p>
    </div>
  );
}
