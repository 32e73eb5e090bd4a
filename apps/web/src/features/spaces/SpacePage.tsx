import type { Invitation, Member, Space, SpaceAction } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { formatDate, formatDateTime, sortBy } from '../../api/format.ts';
import { keys, useMe, useSpace } from '../../api/hooks.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorSummary, fieldError, Loading, QueryError, SelectField, StatusMessage, TextField } from '../../components/fields.tsx';
import { MunicipalityList } from '../../components/MunicipalityList.tsx';
import { MunicipalityMap } from '../../components/MunicipalityMap.tsx';
// inputs
import { SpaceInputsSection } from '../dialogues/inputs/SpaceInputsSection.tsx';
import { kindLabel, roleLabel, SPACE_ROLES, visibilityLabel } from './labels.ts';
import { pick } from '../../i18n/labels.ts';
import { SpaceForm, type SpaceFormValues } from './SpaceForm.tsx';
import { SpacePlansSection } from '../services/plans/SpacePlansSection.tsx';

export function SpacePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const space = useSpace(id);
  usePageTitle(space.data?.name ?? t('space.title'));
  if (space.isPending) {
    return (
      <div className="container">
        <h1>{t('space.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  return <SpaceView space={space.data} />;
}

function SpaceView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const can = (action: SpaceAction) => space.allowedActions.includes(action);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="container">
      <p className="breadcrumbs">
        <Link to="/">{t('nav.spaces')}</Link>
      </p>
      <h1>{space.name}</h1>
      <p className="tags">
        <span className="tag">{kindLabel(t, space.kind)}</span>
        <span className={`tag ${space.visibility === 'members' ? 'tag--private' : 'tag--public'}`}>
          {visibilityLabel(t, space.visibility)}
        </span>
        {space.archived && <span className="tag tag--archived">{t('space.archived')}</span>}
        {space.myRole && <span className="tag tag--role">{t('space.yourRole', { role: roleLabel(t, space.myRole) })}</span>}
      </p>
      {params.get('created') && <StatusMessage>{t('space.createdNotice')}</StatusMessage>}
      {params.get('joined') && (
        <StatusMessage>{t('space.joinedNotice', { role: space.myRole ? roleLabel(t, space.myRole) : '' })}</StatusMessage>
      )}
      {saved && <StatusMessage>{saved}</StatusMessage>}
      {space.archived && <div className="notice notice--info">{t('space.archivedNotice')}</div>}

      <div className="space-layout">
        <section aria-labelledby="about-heading" className="section">
          <h2 id="about-heading">{t('space.about')}</h2>
          {space.description ? <p className="description">{space.description}</p> : <p className="muted">{t('space.noDescription')}</p>}
          <dl className="facts">
            <div>
              <dt>{t('space.fields.kind')}</dt>
              <dd>{kindLabel(t, space.kind)}</dd>
            </div>
            <div>
              <dt>{t('space.fields.visibility')}</dt>
              <dd>{visibilityLabel(t, space.visibility)}</dd>
            </div>
            <div>
              <dt>{t('space.members')}</dt>
              <dd>{space.memberCount}</dd>
            </div>
            <div>
              <dt>{t('space.created')}</dt>
              <dd>{formatDate(space.createdAt)}</dd>
            </div>
          </dl>
          {(can('update') || can('archive') || can('restore')) && (
            <SpaceAdminActions space={space} editing={editing} setEditing={setEditing} onSaved={setSaved} />
          )}
        </section>
        <section aria-labelledby="geo-heading" className="section">
          <h2 id="geo-heading">{t('space.geography')}</h2>
          <MunicipalityMap codes={space.municipalityCodes} label={t('space.mapLabel', { name: space.name })} />
          <MunicipalityList
            codes={space.municipalityCodes}
            caption={t('space.municipalityListCaption', { count: space.municipalityCodes.length })}
          />
        </section>
      </div>
      {editing && can('update') && (
        <section aria-labelledby="edit-heading" className="section panel">
          <h2 id="edit-heading">{t('space.editHeading')}</h2>
          <EditSpace
            space={space}
            onDone={(message) => {
              setEditing(false);
              setSaved(message);
            }}
          />
        </section>
      )}
      <ActorsSection space={space} />
      <SpacePlansSection space={space} />
      {/* groups and events (helper D) */}
      <section aria-labelledby="dialogues-heading" className="section">
        <h2 id="dialogues-heading">{t('events.spaceHeading')}</h2>
        <ul className="link-cards">
          <li>
            <Link to={`/spaces/${space.id}/groups`}>{t('groups.spaceLink')}</Link>
            <span className="muted">{t('groups.spaceText')}</span>
          </li>
          <li>
            <Link to={`/spaces/${space.id}/events`}>{t('events.spaceLink')}</Link>
            <span className="muted">{t('events.spaceText')}</span>
          </li>
        </ul>
      </section>
      {/* inputs */}
      <SpaceInputsSection space={space} />
      {can('view_members') ? <MembersSection space={space} /> : <MembersHint space={space} />}
      {can('invite') && <InviteSection space={space} />}
    </div>
  );
}

function ActorsSection({ space }: { space: Space }) {
  const { t } = useTranslation();
  const can = (action: SpaceAction) => space.allowedActions.includes(action);
  return (
    <section aria-labelledby="actors-heading" className="section">
      <h2 id="actors-heading">{t('spaceNav.heading')}</h2>
      <p>{t('spaceNav.lead')}</p>
      <ul className="link-cards">
        <li>
          <Link to={`/spaces/${space.id}/network`}>{t('spaceNav.networkLink')}</Link>
          <span className="muted">{t('spaceNav.networkText')}</span>
        </li>
        {/* service points (helper A) */}
        <li>
          <Link to={`/spaces/${space.id}/services`}>{t('servicePoints.spaceLink')}</Link>
          <span className="muted">{t('servicePoints.spaceLinkText')}</span>
        </li>
        {can('manage_people') && (
          <li>
            <Link to={`/spaces/${space.id}/people`}>{t('spaceNav.peopleLink')}</Link>
            <span className="muted">{t('spaceNav.peopleText')}</span>
          </li>
        )}
        {can('run_surveys') && (
          <li>
            <Link to={`/spaces/${space.id}/surveys`}>{t('spaceNav.surveysLink')}</Link>
            <span className="muted">{t('spaceNav.surveysText')}</span>
          </li>
        )}
        {/* services: accessibility analyses and scenarios */}
        <li>
          <Link to={`/spaces/${space.id}/analyses`}>{t('analyses.spaceLink')}</Link>
          <span className="muted">{t('analyses.spaceLinkText')}</span>
        </li>
      </ul>
    </section>
  );
}

function MembersHint({ space }: { space: Space }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <section aria-labelledby="members-heading" className="section">
      <h2 id="members-heading">{t('members.heading')}</h2>
      <p>
        {t('members.hidden', { count: space.memberCount })}{' '}
        {!me && <Link to={`/sign-in?returnTo=${encodeURIComponent(`/spaces/${space.id}`)}`}>{t('members.signInToSee')}</Link>}
      </p>
    </section>
  );
}

