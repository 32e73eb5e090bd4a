import type { Space } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { formatNumber } from '../../api/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Loading, QueryError } from '../../components/fields.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';
import { SpaceShell } from './SpaceShell.tsx';
import { templateKeys } from './template-queries.ts';

/** A space's process templates: the shipped TALKO process and the space's own. */
export function TemplatesPage() {
  const { t } = useTranslation();
  return (
    <SpaceShell title={(s) => (s ? t('editors.templates.title', { name: s.name }) : t('editors.templates.nav'))}>
      {(space) => <TemplatesView space={space} />}
    </SpaceShell>
  );
}

function TemplatesView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const templates = useQuery({
    queryKey: templateKeys.list(space.id),
    queryFn: () => api.getProcessTemplates({ query: { spaceId: space.id } }),
  });
  const leads = space.allowedActions.includes('manage_people');
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('editors.templates.title', { name: space.name })}</h1>
      <p className="lead">{t('editors.templates.lead')}</p>
      {leads && (
        <p>
          <Link className="button" to={`/spaces/${space.id}/process-templates/new`} data-testid="template-new">
            {t('editors.templates.new')}
          </Link>
        </p>
      )}
      {templates.isPending ? (
        <Loading />
      ) : templates.isError ? (
        <QueryError error={templates.error} />
      ) : (
        <DataTable
          caption={t('editors.templates.caption')}
          testId="templates-table"
          rows={templates.data}
          rowKey={(x) => x.id}
          columns={[
            {
              key: 'name',
              header: t('editors.templates.name'),
              rowHeader: true,
              cell: (x) => <Link to={`/process-templates/${x.id}?space=${space.id}`}>{x.name}</Link>,
            },
            {
              key: 'origin',
              header: t('editors.templates.origin'),
              cell: (x) => (x.builtIn ? t('editors.templates.builtIn') : t('editors.templates.own')),
            },
            { key: 'phases', header: t('editors.templates.phases'), numeric: true, cell: (x) => formatNumber(x.phases.length) },
            {
              key: 'steps',
              header: t('editors.templates.steps'),
              numeric: true,
              cell: (x) => formatNumber(x.phases.reduce((n, p) => n + p.steps.length, 0)),
            },
          ]}
        />
      )}
      <p>
        <Link to={`/spaces/${space.id}/processes`}>{t('editors.templates.toProcesses')}</Link>
      </p>
    </div>
  );
}
