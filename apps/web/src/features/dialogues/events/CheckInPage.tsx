import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../../api/client.ts';
import { usePageTitle } from '../../../app/usePage.ts';
import { Loading, QueryError } from '../../../components/fields.tsx';
import { modeLabel } from './labels.ts';

let capturedCode: { path: string; code: string } | null = null;

/** The code from the QR's #fragment, read once and removed from the address bar. */
function useHashCode(): string | null {
  const [code] = useState(() => {
    const value = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('code');
    if (value) {
      capturedCode = { path: window.location.pathname, code: value };
      return value;
    }
    return capturedCode?.path === window.location.pathname ? capturedCode.code : null;
  });
  useEffect(() => {
    if (window.location.hash.includes('code='))
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);
  return code;
}

/**
 * What a facilitator's phone opens when its camera reads a participant's QR at the door: the
 * check-in happens at once and the answer is large enough to read at arm's length.
 */
export function CheckInPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('events.checkIn.title'));
  const code = useHashCode();
  const checkIn = useMutation({
    mutationFn: () => api.checkIn({ params: { id }, body: { code: code ?? undefined } }),
  });
  const { mutate } = checkIn;
  useEffect(() => {
    if (code) mutate();
  }, [code, mutate]);
  return (
    <div className="container narrow">
      <h1>{t('events.checkIn.title')}</h1>
      {!code ? (
        <div className="notice notice--error" role="alert">
          {t('events.checkIn.noCode')}
        </div>
      ) : checkIn.isPending || checkIn.isIdle ? (
        <Loading />
      ) : checkIn.isError ? (
        <>
          <QueryError error={checkIn.error} />
          {isApiError(checkIn.error) && checkIn.error.status === 401 && (
            <p>
              <Link to={`/sign-in?returnTo=${encodeURIComponent(`/check-in/${id}#code=${code}`)}`}>{t('events.checkIn.signIn')}</Link>
            </p>
          )}
        </>
      ) : (
        <div
          className={`notice ${checkIn.data.alreadyCheckedIn ? 'notice--info' : 'notice--success'} check-in`}
          role="status"
          data-testid="check-in-result"
        >
          <p className="check-in__name">{checkIn.data.registration.name}</p>
          <p>{checkIn.data.alreadyCheckedIn ? t('events.checkIn.already') : t('events.checkIn.done')}</p>
          <p>
            {modeLabel(t, checkIn.data.registration.mode)}
            {checkIn.data.registration.organisation && ` · ${checkIn.data.registration.organisation}`}
          </p>
          {(checkIn.data.registration.dietaryNeeds || checkIn.data.registration.accessibilityNeeds) && (
            <p>{[checkIn.data.registration.dietaryNeeds, checkIn.data.registration.accessibilityNeeds].filter(Boolean).join(' · ')}</p>
          )}
        </div>
      )}
    </div>
  );
}