function SpaceAdminActions({
  space,
  editing,
  setEditing,
  onSaved,
}: {
  space: Space;
  editing: boolean;
  setEditing: (v: boolean) => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: (archived: boolean) => api.patchSpace({ params: { id: space.id }, body: { archived } }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.space(space.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['spaces'] });
      onSaved(updated.archived ? t('space.archivedDone') : t('space.restoredDone'));
    },
  });
  return (
    <div className="actions">
      {space.allowedActions.includes('update') && (
        <button type="button" className="button button--secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {editing ? t('space.cancelEdit') : t('space.edit')}
        </button>
      )}
      {space.allowedActions.includes('archive') && (
        <button
          type="button"
          className="button button--warning"
          disabled={archive.isPending}
          onClick={() => {
            if (window.confirm(t('space.archiveConfirm', { name: space.name }))) archive.mutate(true);
          }}
        >
          {t('space.archive')}
        </button>
      )}
      {space.allowedActions.includes('restore') && (
        <button type="button" className="button button--secondary" disabled={archive.isPending} onClick={() => archive.mutate(false)}>
          {t('space.restore')}
        </button>
      )}
      {archive.isError && <QueryError error={archive.error} />}
    </div>
  );
}

function EditSpace({ space, onDone }: { space: Space; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const first = useRef<HTMLDivElement>(null);
  // Opening the form moves focus to its first field.
  useEffect(() => {
    first.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);
  const save = useMutation({
    mutationFn: (values: SpaceFormValues) => api.patchSpace({ params: { id: space.id }, body: values }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.space(space.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['spaces'] });
      onDone(t('space.savedDone'));
    },
  });
  return (
    <div ref={first}>
      <SpaceForm
        initial={{
          name: space.name,
          description: space.description,
          kind: space.kind,
          visibility: space.visibility,
          municipalityCodes: space.municipalityCodes,
        }}
        onSubmit={(values) => save.mutate(values)}
        error={save.error}
        pending={save.isPending}
        submitLabel={t('space.save')}
      />
    </div>
  );
}

function MembersSection({ space }: { space: Space }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [message, setMessage] = useState<string | null>(null);
  const members = useQuery({
    queryKey: ['members', space.id],
    queryFn: () => api.getMembers({ params: { id: space.id } }),
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['members', space.id] });
    await queryClient.invalidateQueries({ queryKey: keys.space(space.id) });
  };
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: string }) =>
      api.changeMemberRole({ params: { id: space.id, userId }, body: { role: pick(SPACE_ROLES, role) } }),
    onSuccess: async (m) => {
      setMessage(t('members.roleChanged', { name: m.name, role: roleLabel(t, m.role) }));
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (m: Member) => api.removeMember({ params: { id: space.id, userId: m.userId } }),
    onSuccess: async (_data, m) => {
      if (m.userId === me?.id) {
        await queryClient.invalidateQueries();
        await navigate('/');
        return;
      }
      setMessage(t('members.removed', { name: m.name }));
      await refresh();
    },
  });
  const rows = sortBy(members.data ?? [], (m) => m.name);
  const showEmail = rows.some((m) => m.email);
  return (
    <section aria-labelledby="members-heading" className="section">
      <h2 id="members-heading">{t('members.heading')}</h2>
      {message && <StatusMessage>{message}</StatusMessage>}
      {(changeRole.error || remove.error) && <QueryError error={changeRole.error ?? remove.error} />}
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <QueryError error={members.error} />
      ) : (
        <DataTable
          caption={t('members.caption', { name: space.name })}
          captionHidden
          testId="members-table"
          rows={rows}
          rowKey={(m) => m.userId}
          columns={[
            {
              key: 'name',
              header: t('fields.name'),
              rowHeader: true,
              cell: (m) => (m.userId === me?.id ? `${m.name} (${t('members.you')})` : m.name),
            },
            ...(showEmail ? [{ key: 'email', header: t('fields.email'), cell: (m: Member) => m.email ?? '–' }] : []),
            {
              key: 'role',
              header: t('members.role'),
              cell: (m) =>
                m.allowedActions.includes('change_role') ? (
                  <RoleSelect
                    member={m}
                    onChange={(role) => changeRole.mutate({ userId: m.userId, role })}
                    disabled={changeRole.isPending}
                  />
                ) : (
                  roleLabel(t, m.role)
                ),
            },
            { key: 'joined', header: t('members.joined'), cell: (m) => formatDate(m.joinedAt) },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('common.actions')}</span>,
              cell: (m) =>
                m.allowedActions.includes('remove') ? (
                  <button
                    type="button"
                    className="button button--small button--warning"
                    disabled={remove.isPending}
                    onClick={() => {
                      const self = m.userId === me?.id;
                      if (
                        window.confirm(
                          self ? t('members.leaveConfirm', { space: space.name }) : t('members.removeConfirm', { name: m.name }),
                        )
                      )
                        remove.mutate(m);
                    }}
                  >
                    {m.userId === me?.id ? t('members.leave') : t('members.remove', { name: m.name })}
                  </button>
                ) : null,
            },
          ]}
        />
      )}
    </section>
  );
}

