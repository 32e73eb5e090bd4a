import type { Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { sortBy } from '../../api/format.ts';
import { useMunicipalityIndex, useSpace } from '../../api/hooks.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { ErrorSummary, fieldError, Loading, QueryError, SelectField, TextField } from '../../components/fields.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';
import { BalanceView } from './BalanceView.tsx';
import { GROUP_KINDS, groupKindLabel } from './labels.ts';
import { pick } from '../../i18n/labels.ts';

export const groupKeys = { list: (spaceId: string) => ['groups', spaceId] as const, one: (id: string) => ['group', id] as const };

/** A space's working groups, each with its balance against the composition targets. */
export function GroupsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const space = useSpace(id);
  usePageTitle(space.data ? t('groups.titleFor', { name: space.data.name }) : t('groups.title'));
  if (space.isPending) {
    return (
      <div className="container">
        <h1>{t('groups.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  return <GroupsView space={space.data} />;
}

function GroupsView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const groups = useQuery({ queryKey: groupKeys.list(space.id), queryFn: () => api.getSpaceGroups({ params: { id: space.id } }) });
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('groups.titleFor', { name: space.name })}</h1>
      <p className="lead">{t('groups.lead')}</p>
      {groups.isPending ? (
        <Loading />
      ) : groups.isError ? (
        <QueryError error={groups.error} />
      ) : groups.data.length === 0 ? (
        <p className="empty">{t('groups.none')}</p>
      ) : (
        <ul className="cards" data-testid="groups-list">
          {groups.data.map((g) => (
            <li key={g.id} className="card" data-testid="group-card">
              <h2 className="card__title">
                <Link to={`/groups/${g.id}`}>{g.name}</Link>
              </h2>
              <p className="tags">
                <span className="tag">{groupKindLabel(t, g.kind)}</span>
                {g.municipalityName && <span className="tag tag--public">{g.municipalityName}</span>}
                {g.complete && <span className="tag tag--role">{t('groups.completeTag')}</span>}
              </p>
              <p>{t('groups.memberCount', { count: g.memberCount })}</p>
              <BalanceView balance={g.balance} caption={t('groups.balanceCaption', { name: g.name })} />
            </li>
          ))}
        </ul>
      )}
      {space.allowedActions.includes('manage_people') && <CreateGroup space={space} />}
    </div>
  );
}

function CreateGroup({ space }: { space: Space }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const municipalities = useMunicipalityIndex();
  const [v, setV] = useState({ name: '', kind: 'local', municipalityCode: '' });
  const create = useMutation({
    mutationFn: () =>
      api.createGroup({
        params: { id: space.id },
        body: { name: v.name, kind: pick(GROUP_KINDS, v.kind), municipalityCode: v.municipalityCode || null },
      }),
    onSuccess: async (g) => {
      await queryClient.invalidateQueries({ queryKey: groupKeys.list(space.id) });
      await navigate(`/groups/${g.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const labels = { name: t('fields.name'), kind: t('groups.kindLabel'), municipalityCode: t('groups.municipality') };
  return (
    <section className="section panel" aria-labelledby="create-group-heading">
      <h2 id="create-group-heading">{t('groups.createHeading')}</h2>
      <p className="muted">{t('groups.createHint')}</p>
      <ErrorSummary error={create.error} scope="group" labels={labels} />
      <form onSubmit={submit} noValidate data-testid="group-form">
        <TextField
          scope="group"
          label={labels.name}
          name="name"
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.target.value })}
          error={fieldError(create.error, 'name')}
          required
        />
        <div className="form-row">
          <SelectField
            scope="group"
            label={labels.kind}
            name="kind"
            value={v.kind}
            onChange={(e) => setV({ ...v, kind: e.target.value })}
            options={GROUP_KINDS.map((k) => ({ value: k, label: groupKindLabel(t, k) }))}
            error={fieldError(create.error, 'kind')}
          />
          <SelectField
            scope="group"
            label={labels.municipalityCode}
            name="municipalityCode"
            value={v.municipalityCode}
            onChange={(e) => setV({ ...v, municipalityCode: e.target.value })}
            options={[
              { value: '', label: t('groups.noMunicipality') },
              ...sortBy(
                space.municipalityCodes.map((code) => ({ value: code, label: municipalities.get(code)?.name ?? code })),
                (o) => o.label,
              ),
            ]}
            error={fieldError(create.error, 'municipalityCode')}
          />
        </div>
        <button type="submit" className="button" disabled={create.isPending}>
          {t('groups.create')}
        </button>
      </form>
    </section>
  );
}
