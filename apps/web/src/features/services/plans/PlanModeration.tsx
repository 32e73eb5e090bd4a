import type { ServicePlan } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { Loading, QueryError } from '../../../components/fields.tsx';
import { usePlanComments } from './api.ts';
import { ModeratedComment } from './ModeratedComment.tsx';

export function PlanModeration({ plan }: { plan: ServicePlan }) {
  const { t } = useTranslation();
  const comments = usePlanComments(plan.id);
  return (
    <section aria-labelledby="moderation-heading" className="section">
      <h2 id="moderation-heading">{t('servicePlans.moderation.heading')}</h2>
      {comments.isPending ? (
        <Loading />
      ) : comments.isError ? (
        <QueryError error={comments.error} />
      ) : comments.data.length === 0 ? (
        <p className="muted">{t('servicePlans.moderation.none')}</p>
      ) : (
        <ul className="plain-list">
          {comments.data.map((c) => (
            <ModeratedComment key={c.id} plan={plan} comment={c} />
          ))}
        </ul>
      )}
    </section>
  );
}