function RoleSelect({ member, onChange, disabled }: { member: Member; onChange: (role: string) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<string>(member.role);
  const id = `role-${member.userId}`;
  return (
    <div className="inline-form">
      <label htmlFor={id} className="visually-hidden">
        {t('members.roleFor', { name: member.name })}
      </label>
      <select id={id} className="input select input--small" value={role} onChange={(e) => setRole(e.target.value)}>
        {SPACE_ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabel(t, r)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--small button--secondary"
        disabled={disabled || role === member.role}
        onClick={() => onChange(role)}
      >
        {t('members.changeRole')}
        <span className="visually-hidden"> {member.name}</span>
      </button>
    </div>
  );
}

function InviteSection({ space }: { space: Space }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('member');
  const [sent, setSent] = useState<string | null>(null);
  const manage = space.allowedActions.includes('manage_members');
  const roles = manage ? SPACE_ROLES : (['member', 'observer'] as const);
  const invitations = useQuery({
    queryKey: ['invitations', space.id],
    queryFn: () => api.getInvitations({ params: { id: space.id } }),
  });
  const invite = useMutation({
    mutationFn: () => api.inviteMember({ params: { id: space.id }, body: { email, role: pick(SPACE_ROLES, role) } }),
    onSuccess: async () => {
      setSent(t('invite.sent', { email }));
      setEmail('');
      await queryClient.invalidateQueries({ queryKey: ['invitations', space.id] });
      await queryClient.invalidateQueries({ queryKey: ['members', space.id] });
    },
  });
  const revoke = useMutation({
    mutationFn: (inv: Invitation) => api.revokeInvitation({ params: { id: space.id, invitationId: inv.id } }),
    onSuccess: async (_d, inv) => {
      setSent(t('invite.revoked', { email: inv.email }));
      await queryClient.invalidateQueries({ queryKey: ['invitations', space.id] });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    invite.mutate();
  };
  const list = [...(invitations.data ?? [])].sort((a, b) =>
    a.status === b.status ? b.createdAt.localeCompare(a.createdAt) : a.status === 'pending' ? -1 : 1,
  );
  return (
    <section aria-labelledby="invite-heading" className="section panel">
      <h2 id="invite-heading">{t('invite.heading')}</h2>
      <p>{t('invite.lead')}</p>
      {sent && <StatusMessage>{sent}</StatusMessage>}
      <ErrorSummary error={invite.error} scope="invite" labels={{ email: t('fields.email'), role: t('members.role') }} />
      <form onSubmit={onSubmit} noValidate className="form-row" data-testid="invite-form">
        <TextField
          scope="invite"
          label={t('fields.email')}
          name="email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(invite.error, 'email')}
          required
        />
        <SelectField
          scope="invite"
          label={t('members.role')}
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
          error={fieldError(invite.error, 'role')}
        />
        <div className="form-row__submit">
          <button type="submit" className="button" disabled={invite.isPending}>
            {t('invite.submit')}
          </button>
        </div>
      </form>
      <h3>{t('invite.listHeading')}</h3>
      {revoke.isError && <QueryError error={revoke.error} />}
      {invitations.isPending ? (
        <Loading />
      ) : invitations.isError ? (
        <QueryError error={invitations.error} />
      ) : (
        <DataTable
          caption={t('invite.listHeading')}
          captionHidden
          testId="invitations-table"
          rows={list}
          rowKey={(i) => i.id}
          empty={t('invite.none')}
          columns={[
            { key: 'email', header: t('fields.email'), rowHeader: true, cell: (i) => i.email },
            { key: 'role', header: t('members.role'), cell: (i) => roleLabel(t, i.role) },
            { key: 'status', header: t('invite.status'), cell: (i) => t(`invite.statuses.${i.status}`) },
            { key: 'expires', header: t('invite.expires'), cell: (i) => formatDateTime(i.expiresAt) },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('common.actions')}</span>,
              cell: (i) =>
                i.status === 'pending' ? (
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(i)}
                  >
                    {t('invite.revoke')}
                    <span className="visually-hidden"> {i.email}</span>
                  </button>
                ) : null,
            },
          ]}
        />
      )}
    </section>
  );
}
