import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDateTime, formatNumber } from '../../api/format.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading, QueryError, TextField } from '../../components/fields.tsx';

export function AdminOutboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.outbox.title'));
  const [to, setTo] = useState('');
  const [filter, setFilter] = useState('');
  const messages = useQuery({
    queryKey: ['outbox', filter],
    queryFn: () => api.readOutbox({ query: { to: filter, limit: 100 } }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter(to.trim());
  };
  return (
    <>
      <h1>{t('admin.outbox.title')}</h1>
      <p className="lead">{t('admin.outbox.lead')}</p>
      <form onSubmit={submit} className="form-row" role="search" aria-label={t('admin.outbox.filterLabel')}>
        <TextField
          scope="outbox"
          label={t('admin.outbox.recipient')}
          name="to"
          type="email"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <div className="form-row__submit">
          <button type="submit" className="button button--secondary">
            {t('common.filter')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => void messages.refetch()}>
            {t('common.refresh')}
          </button>
        </div>
      </form>
      {messages.isPending ? (
        <Loading />
      ) : messages.isError ? (
        <QueryError error={messages.error} />
      ) : messages.data.length === 0 ? (
        <p className="empty">{t('admin.outbox.none')}</p>
      ) : (
        <>
          <p role="status">{t('admin.outbox.count', { count: messages.data.length })}</p>
          <ol className="mail-list" data-testid="outbox-list">
            {messages.data.map((m) => (
              <li key={m.id} className="mail" data-testid="outbox-message">
                <h2 className="mail__subject">{m.subject}</h2>
                <dl className="mail__meta">
                  <div>
                    <dt>{t('admin.outbox.to')}</dt>
                    <dd data-testid="outbox-recipients">{m.recipients.join(', ')}</dd>
                  </div>
                  <div>
                    <dt>{t('admin.outbox.created')}</dt>
                    <dd>{formatDateTime(m.createdAt)}</dd>
                  </div>
                  <div>
                    <dt>{t('admin.outbox.status')}</dt>
                    <dd>
                      <span className={`tag tag--${m.status}`}>{t(`admin.outbox.statuses.${m.status}`)}</span>
                      {m.sentAt && ` ${formatDateTime(m.sentAt)}`}
                    </dd>
                  </div>
                  {m.attachments.length > 0 && (
                    <div>
                      <dt>{t('admin.outbox.attachments')}</dt>
                      <dd>{m.attachments.map((a) => `${a.filename} (${formatNumber(Math.ceil(a.size / 1024))} kB)`).join(', ')}</dd>
                    </div>
                  )}
                  {m.error && (
                    <div>
                      <dt>{t('admin.outbox.error')}</dt>
                      <dd>{m.error}</dd>
                    </div>
                  )}
                </dl>
                <details className="mail__body">
                  <summary>
                    {t('admin.outbox.showText')}
                    <span className="visually-hidden"> – {m.subject}</span>
                  </summary>
                  <pre className="mail__text" data-testid="outbox-text">
                    {m.text}
                  </pre>
                </details>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
