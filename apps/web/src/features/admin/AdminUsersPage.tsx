import { language as languageSchema, type Language, type User } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDate, sortBy } from '../../api/format.ts';
import { useMe } from '../../api/hooks.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { pick } from '../../i18n/labels.ts';
import { DataTable } from '../../components/DataTable.tsx';
import {
  CheckboxField,
  ErrorSummary,
  fieldError,
  Loading,
  QueryError,
  SelectField,
  StatusMessage,
  TextField,
} from '../../components/fields.tsx';

export function AdminUsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.users.title'));
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const users = useQuery({ queryKey: ['admin-users', search], queryFn: () => api.adminListUsers({ query: { q: search } }) });
  const patch = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<Pick<User, 'isAdmin' | 'disabled' | 'name'>> }) =>
      api.adminPatchUser({ params: { id }, body: body }),
    onSuccess: async (u) => {
      setMessage(t('admin.users.updated', { name: u.name }));
      await queryClient.invalidateQueries({ queryKey: ['admin-users'] });
    },
  });
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setSearch(q.trim());
  };
  return (
    <>
      <h1>{t('admin.users.title')}</h1>
      <p className="lead">{t('admin.users.lead')}</p>
      {message && <StatusMessage>{message}</StatusMessage>}
      {patch.isError && <QueryError error={patch.error} />}
      <form onSubmit={onSearch} className="form-row" role="search" aria-label={t('admin.users.searchLabel')}>
        <TextField label={t('admin.users.search')} name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} scope="users" />
        <div className="form-row__submit">
          <button type="submit" className="button button--secondary">
            {t('common.search')}
          </button>
        </div>
      </form>
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <QueryError error={users.error} />
      ) : (
        <DataTable
          caption={t('admin.users.caption', { count: users.data.length })}
          testId="users-table"
          rows={sortBy(users.data, (u) => u.name)}
          rowKey={(u) => u.id}
          columns={[
            { key: 'name', header: t('fields.name'), rowHeader: true, cell: (u) => u.name },
            { key: 'email', header: t('fields.email'), cell: (u) => u.email },
            { key: 'role', header: t('admin.users.role'), cell: (u) => (u.isAdmin ? t('admin.users.admin') : t('admin.users.user')) },
            {
              key: 'status',
              header: t('admin.users.status'),
              cell: (u) => (u.disabled ? <span className="tag tag--archived">{t('admin.users.disabled')}</span> : t('admin.users.active')),
            },
            { key: 'language', header: t('fields.language'), cell: (u) => (u.language === 'en' ? 'English' : 'Svenska') },
            { key: 'created', header: t('account.created'), cell: (u) => formatDate(u.createdAt) },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('common.actions')}</span>,
              cell: (u) =>
                u.id === me?.id ? (
                  <span className="muted">{t('members.you')}</span>
                ) : (
                  <div className="button-group">
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      disabled={patch.isPending}
                      onClick={() => {
                        if (
                          window.confirm(
                            u.isAdmin
                              ? t('admin.users.revokeAdminConfirm', { name: u.name })
                              : t('admin.users.makeAdminConfirm', { name: u.name }),
                          )
                        )
                          patch.mutate({ id: u.id, body: { isAdmin: !u.isAdmin } });
                      }}
                    >
                      {u.isAdmin ? t('admin.users.revokeAdmin') : t('admin.users.makeAdmin')}
                      <span className="visually-hidden"> – {u.name}</span>
                    </button>
                    <button
                      type="button"
                      className="button button--small button--warning"
                      disabled={patch.isPending}
                      onClick={() => {
                        if (u.disabled || window.confirm(t('admin.users.disableConfirm', { name: u.name })))
                          patch.mutate({ id: u.id, body: { disabled: !u.disabled } });
                      }}
                    >
                      {u.disabled ? t('admin.users.enable') : t('admin.users.disable')}
                      <span className="visually-hidden"> – {u.name}</span>
                    </button>
                  </div>
                ),
            },
          ]}
        />
      )}
      <CreateUser />
    </>
  );
}

function CreateUser() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const empty: { email: string; name: string; password: string; isAdmin: boolean; language: Language } = { email: '', name: '', password: '', isAdmin: false, language: 'sv' };
  const [values, setValues] = useState(empty);
  const create = useMutation({
    mutationFn: () => api.adminCreateUser({ body: { ...values, password: values.password || undefined } }),
    onSuccess: async () => {
      setValues(empty);
      await queryClient.invalidateQueries({ queryKey: ['admin-users'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <section className="panel section" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">{t('admin.users.createHeading')}</h2>
      <p>{t('admin.users.createLead')}</p>
      {create.isSuccess && <StatusMessage>{t('admin.users.created', { name: create.data.name })}</StatusMessage>}
      <ErrorSummary
        error={create.error}
        scope="newuser"
        labels={{ email: t('fields.email'), name: t('fields.name'), password: t('fields.password'), language: t('fields.language') }}
      />
      <form onSubmit={submit} noValidate>
        <TextField
          scope="newuser"
          label={t('fields.name')}
          name="name"
          autoComplete="off"
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
          error={fieldError(create.error, 'name')}
          required
        />
        <TextField
          scope="newuser"
          label={t('fields.email')}
          name="email"
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(e) => setValues({ ...values, email: e.target.value })}
          error={fieldError(create.error, 'email')}
          required
        />
        <TextField
          scope="newuser"
          label={t('admin.users.passwordOptional')}
          hint={t('admin.users.passwordHint')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(e) => setValues({ ...values, password: e.target.value })}
          error={fieldError(create.error, 'password')}
        />
        <SelectField
          scope="newuser"
          label={t('fields.language')}
          name="language"
          value={values.language}
          onChange={(e) => setValues({ ...values, language: pick(languageSchema.options, e.target.value) ?? 'sv' })}
          options={[
            { value: 'sv', label: 'Svenska' },
            { value: 'en', label: 'English' },
          ]}
        />
        <CheckboxField
          scope="newuser"
          name="isAdmin"
          label={t('admin.users.isAdmin')}
          checked={values.isAdmin}
          onChange={(v) => setValues({ ...values, isAdmin: v })}
        />
        <button type="submit" className="button" disabled={create.isPending}>
          {t('admin.users.create')}
        </button>
      </form>
    </section>
  );
}
