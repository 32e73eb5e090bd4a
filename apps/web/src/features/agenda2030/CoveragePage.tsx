import { COVERAGE_KINDS, type Coverage } from '@samhandling/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError, pathOf } from '../../api/client.ts';
import { formatDate } from '../../api/format.ts';
import { useSpace } from '../../api/hooks.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { useAgendaGoals, useAgendaTargets } from '../../components/GoalTargetPicker.tsx';
import { Loading, QueryError } from '../../components/fields.tsx';
import { agenda2030Endpoints } from '@samhandling/contracts';
import { AreaAgreements } from '../agreements/AreaAgreements.tsx';
import { SpaceSubnav } from '../spaces/SpaceSubnav.tsx';

/** Coverage in a space: what is going on per goal and target. */
export function SpaceCoveragePage() {
  const { id = '' } = useParams();
  const space = useSpace(id);
  const coverage = useQuery({ queryKey: ['coverage', 'space', id], queryFn: () => api.getSpaceCoverage({ params: { id } }), retry: false });
  if (space.isError || coverage.isError) {
    const error = space.error ?? coverage.error;
    if (isApiError(error) && error.status === 404) return <NotFoundPage />;
    return <QueryError error={error} />;
  }
  return (
    <div className="container">
      {space.data && <SpaceSubnav space={space.data} />}
      {coverage.data ? <CoverageView coverage={coverage.data} csvHref={pathOf(agenda2030Endpoints.getSpaceCoverageCsv, { id })} /> : <Loading />}
    </div>
  );
}

/** Coverage in a municipality (`/agenda2030/municipalities/:code`) or a county (`/agenda2030/counties/:code`). */
export function AreaCoveragePage({ level }: { level: 'municipality' | 'county' }) {
  const { code = '' } = useParams();
  const coverage = useQuery({
    queryKey: ['coverage', level, code],
    queryFn: () => (level === 'municipality' ? api.getMunicipalityCoverage({ params: { code } }) : api.getCountyCoverage({ params: { code } })),
    retry: false,
  });
  if (coverage.isError) return isApiError(coverage.error) && (coverage.error.status === 404 || coverage.error.status === 400) ? <NotFoundPage /> : <QueryError error={coverage.error} />;
  const csv = level === 'municipality' ? agenda2030Endpoints.getMunicipalityCoverageCsv : agenda2030Endpoints.getCountyCoverageCsv;
  return (
    <div className="container">
      {coverage.data ? (
        <>
          <CoverageView coverage={coverage.data} csvHref={pathOf(csv, { code })} />
          <p>
            <AreaDashboardLink level={level} code={code} name={coverage.data.scope.name} />
          </p>
          <AreaAgreements level={level} code={code} name={coverage.data.scope.name} />
        </>
      ) : (
        <Loading />
      )}
    </div>
  );
}

function AreaDashboardLink({ level, code, name }: { level: 'municipality' | 'county'; code: string; name: string }) {
  const { t } = useTranslation();
  return <Link to={`/${level === 'municipality' ? 'municipalities' : 'counties'}/${code}/dashboard`}>{t('agenda2030.coverage.areaDashboard', { name })}</Link>;
}

