import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { useSettings } from '../../api/hooks.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ErrorSummary, fieldError, Loading, QueryError, StatusMessage, TextField } from '../../components/fields.tsx';
import { useHashToken, useSignedIn } from './session.ts';

/** How one joins on this server (SIGNUP): said on the home page and the sign-up page alike. */
export function useJoinRule(): { mode: 'open' | 'invite' | 'domains'; domains: string[] } {
  const { data: settings } = useSettings();
  return settings?.signup ?? { mode: 'invite', domains: [] };
}

/** Self-registration: name, e-mail and password; the account is made when the e-mailed link is used. */
export function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('inviting.signUp.title'));
  const rule = useJoinRule();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signUp = useMutation({
    mutationFn: () => api.requestSignUp({ body: { name, email, password, language: currentLanguage() } }),
  });
  const sent = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (signUp.isSuccess) sent.current?.focus();
  }, [signUp.isSuccess]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    signUp.mutate();
  };
  return (
    <div className="container narrow">
      <h1>{t('inviting.signUp.title')}</h1>
      <p className="lead">{t(`inviting.join.${rule.mode}`, { domains: rule.domains.join(', ') })}</p>
      {rule.mode === 'invite' ? (
        <p>
          <Link to="/sign-in">{t('inviting.signUp.haveAccount')}</Link>
        </p>
      ) : signUp.isSuccess ? (
        <div ref={sent} tabIndex={-1} data-testid="sign-up-sent">
          <StatusMessage>{t('inviting.signUp.sent', { email })}</StatusMessage>
        </div>
      ) : (
        <section className="panel" aria-labelledby="sign-up-heading">
          <h2 id="sign-up-heading">{t('inviting.signUp.formHeading')}</h2>
          <ErrorSummary error={signUp.error} scope="signup" labels={{ name: t('fields.name'), email: t('fields.email'), password: t('fields.password') }} />
          <form onSubmit={onSubmit} noValidate data-testid="sign-up-form">
            <TextField scope="signup" label={t('fields.name')} name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError(signUp.error, 'name')} required />
            <TextField
              scope="signup"
              label={t('fields.email')}
              name="email"
              type="email"
              autoComplete="email"
              inputMode="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={fieldError(signUp.error, 'email')}
              required
            />
            <TextField
              scope="signup"
              label={t('fields.password')}
              hint={t('fields.passwordHint')}
              name="password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fieldError(signUp.error, 'password')}
              required
            />
            <div className="actions">
              <button type="submit" className="button" disabled={signUp.isPending}>
                {t('inviting.signUp.submit')}
              </button>
              <Link to="/sign-in">{t('inviting.signUp.haveAccount')}</Link>
            </div>
          </form>
        </section>
      )}
    </div>
  );
}

/** The link from the sign-up mail: confirms the address, makes the account and signs in. */
export function ConfirmSignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('inviting.confirm.title'));
  const token = useHashToken();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const started = useRef(false);
  const confirm = useMutation({
    mutationFn: () => api.confirmSignUp({ body: { token: token ?? undefined } }),
    onSuccess: async ({ user }) => {
      await signedIn(user);
      await navigate('/account?welcome=1', { replace: true });
    },
  });
  useEffect(() => {
    // The link works once: never send it twice.
    if (!token || started.current) return;
    started.current = true;
    confirm.mutate();
  }, [token, confirm]);
  return (
    <div className="container narrow">
      <h1>{t('inviting.confirm.title')}</h1>
      {!token ? (
        <div className="notice notice--error" role="alert">
          {t('inviting.confirm.noToken')}
        </div>
      ) : confirm.isError ? (
        <QueryError error={confirm.error} />
      ) : (
        <Loading label={t('inviting.confirm.confirming')} />
      )}
      {(!token || confirm.isError) && (
        <p>
          <Link to="/sign-up">{t('inviting.confirm.again')}</Link>
        </p>
      )}
    </div>
  );
}
