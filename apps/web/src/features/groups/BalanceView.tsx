import type { BalanceLine } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../api/format.ts';
import { balanceLabel } from './labels.ts';

/** Aimed for, present and missing per sector and for youth: what the group still needs, in words and a bar. */
export function BalanceView({ balance, caption }: { balance: BalanceLine[]; caption: string }) {
  const { t } = useTranslation();
  const lines = balance.filter((l) => l.target > 0 || l.actual > 0);
  const missing = lines.filter((l) => l.missing > 0);
  return (
    <div className="balance" data-testid="balance">
      <p className="balance__summary">
        {missing.length === 0
          ? t('groups.balanceComplete')
          : t('groups.balanceMissing', {
              list: missing.map((l) => `${formatNumber(l.missing)} ${balanceLabel(t, l.key).toLocaleLowerCase('sv')}`).join(', '),
            })}
      </p>
      <table className="table table--compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('groups.balanceKind')}</th>
            <th scope="col" className="numeric">
              {t('groups.target')}
            </th>
            <th scope="col" className="numeric">
              {t('groups.actual')}
            </th>
            <th scope="col" className="numeric">
              {t('groups.missing')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key}>
              <th scope="row">
                <span className={`sector__dot sector__dot--${l.key}`} aria-hidden="true" /> {balanceLabel(t, l.key)}
              </th>
              <td className="numeric">{formatNumber(l.target)}</td>
              <td className="numeric">{formatNumber(l.actual)}</td>
              <td className="numeric">{l.missing > 0 ? <strong>{formatNumber(l.missing)}</strong> : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