function CoverageView({ coverage, csvHref }: { coverage: Coverage; csvHref: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  usePageTitle(t('agenda2030.coverage.titleFor', { name: coverage.scope.name }));
  const goals = useAgendaGoals();
  const targets = useAgendaTargets();
  const [open, setOpen] = useState<number | null>(null);
  const goalName = (n: number) => {
    const goal = goals.data?.find((g) => g.number === n);
    return goal ? (en ? goal.nameEn : goal.nameSv) : '';
  };
  const targetLabel = (code: string) => {
    const target = targets.data?.find((x) => x.target === code);
    return target ? (en ? target.labelEn : target.labelSv) : '';
  };
  const kinds = COVERAGE_KINDS.filter((k) => coverage.goals.some((g) => (g.counts[k] ?? 0) > 0) || ['event', 'input', 'local_target', 'library_item'].includes(k));
  const opened = coverage.goals.find((g) => g.goal === open);
  return (
    <>
      <h1>{t('agenda2030.coverage.titleFor', { name: coverage.scope.name })}</h1>
      <p className="lead">{t('agenda2030.coverage.lead')}</p>
      <p>
        <a href={csvHref} download data-testid="coverage-csv">
          {t('agenda2030.coverage.csv')}
        </a>
      </p>
      <ul className="goal-tiles" data-testid="goal-tiles">
        {coverage.goals.map((g) => (
          <li key={g.goal}>
            <button type="button" className={`goal-tile goal-tile--${g.goal}`} aria-expanded={open === g.goal} aria-controls="goal-detail" onClick={() => setOpen(open === g.goal ? null : g.goal)}>
              <span className="goal-tile__number">{g.goal}</span>
              <span className="goal-tile__name">{goalName(g.goal)}</span>
              <span className="goal-tile__count">{t('agenda2030.coverage.count', { count: g.total })}</span>
            </button>
          </li>
        ))}
      </ul>
      <div id="goal-detail" aria-live="polite">
        {opened && (
          <section className="section panel" aria-labelledby="goal-detail-heading" data-testid="goal-detail">
            <h2 id="goal-detail-heading">
              {t('agenda2030.goalShort', { number: opened.goal })} {goalName(opened.goal)}
            </h2>
            <CoverageTable
              caption={t('agenda2030.coverage.targetsTable', { goal: opened.goal })}
              firstColumn={t('agenda2030.coverage.target')}
              kinds={kinds}
              rows={opened.targets.map((tg) => ({ key: tg.target, label: `${tg.target} ${targetLabel(tg.target)}`, counts: tg.counts, total: tg.total }))}
            />
            <h3>{t('agenda2030.coverage.whatGoesOn')}</h3>
            <ul data-testid="goal-entries">
              {coverage.entries
                .filter((e) => e.goals.includes(opened.goal))
                .map((e) => (
                  <li key={`${e.kind}-${e.id}`}>
                    <span className="tag">{t(`agenda2030.kinds.${e.kind}`)}</span> <EntryLink kind={e.kind} id={e.id} spaceId={e.spaceId} title={e.title} />
                    {e.status && <> · {t(`agenda2030.status.${e.status}`, { defaultValue: e.status })}</>}
                    {e.date && <> · {formatDate(e.date)}</>}
                    {e.targets.length > 0 && <> · {e.targets.join(', ')}</>}
                  </li>
                ))}
            </ul>
          </section>
        )}
      </div>
      <h2>{t('agenda2030.coverage.tableHeading')}</h2>
      <CoverageTable
        caption={t('agenda2030.coverage.tableCaption')}
        label={t('agenda2030.coverage.tableHeading')}
        firstColumn={t('agenda2030.coverage.goal')}
        kinds={kinds}
        rows={coverage.goals.map((g) => ({ key: String(g.goal), label: `${g.goal}. ${goalName(g.goal)}`, counts: g.counts, total: g.total }))}
        testId="coverage-table"
      />
    </>
  );
}

interface CoverageRow {
  key: string;
  label: string;
  counts: Partial<Record<string, number>>;
  total: number;
}

/** Counts per kind of work (events, inputs, measures …) for goals or for one goal's targets: the table alternative to the tiles. */
function CoverageTable({ caption, label = caption, firstColumn, kinds, rows, testId }: { caption: string; label?: string; firstColumn: string; kinds: readonly string[]; rows: CoverageRow[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            {kinds.map((k) => (
              <th scope="col" key={k}>
                {t(`agenda2030.kinds.${k}`)}
              </th>
            ))}
            <th scope="col">{t('agenda2030.coverage.total')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {kinds.map((k) => (
                <td key={k}>{row.counts[k] ?? 0}</td>
              ))}
              <td>{row.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EntryLink({ kind, id, spaceId, title }: { kind: string; id: string; spaceId: string; title: string }) {
  if (kind === 'event') return <Link to={`/events/${id}`}>{title}</Link>;
  if (kind === 'input') return <Link to={`/spaces/${spaceId}/inputs/${id}`}>{title}</Link>;
  if (kind === 'library_item') return <Link to={`/library/${id}`}>{title}</Link>;
  if (kind === 'measure') return <Link to={`/measures/${id}`}>{title}</Link>;
  if (kind === 'initiative') return <Link to={`/initiatives/${id}`}>{title}</Link>;
  if (kind === 'model') return <Link to={`/models/${id}`}>{title}</Link>;
  return <>{title}</>;
}
