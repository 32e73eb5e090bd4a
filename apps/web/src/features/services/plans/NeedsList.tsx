import type { PlanNeed } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../api/format.ts';

/** The service needs raised in the villages (from the inputs), each linked to its public timeline. */
export function NeedsList({ spaceId, needs }: { spaceId: string; needs: PlanNeed[] }) {
  const { t } = useTranslation();
  if (needs.length === 0) return <p className="muted" data-testid="needs-empty">{t('servicePlans.view.noNeeds')}</p>;
  return (
    <ul data-testid="needs-list">
      {needs.map((n) => (
        <li key={n.id}>
          <Link to={`/spaces/${spaceId}/inputs/${n.id}`}>{n.title}</Link>
          {n.localityName && ` – ${n.localityName}`} <span className="muted">({t(`inputs.status.${n.status}`, { defaultValue: n.status })}{n.raisedAt && `, ${formatDate(n.raisedAt)}`})</span>
        </li>
      ))}
    </ul>
  );
}
