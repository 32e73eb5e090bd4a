import type { Group, GroupAction } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { sortBy } from '../../api/format.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { CheckboxField, ErrorSummary, fieldError, Loading, SelectField, StatusMessage, TextField } from '../../components/fields.tsx';
import { ageGroupLabel, sectorLabel } from '../actors/labels.ts';
import { BalanceView } from './BalanceView.tsx';
import { groupKeys } from './GroupsPage.tsx';
import { BALANCE_KEYS, balanceLabel, groupKindLabel } from './labels.ts';
import { SpaceSubnavFor } from '../spaces/SpaceSubnav.tsx';

/** One working group: its balance view, members (for leaders), targets and adding members. */
export function GroupPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const group = useQuery({ queryKey: groupKeys.one(id), queryFn: () => api.getGroup({ params: { id } }), retry: false });
  usePageTitle(group.data?.name ?? t('groups.group'));
  if (group.isPending) {
    return (
      <div className="container">
        <h1>{t('groups.group')}</h1>
        <Loading />
      </div>
    );
  }
  if (group.isError) {
    if (isApiError(group.error) && (group.error.status === 404 || group.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={group.error} />;
  }
  return <GroupView group={group.data} />;
}

function GroupView({ group }: { group: Group }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const can = (a: GroupAction) => group.allowedActions.includes(a);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: groupKeys.one(group.id) }),
      queryClient.invalidateQueries({ queryKey: groupKeys.list(group.spaceId) }),
    ]);
  const remove = useMutation({
    mutationFn: (personId: string) => api.removeGroupMember({ params: { id: group.id, personId } }),
    onSuccess: async () => {
      setMessage(t('groups.removed'));
      await refresh();
    },
  });
  return (
    <div className="container">
      <SpaceSubnavFor spaceId={group.spaceId} />
      <p className="breadcrumbs">
        <Link to={`/spaces/${group.spaceId}/groups`}>{t('groups.back')}</Link>
      </p>
      <h1>{group.name}</h1>
      <p className="tags">
        <span className="tag">{groupKindLabel(t, group.kind)}</span>
        {group.municipalityName && <span className="tag tag--public">{group.municipalityName}</span>}
      </p>
      {group.description && <p className="description">{group.description}</p>}
      {message && <StatusMessage>{message}</StatusMessage>}
      <section className="section" aria-labelledby="balance-heading">
        <h2 id="balance-heading">{t('groups.balanceHeading')}</h2>
        <BalanceView balance={group.balance} caption={t('groups.balanceCaption', { name: group.name })} />
      </section>
      <section className="section" aria-labelledby="members-heading">
        <h2 id="members-heading">{t('groups.membersHeading', { count: group.memberCount })}</h2>
        {group.members === null ? (
          <>
            <p>{group.organisations.length > 0 ? t('groups.membersHidden') : t('inviting.groups.noOrganisations')}</p>
            <ul className="plain-list">
              {group.organisations.map((o) => (
                <li key={o.id}>
                  <Link to={`/organisations/${o.id}`}>{o.name}</Link> ({sectorLabel(t, o.sector)})
                </li>
              ))}
            </ul>
          </>
        ) : (
          <DataTable
            caption={t('groups.membersCaption', { name: group.name })}
            captionHidden
            testId="group-members"
            rows={group.members}
            rowKey={(m) => m.personId}
            empty={t('groups.noMembers')}
            columns={[
              { key: 'name', header: t('fields.name'), rowHeader: true, cell: (m) => m.name },
              {
                key: 'organisation',
                header: t('groups.organisation'),
                cell: (m) => (m.organisationId ? <Link to={`/organisations/${m.organisationId}`}>{m.organisationName}</Link> : '–'),
              },
              { key: 'sector', header: t('groups.sector'), cell: (m) => (m.sector ? sectorLabel(t, m.sector) : '–') },
              { key: 'role', header: t('groups.role'), cell: (m) => m.role || '–' },
              { key: 'youth', header: t('groups.youth'), cell: (m) => (m.youthRepresentative ? t('groups.yes') : '–') },
              { key: 'age', header: t('groups.ageGroup'), cell: (m) => ageGroupLabel(t, m.ageGroup) },
              ...(can('manage_members')
                ? [
                    {
                      key: 'actions',
                      header: <span className="visually-hidden">{t('common.actions')}</span>,
                      cell: (m: { personId: string; name: string }) => (
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          disabled={remove.isPending}
                          onClick={() => remove.mutate(m.personId)}
                        >
                          {t('common.remove')}
                          <span className="visually-hidden"> {m.name}</span>
                        </button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
        {group.members !== null && <p className="muted">{t('groups.networkHint')}</p>}
      </section>
      {can('manage_members') && (
        <AddMember
          group={group}
          onAdded={async (name) => {
            setMessage(t('groups.added', { name }));
            await refresh();
          }}
        />
      )}
      {can('update') && (
        <TargetsForm
          group={group}
          onSaved={async () => {
            setMessage(t('groups.targetsSaved'));
            await refresh();
          }}
        />
      )}
    </div>
  );
}

function AddMember({ group, onAdded }: { group: Group; onAdded: (name: string) => Promise<void> }) {
  const { t } = useTranslation();
  const people = useQuery({
    queryKey: ['people', group.spaceId],
    queryFn: () => api.getPeople({ query: { space: group.spaceId } }),
  });
  const [personId, setPersonId] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState('');
  const [youth, setYouth] = useState(false);
  const candidates = sortBy(
    (people.data ?? []).filter((p) => !group.members?.some((m) => m.personId === p.id)),
    (p) => p.name,
  );
  const chosen = candidates.find((p) => p.id === personId);
  const add = useMutation({
    mutationFn: () =>
      api.addGroupMember({ params: { id: group.id }, body: {
          personId: personId || undefined,
          organisationId: organisationId || null,
          role: role.trim() || undefined,
          youthRepresentative: youth,
        } }),
    onSuccess: async () => {
      const name = chosen?.name ?? '';
      setPersonId('');
      setOrganisationId('');
      setRole('');
      setYouth(false);
      await onAdded(name);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <section className="section panel" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">{t('groups.addHeading')}</h2>
      <p className="muted">
        {t('groups.addHint')} <Link to={`/spaces/${group.spaceId}/people`}>{t('groups.peopleLink')}</Link>
      </p>
      <ErrorSummary error={add.error} scope="member" labels={{ personId: t('groups.person'), organisationId: t('groups.organisation') }} />
      <form onSubmit={submit} noValidate data-testid="member-form">
        <div className="form-row">
          <SelectField
            scope="member"
            label={t('groups.person')}
            name="personId"
            value={personId}
            onChange={(e) => {
              const p = candidates.find((x) => x.id === e.target.value);
              setPersonId(e.target.value);
              setOrganisationId(p?.affiliations[0]?.organisationId ?? '');
              setRole(p?.affiliations[0]?.role ?? '');
              setYouth(p?.youthRepresentative ?? false);
            }}
            options={[{ value: '', label: t('common.choose') }, ...candidates.map((p) => ({ value: p.id, label: p.name }))]}
            error={fieldError(add.error, 'personId')}
            required
          />
          <SelectField
            scope="member"
            label={t('groups.organisation')}
            name="organisationId"
            value={organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
            options={[
              { value: '', label: t('groups.noOrganisation') },
              ...(chosen?.affiliations ?? []).map((a) => ({ value: a.organisationId, label: a.organisationName })),
            ]}
            error={fieldError(add.error, 'organisationId')}
          />
        </div>
        <TextField scope="member" label={t('groups.role')} name="role" value={role} onChange={(e) => setRole(e.target.value)} />
        <CheckboxField
          scope="member"
          name="youthRepresentative"
          label={t('groups.youthRepresentative')}
          checked={youth}
          onChange={setYouth}
        />
        <button type="submit" className="button" disabled={add.isPending}>
          {t('groups.add')}
        </button>
      </form>
    </section>
  );
}

function TargetsForm({ group, onSaved }: { group: Group; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const [targets, setTargets] = useState<Record<string, string>>(
    Object.fromEntries(BALANCE_KEYS.map((k) => [k, String(group.targets[k])])),
  );
  const save = useMutation({
    mutationFn: () =>
      api.patchGroup({ params: { id: group.id }, body: { targets: Object.fromEntries(BALANCE_KEYS.map((k) => [k, targets[k]!.trim() === '' ? Number.NaN : Number(targets[k])])) } }),
    onSuccess: onSaved,
  });
  const labels = Object.fromEntries(BALANCE_KEYS.map((k) => [`targets.${k}`, balanceLabel(t, k)]));
  return (
    <section className="section panel" aria-labelledby="targets-heading">
      <h2 id="targets-heading">{t('groups.targetsHeading')}</h2>
      <p className="muted">{t('groups.targetsHint')}</p>
      <ErrorSummary error={save.error} scope="targets" labels={labels} />
      <form
        noValidate
        data-testid="targets-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <div className="form-row">
          {BALANCE_KEYS.map((k) => (
            <TextField
              key={k}
              scope="targets"
              className="field--narrow"
              label={balanceLabel(t, k)}
              name={`targets.${k}`}
              inputMode="numeric"
              value={targets[k]}
              onChange={(e) => setTargets({ ...targets, [k]: e.target.value })}
              error={fieldError(save.error, `targets.${k}`)}
            />
          ))}
        </div>
        <button type="submit" className="button" disabled={save.isPending}>
          {t('groups.saveTargets')}
        </button>
      </form>
    </section>
  );
}
