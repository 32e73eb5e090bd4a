import type { Input, Space } from '@samhandling/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatNumber } from '../../../api/format.ts';
import { usePageTitle } from '../../../app/usePage.ts';
import { CheckboxField, Loading, QueryError, StatusMessage } from '../../../components/fields.tsx';
import { SpaceSubnav } from '../../spaces/SpaceSubnav.tsx';
import { useInputs } from './api.ts';
import { GoalList, InputPager, StatusTag, WithSpace } from './common.tsx';
import { InputFilters, useInputFilter } from './InputFilters.tsx';
import { label, STATUSES } from './labels.ts';
import { StatusForm } from './StatusForm.tsx';

const PAGE_SIZE = 25;

/** The facilitator's triage view: inputs by status, each moved on in place with a public reason. */
export function TriagePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return <WithSpace id={id} title={t('inputs.triage.title')}>{(space) => <TriageView space={space} />}</WithSpace>;
}

function TriageView({ space }: { space: Space }) {
  const { t } = useTranslation();
  usePageTitle(t('inputs.triage.titleFor', { name: space.name }));
  const state = useInputFilter();
  const { filter, setFilter, offset, goTo } = state;
  const [includeHidden, setIncludeHidden] = useState(false);
  const status = filter.status || 'received';
  const list = useInputs(space.id, { ...filter, status, includeHidden: includeHidden ? 'true' : undefined, limit: PAGE_SIZE, offset });
  const [message, setMessage] = useState<string | null>(null);
  const allowed = list.data?.allowedActions.includes('triage');
  const total = list.data?.total ?? 0;
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <p className="breadcrumbs">
        <Link to={`/spaces/${space.id}/inputs`}>{t('inputs.list.title')}</Link>
      </p>
      <h1>{t('inputs.triage.titleFor', { name: space.name })}</h1>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : !allowed ? (
        <div className="notice notice--info" data-testid="triage-leaders-only">
          {t('inputs.triage.leadersOnly')}
        </div>
      ) : (
        <>
          <p className="lead">{t('inputs.triage.lead')}</p>
          {message && <StatusMessage>{message}</StatusMessage>}
          <nav aria-label={t('inputs.triage.tabsLabel')}>
            <ul className="status-tabs">
              {STATUSES.map((s) => (
                <li key={s}>
                  <button type="button" className="button button--secondary button--small" aria-pressed={status === s} onClick={() => setFilter('status', s)}>
                    {label(t, 'status', s)} ({formatNumber(list.data.byStatus[s] ?? 0)})
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <InputFilters space={space} state={state} withStatus={false} />
          <CheckboxField name="includeHidden" scope="triage" label={t('inputs.triage.includeHidden')} checked={includeHidden} onChange={setIncludeHidden} />
          <p role="status" data-testid="triage-count">
            {t('inputs.triage.count', { count: total, formatted: formatNumber(total), status: label(t, 'status', status).toLowerCase() })}
          </p>
          {list.data.items.length === 0 ? (
            <p className="empty">{t('inputs.triage.none')}</p>
          ) : (
            <ul className="input-cards" data-testid="triage-list">
              {list.data.items.map((input) => (
                <TriageItem
                  key={input.id}
                  space={space}
                  input={input}
                  onChanged={(changed) => setMessage(t('inputs.triage.moved', { number: changed.number, status: label(t, 'status', changed.status) }))}
                />
              ))}
            </ul>
          )}
          <InputPager total={total} offset={offset} pageSize={PAGE_SIZE} goTo={goTo} />
        </>
      )}
    </div>
  );
}

function TriageItem({ space, input, onChanged }: { space: Space; input: Input; onChanged: (changed: Input) => void }) {
  const { t } = useTranslation();
  const headingId = `triage-${input.id}`;
  const place = [input.localityName, input.municipalityName].filter(Boolean).join(', ');
  return (
    <li className="input-card triage-item" data-testid="triage-item" aria-labelledby={headingId}>
      <div className="input-card__head">
        <h2 id={headingId} className="input-card__title">
          <Link to={`/spaces/${space.id}/inputs/${input.id}`}>
            {t('inputs.list.number', { number: input.number })}: {input.text.length > 140 ? `${input.text.slice(0, 137)}…` : input.text}
          </Link>
        </h2>
        <StatusTag status={input.status} />
      </div>
      <p className="input-card__meta">
        {label(t, 'kind', input.kind)}
        {input.theme ? ` · ${label(t, 'theme', input.theme)}` : ` · ${t('inputs.triage.unclassified')}`}
        {input.serviceType ? ` (${label(t, 'serviceType', input.serviceType).toLowerCase()})` : ''}
        {place ? ` · ${place}` : ''} · {formatDate(input.createdAt)} · {label(t, 'source', input.source)}
        {input.enteredByName ? ` (${t('inputs.detail.enteredBy', { name: input.enteredByName })})` : ''}
        {input.hidden ? ` · ${t('inputs.list.hidden')}` : ''}
      </p>
      {(input.goals.length > 0 || input.targets.length > 0) && <GoalList goals={input.goals} targets={input.targets} />}
      <StatusForm input={input} compact onChanged={onChanged} />
    </li>
  );
}
