import type { ConsentKind } from '@samhandling/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { QueryError } from '../../components/fields.tsx';

/**
 * A leader withdraws a consent on the person's behalf (asked by phone, on paper): one button,
 * then a confirmation that says what happens. Recorded beside the consent as done by a leader.
 */
export function WithdrawConsentButton({ kind, id, name, onDone }: { kind: ConsentKind; id: string; name: string; onDone: () => unknown }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => api.withdrawConsentOnBehalf({ params: { kind, id } }),
    onSuccess: async () => {
      setConfirming(false);
      await onDone();
    },
  });
  if (!confirming) {
    return (
      <button type="button" className="button button--small button--secondary" onClick={() => setConfirming(true)}>
        {t('privacy.withdraw.button')}
        <span className="visually-hidden"> {name}</span>
      </button>
    );
  }
  return (
    <div className="notice notice--info" role="group" aria-label={t('privacy.withdraw.confirmLabel', { name })}>
      <p>{t(`privacy.withdraw.means.${kind}`)}</p>
      {withdraw.isError && <QueryError error={withdraw.error} />}
      <div className="button-group">
        <button type="button" className="button button--small button--warning" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
          {t('privacy.withdraw.confirm')}
          <span className="visually-hidden"> {name}</span>
        </button>
        <button type="button" className="button button--small button--secondary" onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
