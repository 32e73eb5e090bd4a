import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading, QueryError, StatusMessage } from '../../components/fields.tsx';

/** The e-mailed links of a volunteer's sign-up (#token=…, never sent to the server in the address): confirm or cancel. */
export function VolunteerLinkPage({ action }: { action: 'confirm' | 'cancel' }) {
  const { t } = useTranslation();
  usePageTitle(action === 'confirm' ? t('alliances.confirmTitle') : t('alliances.cancelTitle'));
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const run = useMutation({
    mutationFn: () => (action === 'confirm' ? api.confirmVolunteerSignup({ body: { token } }) : api.cancelVolunteerSignup({ body: { token } })),
  });
  useEffect(() => {
    if (action === 'confirm' && token) run.mutate();
  }, []);
  return (
    <div className="container">
      <h1>{action === 'confirm' ? t('alliances.confirmTitle') : t('alliances.cancelTitle')}</h1>
      {run.isPending && <Loading />}
      {run.isError && <QueryError error={run.error} />}
      {run.isSuccess && <StatusMessage>{run.data.status === 'confirmed' ? t('alliances.confirmed', { title: run.data.callTitle }) : t('alliances.cancelled', { title: run.data.callTitle })}</StatusMessage>}
      {action === 'cancel' && !run.isSuccess && (
        <>
          <p>{t('alliances.cancelQuestion')}</p>
          <button type="button" className="button" onClick={() => run.mutate()} disabled={run.isPending || !token}>
            {t('alliances.cancelButton')}
          </button>
        </>
      )}
      <p>
        <Link to="/initiatives">{t('alliances.toDirectory')}</Link>
      </p>
    </div>
  );
}
