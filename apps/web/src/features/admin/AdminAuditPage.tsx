import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDateTime, formatNumber } from '../../api/format.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Loading, QueryError, SelectField, TextField } from '../../components/fields.tsx';
import { displayName } from '../privacy/deleted-user.ts';
import { actionLabel, AuditDetails, resourceTypeLabel, resourceTypes } from './audit-labels.tsx';

const PAGE_SIZE = 50;

/** A date (yyyy-mm-dd, local time) as the start or end of that day in ISO form. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const d = new Date(`${day}T00:00:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  if (end) d.setDate(d.getDate() + 1);
  return d.toISOString();
}

export function AdminAuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.audit.title'));
  const [params, setParams] = useSearchParams();
  const filters = {
    action: params.get('action') ?? '',
    resourceType: params.get('resourceType') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const [draft, setDraft] = useState(filters);

  const entries = useQuery({
    queryKey: ['audit', filters, offset],
    queryFn: () =>
      api.browseAuditLog({ query: {
          action: filters.action,
          resourceType: filters.resourceType,
          from: dayBoundary(filters.from, false),
          to: dayBoundary(filters.to, true),
          limit: PAGE_SIZE + 1,
          offset,
        } }),
    placeholderData: (previous) => previous,
  });

  const apply = (next: typeof filters, nextOffset: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
    if (nextOffset > 0) p.set('offset', String(nextOffset));
    setParams(p);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply(draft, 0);
  };
  const rows = (entries.data ?? []).slice(0, PAGE_SIZE);
  const hasMore = (entries.data?.length ?? 0) > PAGE_SIZE;
  const page = Math.floor(offset / PAGE_SIZE) + 1;

  return (
    <>
      <h1>{t('admin.audit.title')}</h1>
      <p className="lead">{t('admin.audit.lead')}</p>
      <form onSubmit={submit} className="filters" role="search" aria-label={t('admin.audit.filterLabel')} data-testid="audit-filters">
        <TextField
          scope="audit"
          label={t('admin.audit.action')}
          hint={t('admin.audit.actionHint')}
          name="action"
          value={draft.action}
          onChange={(e) => setDraft({ ...draft, action: e.target.value })}
        />
        <SelectField
          scope="audit"
          label={t('admin.audit.resourceType')}
          name="resourceType"
          value={draft.resourceType}
          onChange={(e) => setDraft({ ...draft, resourceType: e.target.value })}
          options={[
            { value: '', label: t('admin.audit.allTypes') },
            ...resourceTypes(t).map((r) => ({ value: r, label: resourceTypeLabel(t, r) })),
          ]}
        />
        <TextField
          scope="audit"
          label={t('admin.audit.from')}
          name="from"
          type="date"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <TextField
          scope="audit"
          label={t('admin.audit.to')}
          name="to"
          type="date"
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        <div className="filters__actions">
          <button type="submit" className="button">
            {t('common.filter')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              const empty = { action: '', resourceType: '', from: '', to: '' };
              setDraft(empty);
              apply(empty, 0);
            }}
          >
            {t('common.clear')}
          </button>
        </div>
      </form>
      {entries.isPending ? (
        <Loading />
      ) : entries.isError ? (
        <QueryError error={entries.error} />
      ) : (
        <>
          <DataTable
            caption={t('admin.audit.caption', { page, count: rows.length })}
            testId="audit-table"
            rows={rows}
            rowKey={(e) => String(e.id)}
            empty={t('admin.audit.none')}
            columns={[
              { key: 'at', header: t('admin.audit.at'), cell: (e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time> },
              {
                key: 'action',
                header: t('admin.audit.action'),
                rowHeader: true,
                // The words first; the code under them, since the filter takes codes.
                cell: (e) => (
                  <>
                    <span data-testid="audit-action">{actionLabel(t, e.action)}</span>
                    <br />
                    <span className="small muted audit-code">{t('auditLog.code', { code: e.action })}</span>
                  </>
                ),
              },
              { key: 'actor', header: t('admin.audit.actor'), cell: (e) => displayName(t, e.actorName) ?? t('admin.audit.system') },
              {
                key: 'resource',
                header: t('admin.audit.resource'),
                cell: (e) => (
                  <>
                    {resourceTypeLabel(t, e.resourceType)}
                    {e.resourceId && (
                      <>
                        <br />
                        <code className="small">{e.resourceId}</code>
                      </>
                    )}
                  </>
                ),
              },
              {
                key: 'details',
                header: t('admin.audit.details'),
                cell: (e) => <AuditDetails t={t} details={e.details} resourceType={e.resourceType} />,
              },
              {
                key: 'request',
                header: t('admin.audit.requestId'),
                cell: (e) => (e.requestId ? <code className="small">{e.requestId}</code> : '–'),
              },
            ]}
          />
          <nav className="pager" aria-label={t('admin.audit.paging')}>
            <button
              type="button"
              className="button button--secondary"
              disabled={offset === 0}
              onClick={() => apply(filters, Math.max(0, offset - PAGE_SIZE))}
            >
              {t('admin.audit.previous')}
            </button>
            <span>
              {t('admin.audit.pageOf', { page, from: formatNumber(rows.length ? offset + 1 : 0), to: formatNumber(offset + rows.length) })}
            </span>
            <button
              type="button"
              className="button button--secondary"
              disabled={!hasMore}
              onClick={() => apply(filters, offset + PAGE_SIZE)}
            >
              {t('admin.audit.next')}
            </button>
          </nav>
        </>
      )}
    </>
  );
}
