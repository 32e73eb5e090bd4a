import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { keys } from '../../api/hooks.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { SpaceForm, type SpaceFormValues } from './SpaceForm.tsx';

export function CreateSpacePage() {
  const { t } = useTranslation();
  usePageTitle(t('createSpace.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (values: SpaceFormValues) => api.createSpace({ body: values }),
    onSuccess: async (space) => {
      queryClient.setQueryData(keys.space(space.id), space);
      await queryClient.invalidateQueries({ queryKey: ['spaces'] });
      await queryClient.invalidateQueries({ queryKey: keys.me });
      await navigate(`/spaces/${space.id}?created=1`);
    },
  });
  return (
    <div className="container narrow">
      <p className="breadcrumbs">
        <Link to="/">{t('nav.spaces')}</Link>
      </p>
      <h1>{t('createSpace.title')}</h1>
      <p className="lead">{t('createSpace.lead')}</p>
      <SpaceForm
        initial={{ name: '', description: '', kind: 'project', visibility: 'public', joinPolicy: 'invitation', municipalityCodes: [], goals: [], targets: [] }}
        onSubmit={(values) => create.mutate(values)}
        error={create.error}
        pending={create.isPending}
        submitLabel={t('createSpace.submit')}
      />
    </div>
  );
}
