import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { useMe, useSettings } from '../../api/hooks.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { ErrorSummary, fieldError, StatusMessage, TextField } from '../../components/fields.tsx';
import { safeReturnTo, useSignedIn } from './session.ts';

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const { data: settings } = useSettings();
  const { data: me } = useMe();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [linkEmail, setLinkEmail] = useState('');

  const signIn = useMutation({
    mutationFn: () => api.signInWithPassword({ body: { email, password } }),
    onSuccess: async ({ user }) => {
      await signedIn(user);
      await navigate(returnTo, { replace: true });
    },
  });
  const magic = useMutation({
    mutationFn: () => api.requestEmailLink({ body: { email: linkEmail } }),
  });

  // A locked account (many wrong passwords, perhaps by someone else): explain the ways in.
  const locked = isApiError(signIn.error) && signIn.error.extra.reason === 'account_locked';

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate();
  };
  const onMagic = (e: FormEvent) => {
    e.preventDefault();
    magic.mutate();
  };

  return (
    <div className="container narrow">
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.lead')}</p>
      {me && !signIn.isSuccess && (
        <div className="notice notice--info">
          <p>
            {t('signIn.alreadySignedIn', { name: me.name })} <Link to={returnTo}>{t('signIn.continue')}</Link>
          </p>
        </div>
      )}
      {params.get('error') === 'oidc' && (
        <div className="notice notice--error" role="alert">
          {t('signIn.oidcFailed')}
        </div>
      )}

      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">{t('signIn.passwordHeading')}</h2>
        <ErrorSummary error={signIn.error} scope="signin" labels={{ email: t('fields.email'), password: t('fields.password') }} />
        {locked && (
          <div className="notice notice--info" data-testid="lock-help">
            <p>{t('unlock.lockedHelp')}</p>
            <ul>
              <li>{t('unlock.lockedUseLink')}</li>
              <li>{t('unlock.lockedKnownBrowser')}</li>
              <li>
                <a href="#link-heading">{t('unlock.lockedMagicLink')}</a>
              </li>
            </ul>
          </div>
        )}
        <form onSubmit={onSubmit} noValidate data-testid="sign-in-form">
          <TextField
            scope="signin"
            label={t('fields.email')}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError(signIn.error, 'email')}
            required
          />
          <TextField
            scope="signin"
            label={t('fields.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldError(signIn.error, 'password')}
            required
          />
          <div className="actions">
            <button type="submit" className="button" disabled={signIn.isPending}>
              {signIn.isPending ? t('signIn.signingIn') : t('signIn.submit')}
            </button>
            <Link to="/forgot-password">{t('signIn.forgot')}</Link>
          </div>
        </form>
      </section>

      <section className="panel" aria-labelledby="link-heading">
        <h2 id="link-heading">{t('signIn.linkHeading')}</h2>
        <p>{t('signIn.linkLead')}</p>
        {magic.isSuccess ? (
          <StatusMessage>{t('signIn.linkSent', { email: linkEmail })}</StatusMessage>
        ) : (
          <>
            <ErrorSummary error={magic.error} scope="magic" labels={{ email: t('fields.email') }} />
            <form onSubmit={onMagic} noValidate>
              <TextField
                scope="magic"
                label={t('fields.email')}
                name="email"
                type="email"
                autoComplete="email"
                inputMode="email"
                value={linkEmail}
                onChange={(e) => setLinkEmail(e.target.value)}
                error={fieldError(magic.error, 'email')}
                required
              />
              <button type="submit" className="button button--secondary" disabled={magic.isPending}>
                {t('signIn.sendLink')}
              </button>
            </form>
          </>
        )}
      </section>

      {settings?.oidc && (
        <section className="panel" aria-labelledby="oidc-heading">
          <h2 id="oidc-heading">{t('signIn.oidcHeading')}</h2>
          <p>{t('signIn.oidcLead')}</p>
          <a
            className="button button--secondary"
            href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`}
            data-testid="oidc-button"
          >
            {t('signIn.oidcButton', { name: settings.oidc.name })}
          </a>
        </section>
      )}
    </div>
  );
}
