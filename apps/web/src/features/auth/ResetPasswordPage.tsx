import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { ErrorSummary, fieldError, TextField } from '../../components/fields.tsx';
import { useHashToken, useSignedIn } from './session.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const token = useHashToken();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => api.resetPassword({ body: { token: token ?? undefined, password } }),
    onSuccess: async ({ user }) => {
      await signedIn(user);
      await navigate('/account?passwordReset=1', { replace: true });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    reset.mutate();
  };
  if (!token) {
    return (
      <div className="container narrow">
        <h1>{t('reset.title')}</h1>
        <div className="notice notice--error" role="alert">
          {t('reset.noToken')}
        </div>
        <p>
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container narrow">
      <h1>{t('reset.title')}</h1>
      <p className="lead">{t('reset.lead')}</p>
      <div className="panel">
        <ErrorSummary error={reset.error} labels={{ password: t('fields.newPassword') }} />
        <form onSubmit={onSubmit} noValidate>
          <TextField
            label={t('fields.newPassword')}
            hint={t('fields.passwordHint')}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldError(reset.error, 'password')}
            required
          />
          <button type="submit" className="button" disabled={reset.isPending}>
            {t('reset.submit')}
          </button>
        </form>
      </div>
      {reset.isError && (
        <p>
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </p>
      )}
    </div>
  );
}
