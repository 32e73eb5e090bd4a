import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { Loading } from '../../../components/fields.tsx';
import { usePlan } from './api.ts';
import './plans.css';
import { PlanView } from './PlanView.tsx';

/** One service plan: its status and versions, the lifecycle actions, and for leaders the editor of the draft. */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const plan = usePlan(id);
  usePageTitle(plan.data?.title ?? t('servicePlans.plan.title'));
  if (plan.isPending) {
    return (
      <div className="container">
        <h1>{t('servicePlans.plan.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (plan.isError) {
    if (isApiError(plan.error) && (plan.error.status === 404 || plan.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={plan.error} />;
  }
  return <PlanView plan={plan.data} />;
}
