import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading, QueryError, StatusMessage } from '../../components/fields.tsx';
import { useHashToken } from '../auth/session.ts';

/**
 * The page behind every mail's unsubscribe link: no sign-in, one button (a link opened by a mail
 * scanner must not unsubscribe anyone, so it takes a click; mail programs use the one-click POST).
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  usePageTitle(t('newsNotify.unsubscribe.title'));
  const token = useHashToken();
  const unsubscribe = useMutation({ mutationFn: () => api.unsubscribe({ body: { token: token ?? '' } }) });
  return (
    <div className="container narrow prose">
      <h1>{t('newsNotify.unsubscribe.title')}</h1>
      {!token ? (
        <div className="notice notice--error" role="alert">
          <p>{t('newsNotify.unsubscribe.noToken')}</p>
        </div>
      ) : unsubscribe.isSuccess ? (
        <StatusMessage>{t(`newsNotify.unsubscribe.done.${unsubscribe.data.scope}`, { kind: unsubscribe.data.kind ? t(`newsNotify.kinds.${unsubscribe.data.kind}`, { defaultValue: '' }) : '' })}</StatusMessage>
      ) : (
        <>
          <p className="lead">{t('newsNotify.unsubscribe.lead')}</p>
          {unsubscribe.isError && <QueryError error={unsubscribe.error} />}
          <button type="button" className="button" disabled={unsubscribe.isPending} onClick={() => unsubscribe.mutate()}>
            {t('newsNotify.unsubscribe.submit')}
          </button>
        </>
      )}
      <p>
        <Link to="/me/notifications">{t('newsNotify.unsubscribe.settings')}</Link>
      </p>
    </div>
  );
}

/** Where the double opt-in mail leads: confirming an e-mail follow of a space's news. */
export function FollowConfirmPage() {
  const { t } = useTranslation();
  usePageTitle(t('newsNotify.confirm.title'));
  const token = useHashToken();
  const confirm = useMutation({ mutationFn: () => api.confirmFollow({ body: { token: token ?? '' } }) });
  const { mutate } = confirm;
  useEffect(() => {
    if (token) mutate();
  }, [token, mutate]);
  return (
    <div className="container narrow prose">
      <h1>{t('newsNotify.confirm.title')}</h1>
      {!token ? (
        <div className="notice notice--error" role="alert">
          <p>{t('newsNotify.unsubscribe.noToken')}</p>
        </div>
      ) : confirm.isSuccess ? (
        <>
          <StatusMessage>{t('newsNotify.confirm.done', { name: confirm.data.label })}</StatusMessage>
          <p>
            <Link to={`/spaces/${confirm.data.targetId}/news`}>{t('newsNotify.confirm.read', { name: confirm.data.label })}</Link>
          </p>
        </>
      ) : confirm.isError ? (
        <QueryError error={confirm.error} />
      ) : (
        <Loading />
      )}
    </div>
  );
}
