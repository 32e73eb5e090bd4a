import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { ErrorSummary, fieldError, StatusMessage, TextField } from '../../components/fields.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: () => api.requestPasswordReset({ body: { email } }) });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate();
  };
  return (
    <div className="container narrow">
      <h1>{t('forgot.title')}</h1>
      <p className="lead">{t('forgot.lead')}</p>
      {request.isSuccess ? (
        <StatusMessage>{t('forgot.sent', { email })}</StatusMessage>
      ) : (
        <div className="panel">
          <ErrorSummary error={request.error} labels={{ email: t('fields.email') }} />
          <form onSubmit={onSubmit} noValidate>
            <TextField
              label={t('fields.email')}
              name="email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={fieldError(request.error, 'email')}
              required
            />
            <button type="submit" className="button" disabled={request.isPending}>
              {t('forgot.submit')}
            </button>
          </form>
        </div>
      )}
      <p>
        <Link to="/sign-in">{t('forgot.back')}</Link>
      </p>
    </div>
  );
}
