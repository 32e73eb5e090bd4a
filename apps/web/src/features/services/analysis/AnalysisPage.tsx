import type { Analysis, Space } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../../api/client.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../api/format.ts';
import { useSpace } from '../../../api/hooks.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { Loading, QueryError } from '../../../components/fields.tsx';
import { SpaceSubnav } from '../../spaces/SpaceSubnav.tsx';
import { analysisKeys, useAnalysis } from './api.ts';
import { typeLabel } from './labels.ts';
import { ResultsView } from './ResultsView.tsx';

export function AnalysisPage() {
  const { id = '', analysisId = '' } = useParams();
  const { t } = useTranslation();
  const space = useSpace(id);
  const analysis = useAnalysis(analysisId);
  usePageTitle(analysis.data ? t('analyses.analysisTitle', { name: analysis.data.name }) : t('analyses.title'));
  if (space.isPending || analysis.isPending)
    return (
      <div className="container">
        <h1>{t('analyses.title')}</h1>
        <Loading />
      </div>
    );
  const error = space.error ?? analysis.error;
  if (error) {
    if (isApiError(error) && (error.status === 404 || error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={error} />;
  }
  if (analysis.data!.spaceId !== space.data!.id) return <NotFoundPage />;
  return <AnalysisView space={space.data!} analysis={analysis.data!} />;
}

function AnalysisView({ space, analysis }: { space: Space; analysis: Analysis }) {
  const { t } = useTranslation();
  const running = analysis.status === 'queued' || analysis.status === 'running';
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <p className="breadcrumb">
        <Link to={`/spaces/${space.id}/analyses`}>{t('analyses.backToList')}</Link>
      </p>
      <h1>{t('analyses.analysisTitle', { name: analysis.name })}</h1>
      <Inputs analysis={analysis} />
      {running && <Progress analysis={analysis} />}
      {analysis.status === 'failed' && (
        <div className="notice notice--error" role="alert">
          {t('analyses.failed', { error: analysis.error ?? '' })}
        </div>
      )}
      {analysis.status === 'cancelled' && <div className="notice notice--info">{t('analyses.cancelled')}</div>}
      {analysis.status === 'done' && <ResultsView space={space} analysis={analysis} />}
    </div>
  );
}

/** What the analysis was made from: so that every figure on the page can be traced and reproduced. */
function Inputs({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation();
  const i = analysis.inputs;
  return (
    <section className="panel" aria-labelledby="inputs-heading" data-testid="analysis-inputs">
      <h2 id="inputs-heading">{t('analyses.inputs.heading')}</h2>
      <dl className="analysis-facts">
        <dt>{t('analyses.inputs.points')}</dt>
        <dd>{t('analyses.inputs.pointsValue', { count: i.pointCount, date: formatDate(i.pointsAsOf) })}</dd>
        <dt>{t('analyses.inputs.population')}</dt>
        <dd>
          {i.population.name}
          {i.population.year ? ` (${i.population.year})` : ''}
        </dd>
        <dt>{t('analyses.inputs.network')}</dt>
        <dd>{i.network ? `${i.network.name} (${i.network.fileName})` : t('analyses.inputs.straight')}</dd>
        <dt>{t('analyses.inputs.types')}</dt>
        <dd>{i.types.map((ty) => typeLabel(t, ty)).join(', ')}</dd>
        <dt>{t('analyses.inputs.classes')}</dt>
        <dd>{t('analyses.inputs.classesValue', { limits: i.thresholdsMin.join(', '), vulnerable: i.vulnerableMin })}</dd>
        <dt>{t('analyses.inputs.profile')}</dt>
        <dd>{t('analyses.inputs.profileValue', { snap: String(i.profile.snap_kmh ?? '–'), max: formatNumber(Number(i.profile.max_snap_m ?? 0)) })}</dd>
        <dt>{t('analyses.inputs.created')}</dt>
        <dd>{formatDateTime(analysis.createdAt)}</dd>
      </dl>
      <p>
        <a href={`/api/analyses/${analysis.id}/results.csv`} download data-testid="results-csv">
          {t('analyses.downloadCsv')}
        </a>
      </p>
    </section>
  );
}

function Progress({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api.cancelAnalysis({ params: { id: analysis.id } }),
    onSuccess: (data) => queryClient.setQueryData(analysisKeys.one(analysis.id), data),
  });
  const stage = analysis.status === 'queued' ? t('analyses.stage.queued') : t(`analyses.stage.${analysis.progress.stage ?? 'prepare'}`, { defaultValue: analysis.progress.stage ?? '' });
  return (
    <section className="panel section" aria-labelledby="progress-heading" data-testid="analysis-progress">
      <h2 id="progress-heading">{t('analyses.progressHeading')}</h2>
      <label htmlFor="analysis-progress-bar">{stage}</label>
      <progress id="analysis-progress-bar" max={100} value={analysis.progress.percent} data-stage={analysis.progress.stage ?? analysis.status}>
        {analysis.progress.percent} %
      </progress>
      <p role="status" aria-live="polite">
        {t('analyses.progressText', { stage, percent: analysis.progress.percent })}
      </p>
      {cancel.isError && <QueryError error={cancel.error} />}
      {analysis.allowedActions.includes('cancel') && (
        <button type="button" className="button button--secondary" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
          {t('analyses.cancel')}
        </button>
      )}
    </section>
  );
}
