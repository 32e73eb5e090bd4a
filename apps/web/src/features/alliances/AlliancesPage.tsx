import type { Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { useSpace } from '../../api/hooks.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { GoalTags, GoalTargetPicker, tagsError } from '../../components/GoalTargetPicker.tsx';
import { CheckboxField, ErrorSummary, fieldError, Loading, QueryError, TextAreaField, TextField } from '../../components/fields.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';
import { allianceKeys } from './shared.tsx';

/** A space's alliances (thematic networks), and for its leaders a form to form one. */
export function AlliancesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const space = useSpace(id);
  usePageTitle(space.data ? t('alliances.titleFor', { name: space.data.name }) : t('alliances.title'));
  if (space.isPending)
    return (
      <div className="container">
        <h1>{t('alliances.title')}</h1>
        <Loading />
      </div>
    );
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  return <AlliancesView space={space.data} />;
}

function AlliancesView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: allianceKeys.ofSpace(space.id), queryFn: () => api.getSpaceAlliances({ params: { id: space.id } }) });
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('alliances.titleFor', { name: space.name })}</h1>
      <p className="lead">{t('alliances.lead')}</p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : list.data.length === 0 ? (
        <p className="empty">{t('alliances.none')}</p>
      ) : (
        <ul className="cards" data-testid="alliances-list">
          {list.data.map((a) => (
            <li key={a.id} className="card">
              <h2 className="card__title">
                <Link to={`/alliances/${a.id}`}>{a.name}</Link>
              </h2>
              {a.purpose && <p>{a.purpose}</p>}
              <GoalTags goals={a.goals} targets={a.targets} />
              <p className="muted">{t('alliances.counts', { members: a.memberCount, initiatives: a.initiativeCount })}</p>
            </li>
          ))}
        </ul>
      )}
      {space.allowedActions.includes('manage_people') && <CreateAlliance space={space} />}
    </div>
  );
}

function CreateAlliance({ space }: { space: Space }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ name: '', purpose: '', public: true, goals: [] as number[], targets: [] as string[] });
  const create = useMutation({
    mutationFn: () => api.createAlliance({ params: { id: space.id }, body: { name: v.name, purpose: v.purpose, public: v.public, goals: v.goals, targets: v.targets } }),
    onSuccess: async (a) => {
      await queryClient.invalidateQueries({ queryKey: allianceKeys.ofSpace(space.id) });
      await navigate(`/alliances/${a.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const labels = { name: t('fields.name'), purpose: t('alliances.purpose'), targets: t('agenda2030.picker.legend') };
  return (
    <section className="section panel" aria-labelledby="create-alliance-heading">
      <h2 id="create-alliance-heading">{t('alliances.createHeading')}</h2>
      <ErrorSummary error={create.error} scope="alliance" labels={labels} />
      <form onSubmit={submit} noValidate data-testid="alliance-form">
        <TextField scope="alliance" label={labels.name} name="name" value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={fieldError(create.error, 'name')} required />
        <TextAreaField scope="alliance" label={labels.purpose} name="purpose" value={v.purpose} onChange={(e) => setV({ ...v, purpose: e.target.value })} error={fieldError(create.error, 'purpose')} rows={3} />
        <CheckboxField scope="alliance" name="public" label={t('alliances.publicLabel')} hint={t('alliances.publicHint')} checked={v.public} onChange={(on) => setV({ ...v, public: on })} />
        <GoalTargetPicker scope="alliance" goals={v.goals} targets={v.targets} onChange={(tags) => setV({ ...v, ...tags })} error={tagsError(create.error)} />
        <button type="submit" className="button" disabled={create.isPending}>
          {t('alliances.create')}
        </button>
      </form>
    </section>
  );
}
