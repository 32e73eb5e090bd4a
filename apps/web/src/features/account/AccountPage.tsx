import type { Me } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDateTime, sortBy } from '../../api/format.ts';
import { keys, useMe } from '../../api/hooks.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorSummary, fieldError, Loading, QueryError, RadioGroup, StatusMessage, TextField } from '../../components/fields.tsx';
import { changeUiLanguage, type UiLanguage } from '../../i18n/index.ts';
import { roleLabel } from '../spaces/labels.ts';
import { TokensSection } from './TokensSection.tsx';
import { PersonalDataSection } from './PersonalDataSection.tsx';
import { ProfileDetailsSection } from './ProfileDetailsSection.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const { data: me } = useMe();
  const [params] = useSearchParams();
  if (!me) return null;
  return (
    <div className="container narrow">
      <h1>{t('account.title')}</h1>
      <p className="lead">{t('account.lead', { email: me.email })}</p>
      {params.get('passwordReset') && <StatusMessage>{t('account.passwordResetDone')}</StatusMessage>}
      <ProfileSection me={me} />
      <ProfileDetailsSection userId={me.id} />
      <MembershipsSection me={me} />
      <PasswordSection me={me} />
      <SessionsSection />
      <TokensSection me={me} />
      <PersonalDataSection />
      <SignOutSection />
    </div>
  );
}

function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.name);
  const [language, setLanguage] = useState<UiLanguage>(me.language);
  const save = useMutation({
    mutationFn: () => api.updateMe({ body: { name, language } }),
    onSuccess: async ({ user }) => {
      queryClient.setQueryData(keys.me, user);
      await changeUiLanguage(language);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <section className="panel" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('account.profileHeading')}</h2>
      {save.isSuccess && <StatusMessage>{t('account.saved')}</StatusMessage>}
      <ErrorSummary error={save.error} scope="profile" labels={{ name: t('fields.name'), language: t('fields.language') }} />
      <form onSubmit={submit} noValidate>
        <TextField
          scope="profile"
          label={t('fields.name')}
          name="name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(save.error, 'name')}
          required
        />
        <div className="field">
          <span className="field__label">{t('fields.email')}</span>
          <span>{me.email}</span>
        </div>
        <RadioGroup
          scope="profile"
          label={t('fields.language')}
          name="language"
          value={language}
          onChange={(v) => setLanguage(v as UiLanguage)}
          options={[
            { value: 'sv', label: 'Svenska' },
            { value: 'en', label: 'English' },
          ]}
          error={fieldError(save.error, 'language')}
        />
        <button type="submit" className="button" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}

function MembershipsSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const rows = sortBy(me.memberships, (m) => m.spaceName);
  return (
    <section className="panel" aria-labelledby="memberships-heading">
      <h2 id="memberships-heading">{t('account.membershipsHeading')}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('account.noMemberships')}</p>
      ) : (
        <ul className="plain-list">
          {rows.map((m) => (
            <li key={m.spaceId}>
              <Link to={`/spaces/${m.spaceId}`}>{m.spaceName}</Link> – {roleLabel(t, m.role)}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/me/notifications">{t('newsNotify.settings.link')}</Link>
      </p>
    </section>
  );
}

function PasswordSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useMutation({
    mutationFn: () =>
      api.changePassword({ body: { ...(me.hasPassword ? { currentPassword: current } : {}), newPassword: next } }),
    onSuccess: async () => {
      setCurrent('');
      setNext('');
      await queryClient.invalidateQueries({ queryKey: ['sessions'] });
      await queryClient.invalidateQueries({ queryKey: keys.me });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  return (
    <section className="panel" aria-labelledby="password-heading">
      <h2 id="password-heading">{me.hasPassword ? t('account.passwordHeading') : t('account.setPasswordHeading')}</h2>
      <p>{t('account.passwordLead')}</p>
      {change.isSuccess && <StatusMessage>{t('account.passwordChanged')}</StatusMessage>}
      <ErrorSummary
        error={change.error}
        scope="pw"
        labels={{ currentPassword: t('fields.currentPassword'), newPassword: t('fields.newPassword') }}
      />
      <form onSubmit={submit} noValidate>
        {/* A hidden username helps password managers pick the right account. */}
        <input type="text" name="username" autoComplete="username" value={me.email} readOnly hidden />
        {me.hasPassword && (
          <TextField
            scope="pw"
            label={t('fields.currentPassword')}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            error={fieldError(change.error, 'currentPassword')}
            required
          />
        )}
        <TextField
          scope="pw"
          label={t('fields.newPassword')}
          hint={t('fields.passwordHint')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={fieldError(change.error, 'newPassword')}
          required
        />
        <button type="submit" className="button" disabled={change.isPending}>
          {t('account.changePassword')}
        </button>
      </form>
    </section>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: () => api.listMySessions() });
  const revoke = useMutation({
    mutationFn: (id: string) => api.revokeMySession({ params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sessions'] }),
  });
  const rows = [...(sessions.data ?? [])].sort((a, b) => (a.current ? -1 : b.current ? 1 : b.lastSeenAt.localeCompare(a.lastSeenAt)));
  return (
    <section className="panel" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('account.sessionsHeading')}</h2>
      <p>{t('account.sessionsLead')}</p>
      {revoke.isError && <QueryError error={revoke.error} />}
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <QueryError error={sessions.error} />
      ) : (
        <DataTable
          caption={t('account.sessionsHeading')}
          captionHidden
          testId="sessions-table"
          rows={rows}
          rowKey={(s) => s.id}
          columns={[
            {
              key: 'device',
              header: t('account.device'),
              rowHeader: true,
              cell: (s) => (
                <>
                  {describeAgent(s.userAgent, t('account.unknownDevice'))}
                  {s.current && <strong> ({t('account.thisSession')})</strong>}
                </>
              ),
            },
            { key: 'method', header: t('account.method'), cell: (s) => t(`account.methods.${s.method}`, { defaultValue: s.method }) },
            { key: 'created', header: t('account.signedIn'), cell: (s) => formatDateTime(s.createdAt) },
            { key: 'seen', header: t('account.lastSeen'), cell: (s) => formatDateTime(s.lastSeenAt) },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('common.actions')}</span>,
              cell: (s) =>
                s.current ? null : (
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(s.id)}
                  >
                    {t('account.revokeSession')}
                  </button>
                ),
            },
          ]}
        />
      )}
    </section>
  );
}

function describeAgent(agent: string | null, unknown: string): string {
  if (!agent) return unknown;
  const browser = /Firefox\//.test(agent)
    ? 'Firefox'
    : /Edg\//.test(agent)
      ? 'Edge'
      : /Chrome\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : null;
  const os = /Windows/.test(agent)
    ? 'Windows'
    : /Android/.test(agent)
      ? 'Android'
      : /iPhone|iPad/.test(agent)
        ? 'iOS'
        : /Mac OS X/.test(agent)
          ? 'macOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : null;
  if (!browser && !os) return agent.slice(0, 60);
  return [browser, os].filter(Boolean).join(', ');
}

function SignOutSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => api.endSession(),
    onSuccess: async () => {
      queryClient.clear();
      await navigate('/');
    },
  });
  return (
    <section className="panel" aria-labelledby="signout-heading">
      <h2 id="signout-heading">{t('account.signOutHeading')}</h2>
      {signOut.isError && <QueryError error={signOut.error} />}
      <button type="button" className="button button--secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        {t('nav.signOut')}
      </button>
    </section>
  );
}
