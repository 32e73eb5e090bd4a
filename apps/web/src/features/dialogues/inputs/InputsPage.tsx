import type { Input, InputCollectionAction, Space } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDate, formatNumber } from '../../../api/format.ts';
import { usePageTitle } from '../../../app/usePage.ts';
import { Loading, QueryError } from '../../../components/fields.tsx';
import { SpaceSubnav } from '../../spaces/SpaceSubnav.tsx';
import { exportUrl, useInputs } from './api.ts';
import { InputPager, StatusTag, WithSpace } from './common.tsx';
import { InputFigures } from './InputFigures.tsx';
import { InputFilters, useInputFilter } from './InputFilters.tsx';
import { InputsMap, STATUS_COLOURS } from './InputsMap.tsx';
import { label, STATUSES } from './labels.ts';

const PAGE_SIZE = 50;

/** The public list of a space's needs and ideas: filters, a map, status for each, exports. */
export function InputsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return <WithSpace id={id} title={t('inputs.list.title')}>{(space) => <InputsView space={space} />}</WithSpace>;
}

function InputsView({ space }: { space: Space }) {
  const { t } = useTranslation();
  usePageTitle(t('inputs.list.titleFor', { name: space.name }));
  const navigate = useNavigate();
  const state = useInputFilter();
  const { filter, offset, goTo, active } = state;
  const list = useInputs(space.id, { ...filter, limit: PAGE_SIZE, offset });
  const can = (action: InputCollectionAction) => list.data?.allowedActions.includes(action) ?? false;
  const total = list.data?.total ?? 0;
  const items = list.data?.items ?? [];
  const points = items.filter((i) => i.point).map((i) => ({ id: i.id, lon: i.point!.lon, lat: i.point!.lat, status: i.status, title: i.text }));
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('inputs.list.titleFor', { name: space.name })}</h1>
      <p className="lead">{t('inputs.list.lead')}</p>
      <div className="actions">
        {can('submit') && (
          <Link className="button" to={`/spaces/${space.id}/inputs/new`}>
            {t('inputs.list.submit')}
          </Link>
        )}
        {can('triage') && (
          <Link className="button button--secondary" to={`/spaces/${space.id}/inputs/triage`}>
            {t('inputs.list.triage')}
          </Link>
        )}
      </div>
      <InputFilters space={space} state={state} />
      {filter.event && (
        <div className="notice notice--info" data-testid="event-filter">
          {items[0]?.eventTitle ? t('inputs.list.fromEvent', { title: items[0].eventTitle }) : t('inputs.list.fromAnEvent')}{' '}
          <button type="button" className="button button--secondary button--small" onClick={() => state.setFilter('event', '')}>
            {t('inputs.list.allEvents')}
          </button>
        </div>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : (
        <>
          <p role="status" data-testid="inputs-count">
            {t('inputs.list.count', { count: total, formatted: formatNumber(total) })}
          </p>
          <InputFigures spaceId={space.id} filter={filter} />
          <div className="inputs-layout">
            <section aria-labelledby="inputs-list-heading">
              <h2 id="inputs-list-heading" className="visually-hidden">
                {t('inputs.list.listHeading')}
              </h2>
              {items.length === 0 ? (
                <p className="empty">{active ? t('inputs.list.noneMatch') : t('inputs.list.none')}</p>
              ) : (
                <ul className="input-cards" data-testid="inputs-list">
                  {items.map((input) => (
                    <InputCard key={input.id} space={space} input={input} />
                  ))}
                </ul>
              )}
              <InputPager total={total} offset={offset} pageSize={PAGE_SIZE} goTo={goTo} />
            </section>
            <section aria-labelledby="inputs-map-heading">
              <h2 id="inputs-map-heading">{t('inputs.map.heading')}</h2>
              <InputsMap municipalityCodes={space.municipalityCodes} points={points} onOpen={(inputId) => navigate(`/spaces/${space.id}/inputs/${inputId}`)} label={t('inputs.map.listLabel', { count: points.length })} />
              <ul className="legend" aria-label={t('inputs.map.legend')}>
                {STATUSES.map((s) => (
                  <li key={s}>
                    <span className="legend__dot" style={{ background: STATUS_COLOURS[s] }} aria-hidden="true" /> {label(t, 'status', s)}
                  </li>
                ))}
              </ul>
              <p className="muted">{t('inputs.map.note', { shown: points.length, total: items.length })}</p>
              <h2>{t('inputs.list.exportHeading')}</h2>
              <ul className="download-list">
                <li>
                  <a href={exportUrl(space.id, 'csv', filter)} download>
                    {t('inputs.list.exportCsv')}
                  </a>
                </li>
                <li>
                  <a href={exportUrl(space.id, 'geojson', filter)} download>
                    {t('inputs.list.exportGeojson')}
                  </a>
                </li>
              </ul>
            </section>
          </div>
        </>
      )}
    </div>
  );
}

function InputCard({ space, input }: { space: Space; input: Input }) {
  const { t } = useTranslation();
  const place = [input.localityName, input.municipalityName].filter(Boolean).join(', ');
  const text = input.text.length > 220 ? `${input.text.slice(0, 217)}…` : input.text;
  return (
    <li className="input-card" data-testid="input-card">
      <div className="input-card__head">
        <span>
          {t('inputs.list.number', { number: input.number })} · {label(t, 'kind', input.kind)}
          {input.theme ? ` · ${label(t, 'theme', input.theme)}` : ''}
          {input.serviceType ? ` (${label(t, 'serviceType', input.serviceType).toLowerCase()})` : ''}
        </span>
        <StatusTag status={input.status} />
      </div>
      <h3 className="input-card__title">
        <Link to={`/spaces/${space.id}/inputs/${input.id}`}>{text}</Link>
      </h3>
      <p className="input-card__meta">
        {t('inputs.list.meta', { date: formatDate(input.createdAt), source: label(t, 'source', input.source).toLowerCase() })}
        {place ? ` · ${place}` : ''}
        {input.eventTitle ? ` · ${t('inputs.list.event', { title: input.eventTitle })}` : ''}
        {input.status !== 'received' ? ` · ${t('inputs.list.changed', { date: formatDate(input.statusChangedAt) })}` : ''}
        {input.hidden ? ` · ${t('inputs.list.hidden')}` : ''}
      </p>
    </li>
  );
}
