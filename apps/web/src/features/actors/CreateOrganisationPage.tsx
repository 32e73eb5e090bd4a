import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { keys } from '../../api/hooks.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { actorKeys } from './api.ts';
import { emptyOrganisation, OrganisationForm, type OrganisationValues } from './OrganisationForm.tsx';

/** A new organisation in the registry; from a space's network page it joins that space too. */
export function CreateOrganisationPage() {
  const { t } = useTranslation();
  usePageTitle(t('organisations.createTitle'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const spaceId = params.get('space') ?? '';
  const space = useQuery({ queryKey: keys.space(spaceId), queryFn: () => api.getSpace({ params: { id: spaceId } }), enabled: spaceId !== '', retry: false });
  const inSpace = spaceId !== '' && space.data?.allowedActions.includes('manage_organisations');
  const create = useMutation({
    mutationFn: async ({ values, confirmDuplicate }: { values: OrganisationValues; confirmDuplicate: boolean }) => {
      const created = await api.createOrganisation({ body: { ...values, ...(confirmDuplicate ? { confirmDuplicate } : {}) } });
      if (inSpace) await api.addSpaceOrganisation({ params: { id: spaceId }, body: { organisationId: created.id } });
      return created;
    },
    onSuccess: async (created) => {
      queryClient.setQueryData(actorKeys.organisation(created.id), created);
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      if (inSpace) {
        await queryClient.invalidateQueries({ queryKey: ['network', spaceId] });
        await queryClient.invalidateQueries({ queryKey: actorKeys.spaceOrganisations(spaceId) });
        await navigate(`/spaces/${spaceId}/network?added=${created.id}`);
      } else {
        await navigate(`/organisations/${created.id}?created=1`);
      }
    },
  });
  return (
    <div className="container narrow">
      <p className="breadcrumbs">
        {inSpace && space.data ? (
          <Link to={`/spaces/${spaceId}/network`}>{t('network.titleFor', { name: space.data.name })}</Link>
        ) : (
          <Link to="/organisations">{t('organisations.title')}</Link>
        )}
      </p>
      <h1>{t('organisations.createTitle')}</h1>
      <p className="lead">{inSpace && space.data ? t('organisations.createLeadSpace', { name: space.data.name }) : t('organisations.createLead')}</p>
      <OrganisationForm
        initial={emptyOrganisation}
        scope="org"
        submitLabel={t('organisations.create')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(values, confirmDuplicate) => create.mutate({ values, confirmDuplicate })}
      />
    </div>
  );
}
