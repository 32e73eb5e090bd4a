import type { Dashboard, Figure, Space } from '@samhandling/contracts';
import { valuesOf } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { useCounties, useMunicipalityIndex } from '../../api/hooks.ts';
import { formatDate, formatNumber } from '../../api/format.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorSummary, fieldError, Loading, QueryError, SelectField, TextField } from '../../components/fields.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { Bar, SpaceShell } from '../processes/SpaceShell.tsx';
import { AreaAgreements } from '../agreements/AreaAgreements.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';

export const dashboardKeys = { space: (id: string) => ['dashboard', 'space', id] as const };

/** A figure's value as people read it: a share as per cent, days with a decimal, counts as counts. */
export function formatFigure(value: number | null, unit: Figure['unit']): string {
  if (value === null) return '–';
  if (unit === 'share') return `${formatNumber(Math.round(value * 1000) / 10)} %`;
  return formatNumber(value);
}

export function SpaceDashboardPage() {
  const { t } = useTranslation();
  return <SpaceShell title={(s) => (s ? t('process.dashboard.title', { name: s.name }) : t('process.nav.dashboard'))}>{(space) => <SpaceDashboard space={space} />}</SpaceShell>;
}

function SpaceDashboard({ space }: { space: Space }) {
  const dashboard = useQuery({ queryKey: dashboardKeys.space(space.id), queryFn: () => api.getSpaceDashboard({ params: { id: space.id } }) });
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      {dashboard.isPending ? <Loading /> : dashboard.isError ? <QueryError error={dashboard.error} /> : <DashboardView dashboard={dashboard.data} spaceId={space.id} />}
    </div>
  );
}

/** The dashboard of a municipality or a county, over the spaces the visitor sees. */
export function AreaDashboardPage({ kind }: { kind: 'municipality' | 'county' }) {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const dashboard = useQuery({
    queryKey: ['dashboard', kind, code],
    queryFn: () => (kind === 'municipality' ? api.getMunicipalityDashboard({ params: { code } }) : api.getCountyDashboard({ params: { code } })),
    retry: false,
  });
  usePageTitle(dashboard.data ? t('process.dashboard.title', { name: dashboard.data.scope.name }) : t('process.nav.dashboard'));
  if (dashboard.isPending)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (dashboard.isError) {
    if (isApiError(dashboard.error) && (dashboard.error.status === 404 || dashboard.error.status === 400)) return <NotFoundPage />;
    return <ErrorView error={dashboard.error} />;
  }
  return (
    <div className="container">
      <DashboardView dashboard={dashboard.data} />
      <AreaLinks kind={kind} code={code} name={dashboard.data.scope.name} />
      {kind === 'municipality' && <Villages code={code} name={dashboard.data.scope.name} />}
      <AreaAgreements level={kind} code={code} name={dashboard.data.scope.name} />
    </div>
  );
}

/** The municipality's villages, each with its own dashboard. */
function Villages({ code, name }: { code: string; name: string }) {
  const { t } = useTranslation();
  const localities = useQuery({ queryKey: ['localities', code], queryFn: () => api.getLocalities({ query: { municipality: code } }), staleTime: 60_000 });
  if (!localities.data || localities.data.length === 0) return null;
  return (
    <section aria-labelledby="villages" data-testid="villages">
      <h2 id="villages">{t('dashboards.village.villages', { name })}</h2>
      <DataTable
        caption={t('dashboards.village.villagesCaption', { name })}
        captionHidden
        rows={[...localities.data].sort((a, b) => a.name.localeCompare(b.name, 'sv'))}
        rowKey={(l) => l.id}
        columns={[
          { key: 'name', header: t('dashboards.village.village'), rowHeader: true, cell: (l) => <Link to={`/localities/${l.id}/dashboard`}>{l.name}</Link> },
          { key: 'population', header: t('dashboards.village.population'), numeric: true, cell: (l) => formatNumber(l.population) },
        ]}
      />
    </section>
  );
}

