import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryPage } from '../../app/QueryPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
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
  return (
    <QueryPage query={template} heading={t('editors.templates.nav')}>
      {(x) => (
        <div className="container">
          <p>
            <Link to={`/process-templates/${id}`}>{x.name}</Link>
          </p>
          <h1>{t('editors.template.editTitle', { name: x.name })}</h1>
          <p className="lead">{t('editors.template.editorLead')}</p>
          <p>{t('editors.template.startedKeep')}</p>
          {x.allowedActions.includes('update') ? <TemplateEditor spaceId={x.spaceId!} template={x} /> : <p>{t('editors.notAllowed')}</p>}
        </div>
      )}
    </QueryPage>
  );
}
