import type { Space } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { Loading, QueryError } from '../../components/fields.tsx';
import { SpaceShell } from '../processes/SpaceShell.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';
import { dashboardKeys } from './DashboardPage.tsx';
import { FactsForm } from './FactsForm.tsx';
import { GoalsEditor } from './GoalsEditor.tsx';
import { SpinOffsEditor } from './SpinOffsEditor.tsx';

/** Where a space's leaders write its project facts, goals and spin-off effects; the dashboard shows them. */
export function ProjectFactsPage() {
  const { t } = useTranslation();
  return (
    <SpaceShell title={(s) => (s ? t('editors.facts.title', { name: s.name }) : t('editors.facts.nav'))}>
      {(space) => <FactsView space={space} />}
    </SpaceShell>
  );
}

function FactsView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const dashboard = useQuery({
    queryKey: dashboardKeys.space(space.id),
    queryFn: () => api.getSpaceDashboard({ params: { id: space.id } }),
  });
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('editors.facts.title', { name: space.name })}</h1>
      <p className="lead">{t('editors.facts.lead')}</p>
      <p>
        <Link to={`/spaces/${space.id}/dashboard`}>{t('editors.facts.toDashboard')}</Link>
      </p>
      {dashboard.isPending ? (
        <Loading />
      ) : dashboard.isError ? (
        <QueryError error={dashboard.error} />
      ) : !dashboard.data.allowedActions.includes('manage') ? (
        <p>{t('editors.notAllowed')}</p>
      ) : (
        <>
          <FactsForm spaceId={space.id} dashboard={dashboard.data} />
          <GoalsEditor spaceId={space.id} goals={dashboard.data.goals ?? []} />
          <SpinOffsEditor spaceId={space.id} dashboard={dashboard.data} />
        </>
      )}
    </div>
  );
}
