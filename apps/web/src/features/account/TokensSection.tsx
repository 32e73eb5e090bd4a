import type { Me, TokenScope } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDateTime, sortBy } from '../../api/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorSummary, fieldError, Loading, QueryError, RadioGroup, TextField } from '../../components/fields.tsx';

/** The access a new token gets; each level includes the ones before it. */
const LEVELS = {
  read: ['read'],
  write: ['read', 'write'],
  admin: ['read', 'write', 'admin'],
} as const satisfies Record<string, readonly TokenScope[]>;
type Level = keyof typeof LEVELS;

/** What a token may do, in words: its highest scope. */
function levelOf(scopes: readonly TokenScope[]): Level {
  return scopes.includes('admin') ? 'admin' : scopes.includes('write') ? 'write' : 'read';
}

/** Personal API tokens: create one with a scope (shown once), see and revoke them. */
export function TokensSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [level, setLevel] = useState<Level>('read');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api.listMyApiTokens() });
  const create = useMutation({
    mutationFn: () => api.createApiToken({ body: { name, scopes: [...LEVELS[level]] } }),
    onSuccess: async (token) => {
      setCreated({ name: token.name, token: token.token });
      setName('');
      setLevel('read');
      await queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.revokeMyApiToken({ params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    create.mutate();
  };
  const levels: Level[] = me.isAdmin ? ['read', 'write', 'admin'] : ['read', 'write'];
  return (
    <section className="panel" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('account.tokensHeading')}</h2>
      <p>{t('tokens.lead')}</p>
      {created && (
        <div className="notice notice--success" role="status" data-testid="new-token">
          <p>
            <strong>{t('account.tokenCreated', { name: created.name })}</strong>
          </p>
          <p>{t('account.tokenOnce')}</p>
          <p>
            <code className="secret">{created.token}</code>
          </p>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => void navigator.clipboard?.writeText(created.token)}
          >
            {t('account.copy')}
          </button>
        </div>
      )}
      <ErrorSummary error={create.error} scope="token" labels={{ name: t('account.tokenName'), scopes: t('tokens.scope') }} />
      <form onSubmit={submit} noValidate>
        <TextField
          scope="token"
          label={t('account.tokenName')}
          hint={t('account.tokenNameHint')}
          name="name"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(create.error, 'name')}
          required
        />
        <RadioGroup
          scope="token"
          label={t('tokens.scope')}
          name="scopes"
          value={level}
          onChange={(v) => setLevel(v as Level)}
          options={levels.map((value) => ({ value, label: t(`tokens.levels.${value}`), hint: t(`tokens.levelHints.${value}`) }))}
          error={fieldError(create.error, 'scopes')}
        />
        <button type="submit" className="button" disabled={create.isPending}>
          {t('account.createToken')}
        </button>
      </form>
      {revoke.isError && <QueryError error={revoke.error} />}
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <QueryError error={tokens.error} />
      ) : (
        <DataTable
          caption={t('account.tokensHeading')}
          captionHidden
          testId="tokens-table"
          rows={sortBy(tokens.data, (x) => x.name)}
          rowKey={(x) => x.id}
          empty={t('account.noTokens')}
          columns={[
            { key: 'name', header: t('account.tokenName'), rowHeader: true, cell: (x) => x.name },
            { key: 'scope', header: t('tokens.scope'), cell: (x) => t(`tokens.levels.${levelOf(x.scopes)}`) },
            { key: 'prefix', header: t('account.tokenPrefix'), cell: (x) => <code>{x.prefix}…</code> },
            { key: 'created', header: t('account.created'), cell: (x) => formatDateTime(x.createdAt) },
            { key: 'used', header: t('account.lastUsed'), cell: (x) => (x.lastUsedAt ? formatDateTime(x.lastUsedAt) : t('account.never')) },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('common.actions')}</span>,
              cell: (x) => (
                <button
                  type="button"
                  className="button button--small button--warning"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate(x.id)}
                >
                  {t('account.revokeToken')}
                  <span className="visually-hidden"> {x.name}</span>
                </button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