/** Where to go on from a municipality or county: its Agenda 2030 coverage, and the county around a municipality. */
function AreaLinks({ kind, code, name }: { kind: 'municipality' | 'county'; code: string; name: string }) {
  const { t } = useTranslation();
  const municipality = useMunicipalityIndex().get(code);
  const { data: counties } = useCounties();
  const county = kind === 'municipality' && municipality ? counties?.find((c) => c.code === municipality.countyCode) : undefined;
  return (
    <nav aria-label={t('process.dashboard.areaLinks', { name })}>
      <ul className="area-links">
        <li>
          <Link to={`/agenda2030/${kind === 'municipality' ? 'municipalities' : 'counties'}/${code}`}>{t('process.dashboard.areaCoverage', { name })}</Link>
        </li>
        {county && (
          <li>
            <Link to={`/counties/${county.code}/dashboard`}>{t('process.dashboard.countyLink', { name: county.name })}</Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

function DashboardView({ dashboard: d, spaceId }: { dashboard: Dashboard; spaceId?: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="dashboard">
      <h1>{t('process.dashboard.title', { name: d.scope.name })}</h1>
      <p className="lead">{t('process.dashboard.lead')}</p>
      {spaceId && (
        <p>
          <Link to={`/spaces/${spaceId}/comparison`}>{t('process.dashboard.comparisonLink')}</Link>
          {d.allowedActions.includes('manage') && (
            <>
              {' · '}
              <Link to={`/spaces/${spaceId}/facts`} data-testid="facts-edit-link">
                {t('editors.facts.editLink')}
              </Link>
            </>
          )}
        </p>
      )}
      {d.goals && <Goals dashboard={d} spaceId={spaceId!} />}
      <section aria-labelledby="figures">
        <h2 id="figures">{t('process.dashboard.figures')}</h2>
        <ul className="figures">
          {d.figures.map((f) => (
            <FigureCard key={f.key} figure={f} />
          ))}
        </ul>
      </section>
      {d.facts && <Facts facts={d.facts} />}
    </div>
  );
}

/** Breakdowns whose keys are names from the data (an indicator's), shown as they are, not translated. */
const LITERAL_DIMENSIONS = new Set(['indicator']);

export function FigureCard({ figure: f }: { figure: Figure }) {
  const { t } = useTranslation();
  const label = t(`process.dashboard.figure.${f.key}`, { defaultValue: f.key });
  const wide = f.breakdowns.some((b) => b.items.length > 0);
  return (
    <li className={wide ? 'card figure figure--wide' : 'card figure'} data-testid="figure" data-key={f.key}>
      <h3 className="card__title">{label}</h3>
      <p className="figure__value">
        {f.value === null ? t('process.dashboard.noValue') : formatFigure(f.value, f.unit)}
          {f.total !== null && f.value !== null && <span className="figure__total"> {t('process.dashboard.ofTotal', { total: formatNumber(f.total) })}</span>}
      </p>
      {f.baseline !== null && <p>{t('process.dashboard.baseline', { value: formatFigure(f.baseline, f.unit) })}</p>}
      {f.note && <p className="field__hint">{f.note}</p>}
      {f.breakdowns
        .filter((b) => b.items.length > 0)
        .map((b) => {
          const max = Math.max(1, ...b.items.map((i) => Math.max(i.value, i.target ?? 0)));
          return (
            <DataTable
              key={b.dimension}
              caption={`${label}: ${t(`process.dashboard.dimension.${b.dimension}`, { defaultValue: b.dimension })}`}
              rows={b.items}
              rowKey={(i) => i.key}
              columns={[
                {
                  key: 'key',
                  header: t(`process.dashboard.dimension.${b.dimension}`, { defaultValue: b.dimension }),
                  rowHeader: true,
                  cell: (i) => (LITERAL_DIMENSIONS.has(b.dimension) ? i.key : t(`process.dashboard.key.${i.key}`, { defaultValue: i.key })),
                },
                {
                  key: 'value',
                  header: '#',
                  cell: (i) => (
                    <span className="minibar-cell">
                      <Bar value={i.value} max={i.target ?? max} />
                      {formatNumber(i.value)}
                      {i.target !== undefined && ` / ${formatNumber(i.target)}`}
                    </span>
                  ),
                },
              ]}
            />
          );
        })}
      {f.link && (
        <p>
          <Link to={f.link}>
            {t('process.dashboard.seeData')}
            <span className="visually-hidden">: {label}</span>
          </Link>
        </p>
      )}
    </li>
  );
}

function Goals({ dashboard: d, spaceId }: { dashboard: Dashboard; spaceId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="goals">
      <h2 id="goals">{t('process.dashboard.goals')}</h2>
      {d.goals!.length === 0 ? (
        <p className="empty">{t('process.dashboard.noGoals')}</p>
      ) : (
        <ul className="figures" data-testid="goals">
          {d.goals!.map((g) => (
            <li key={g.id} className="card goal">
              <h3 className="card__title" id={`goal-${g.id}`}>
                {g.title}
              </h3>
              <progress max={g.target} value={Math.min(g.value ?? 0, g.target)} aria-labelledby={`goal-${g.id}`} aria-describedby={`goal-${g.id}-value`} />
              <p id={`goal-${g.id}-value`}>{t('process.dashboard.goalValue', { value: formatNumber(g.value), target: formatNumber(g.target) })}</p>
            </li>
          ))}
        </ul>
      )}
      {d.allowedActions.includes('manage') && <AddGoal spaceId={spaceId} />}
    </section>
  );
}

function AddGoal({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [key, setKey] = useState<string>(valuesOf('figureKey')[0] ?? '');
  const [target, setTarget] = useState('');
  const save = useMutation({
    mutationFn: () => api.createSpaceGoal({ params: { id: spaceId }, body: { title, figureKey: key as never, target: Number(target) } }),
    onSuccess: async () => {
      setTitle('');
      setTarget('');
      await queryClient.invalidateQueries({ queryKey: dashboardKeys.space(spaceId) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <details>
      <summary>{t('process.dashboard.addGoal')}</summary>
      <form onSubmit={submit} className="form" noValidate>
        <ErrorSummary error={save.error} />
        <TextField label={t('process.dashboard.goalTitle')} name="title" value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(save.error, 'title')} required />
        <SelectField
          label={t('process.dashboard.goalFigure')}
          name="figureKey"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          options={valuesOf('figureKey').map((k) => ({ value: k, label: enumLabel(t, 'figureKey', k) }))}
        />
        <TextField label={t('process.dashboard.goalTarget')} name="target" type="number" inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} error={fieldError(save.error, 'target')} required />
        <button type="submit" className="button" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </form>
    </details>
  );
}

function Facts({ facts }: { facts: NonNullable<Dashboard['facts']> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="facts" data-testid="facts">
      <h2 id="facts">{t('process.dashboard.facts')}</h2>
      <dl>
        {(facts.periodStart || facts.periodEnd) && (
          <>
            <dt>{t('process.dashboard.period')}</dt>
            <dd>
              {formatDate(facts.periodStart)} – {formatDate(facts.periodEnd)}
            </dd>
          </>
        )}
        {facts.budget !== null && (
          <>
            <dt>{t('process.dashboard.budget')}</dt>
            <dd>{formatNumber(facts.budget)} kr</dd>
          </>
        )}
      </dl>
      {facts.coFinanciers.length > 0 && (
        <DataTable
          caption={t('process.dashboard.coFinanciers')}
          rows={facts.coFinanciers}
          rowKey={(c) => c.name}
          columns={[
            { key: 'name', header: t('process.dashboard.name'), rowHeader: true, cell: (c) => c.name },
            { key: 'amount', header: t('process.dashboard.amount'), numeric: true, cell: (c) => `${formatNumber(c.amount)} kr` },
          ]}
        />
      )}
      {facts.steeringGroup.length > 0 && (
        <DataTable
          caption={t('process.dashboard.steeringGroup')}
          rows={facts.steeringGroup}
          rowKey={(s) => `${s.name}-${s.organisation}`}
          columns={[
            { key: 'name', header: t('process.dashboard.name'), rowHeader: true, cell: (s) => s.name },
            { key: 'organisation', header: t('process.dashboard.organisation'), cell: (s) => s.organisation },
            { key: 'role', header: t('process.dashboard.role'), cell: (s) => s.role },
          ]}
        />
      )}
      <h3>{t('process.dashboard.spinOffs')}</h3>
      {facts.spinOffs.length === 0 ? (
        <p className="empty">{t('process.dashboard.noSpinOffs')}</p>
      ) : (
        <ul data-testid="spin-offs">
          {facts.spinOffs.map((s) => (
            <li key={s.id}>
              <strong>{formatDate(s.date)}</strong>: {s.text}
              {s.source && <> ({t('process.dashboard.source')}: {s.source})</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
