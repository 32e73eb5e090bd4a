import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../api/format.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading, QueryError, StatusMessage } from '../../components/fields.tsx';

/** The token from the link's fragment (…/consent#token=…): it never reaches a server log. */
function tokenFromHash(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

/**
 * Withdraw a consent through the link in an e-mail, without an account: what the consent
 * covers, what withdrawing means, and one button.
 */
export function ConsentPage() {
  const { t } = useTranslation();
  usePageTitle(t('privacy.consent.title'));
  const [token] = useState(tokenFromHash);
  const info = useQuery({
    queryKey: ['consent-link', token],
    queryFn: () => api.describeConsentLink({ body: { token } }),
    enabled: token !== '',
  });
  const withdraw = useMutation({ mutationFn: () => api.withdrawConsentByLink({ body: { token } }) });
  const current = withdraw.data ?? info.data;
  return (
    <div className="container narrow prose">
      <h1>{t('privacy.consent.title')}</h1>
      {token === '' ? (
        <div className="notice notice--error" role="alert">
          <p>{t('privacy.consent.noToken')}</p>
        </div>
      ) : info.isPending ? (
        <Loading />
      ) : info.isError ? (
        <QueryError error={info.error} />
      ) : current ? (
        <>
          <p className="lead">
            {t(`privacy.consent.about.${current.kind}`, { title: current.title, space: current.spaceName ?? '' })}
          </p>
          {withdraw.isSuccess && <StatusMessage>{t('privacy.consent.done')}</StatusMessage>}
          {current.withdrawnAt ? (
            <p data-testid="consent-withdrawn">{t('privacy.consent.withdrawnAt', { at: formatDateTime(current.withdrawnAt) })}</p>
          ) : (
            <>
              <h2>{t('privacy.consent.meansHeading')}</h2>
              <p>{t(`privacy.consent.means.${current.kind}`)}</p>
              {withdraw.isError && <QueryError error={withdraw.error} />}
              <button type="button" className="button button--warning" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
                {t('privacy.consent.submit')}
              </button>
            </>
          )}
          <p>
            <Link to="/integritet">{t('privacy.footer')}</Link>
          </p>
        </>
      ) : null}
    </div>
  );
}
