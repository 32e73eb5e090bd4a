import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading } from '../../components/fields.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';
import { SpaceShell } from './SpaceShell.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import { useTemplate } from './template-queries.ts';

/** Write a new template for a space (`/spaces/:id/process-templates/new`). */
export function NewTemplatePage() {
  const { t } = useTranslation();
  return (
    <SpaceShell title={() => t('editors.template.newTitle')}>
      {(space) => (
        <div className="container">
          <SpaceSubnav space={space} />
          <h1>{t('editors.template.newTitle')}</h1>
          <p className="lead">{t('editors.template.editorLead')}</p>
          {space.allowedActions.includes('manage_people') ? <TemplateEditor spaceId={space.id} /> : <p>{t('editors.notAllowed')}</p>}
        </div>
      )}
    </SpaceShell>
  );
}

/** Rewrite a space's template (`/process-templates/:id/edit`). */
export function EditTemplatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const template = useTemplate(id);
  usePageTitle(template.data ? t('editors.template.editTitle', { name: template.data.name }) : t('editors.templates.nav'));
  if (template.isPending)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (template.isError) {
    if (isApiError(template.error) && template.error.status === 404) return <NotFoundPage />;
    return <ErrorView error={template.error} />;
  }
  return (
    <div className="container">
      <p>
        <Link to={`/process-templates/${id}`}>{template.data.name}</Link>
      </p>
      <h1>{t('editors.template.editTitle', { name: template.data.name })}</h1>
      <p className="lead">{t('editors.template.editorLead')}</p>
      <p>{t('editors.template.startedKeep')}</p>
      {template.data.allowedActions.includes('update') ? (
        <TemplateEditor spaceId={template.data.spaceId!} template={template.data} />
      ) : (
        <p>{t('editors.notAllowed')}</p>
      )}
    </div>
  );
}
