import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading, QueryError } from '../../components/fields.tsx';
import { useHashToken, useSignedIn } from './session.ts';

export function MagicLinkPage() {
  const { t } = useTranslation();
  usePageTitle(t('magic.title'));
  const token = useHashToken();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const started = useRef(false);
  const consume = useMutation({
    mutationFn: () => api.signInWithMagicLink({ body: { token: token ?? undefined } }),
    onSuccess: async ({ user }) => {
      await signedIn(user);
      await navigate('/', { replace: true });
    },
  });
  useEffect(() => {
    // The link works once: never send it twice (React may run effects twice in development).
    if (!token || started.current) return;
    started.current = true;
    consume.mutate();
  }, [token, consume]);

  return (
    <div className="container narrow">
      <h1>{t('magic.title')}</h1>
      {!token ? (
        <div className="notice notice--error" role="alert">
          {t('magic.noToken')}
        </div>
      ) : consume.isError ? (
        <QueryError error={consume.error} />
      ) : (
        <Loading label={t('magic.signingIn')} />
      )}
      {(!token || consume.isError) && (
        <p>
          <Link to="/sign-in">{t('magic.requestNew')}</Link>
        </p>
      )}
    </div>
  );
}
