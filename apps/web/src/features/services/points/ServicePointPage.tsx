import type { ServicePoint, ServicePointAction, Suggestion } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../../api/client.ts';
import { formatDate, formatDateTime } from '../../../api/format.ts';
import { useMe, useSpace } from '../../../api/hooks.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { DecisionControls } from '../../../components/DecisionControls.tsx';
import { Loading, QueryError, StatusMessage } from '../../../components/fields.tsx';
import { MunicipalityMap } from '../../../components/MunicipalityMap.tsx';
import { SpaceSubnav } from '../../spaces/SpaceSubnav.tsx';
import { servicePointKeys, usePointSuggestions, useServicePoint, useServicePointHistory } from './api.ts';
import { fieldLabel, fieldValueText, formatSek, kindLabel, supportLabel, typeLabel } from './labels.ts';
import { openingDayHours, openingDayLabel } from './opening-hours.ts';
import { StatusTag } from './ServicesPage.tsx';

/** One service point: its facts with their sources, its hours this week, history and suggestions. */
export function ServicePointPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const point = useServicePoint(id);
  usePageTitle(point.data?.name ?? t('servicePoints.point'));
  if (point.isPending) {
    return (
      <div className="container">
        <h1>{t('servicePoints.point')}</h1>
        <Loading />
      </div>
    );
  }
  if (point.isError) {
    if (isApiError(point.error) && (point.error.status === 404 || point.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={point.error} />;
  }
  return <PointView point={point.data} />;
}

function Source({ point, field }: { point: ServicePoint; field: string }) {
  const { t } = useTranslation();
  const source = point.sources[field];
  return source ? <span className="sp-source">{t('servicePoints.sourceIs', { source })}</span> : <span className="sp-source muted">{t('servicePoints.noSource')}</span>;
}

function PointView({ point }: { point: ServicePoint }) {
  const { t } = useTranslation();
  const space = useSpace(point.spaceId);
  const { data: me } = useMe();
  const can = (a: ServicePointAction) => point.allowedActions.includes(a);
  const fact = (field: string, label: string, value: React.ReactNode) => (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>
        {value}
        <br />
        <Source point={point} field={field} />
      </dd>
    </div>
  );
  return (
    <div className="container">
      {space.data && <SpaceSubnav space={space.data} />}
      <p className="breadcrumbs">
        <Link to={`/spaces/${point.spaceId}/services`}>{t('servicePoints.backToList')}</Link>
      </p>
      <h1>{point.name}</h1>
      <p className="tags">
        <StatusTag point={point} />
        {point.engineTypes.map((type) => (
          <span className="tag" key={type}>
            {typeLabel(t, type)}
          </span>
        ))}
      </p>
      <div className="actions">
        {can('update') && (
          <Link className="button" to={`/service-points/${point.id}/edit`}>
            {t('servicePoints.edit')}
          </Link>
        )}
        {can('suggest') && !can('update') && (
          <Link className="button" to={`/service-points/${point.id}/suggest`}>
            {t('servicePoints.suggest')}
          </Link>
        )}
        {!me && <p className="muted">{t('servicePoints.signInToSuggest')}</p>}
      </div>
      <div className="sp-layout">
        <section className="section" aria-labelledby="sp-facts-heading">
          <h2 id="sp-facts-heading">{t('servicePoints.facts')}</h2>
          <dl className="facts">
            {fact('kinds', t('servicePoints.fields.kinds'), point.kinds.map((k) => kindLabel(t, k)).join(', '))}
            {fact('address', t('servicePoints.fields.address'), point.address || '–')}
            {fact('location', t('servicePoints.fields.location'), `${point.lat.toFixed(5)}, ${point.lon.toFixed(5)}${point.municipalityName ? ` (${point.municipalityName})` : ''}`)}
            {fact('operatorOrganisationId', t('servicePoints.fields.operatorOrganisationId'), point.operatorOrganisationId ? <Link to={`/organisations/${point.operatorOrganisationId}`}>{point.operatorName}</Link> : '–')}
            {fact('staffed', t('servicePoints.fields.staffed'), point.staffed === null ? t('servicePoints.unknown') : point.staffed ? t('servicePoints.staffedYes') : t('servicePoints.staffedNo'))}
            {fact('seasonal', t('servicePoints.fields.seasonal'), point.seasonal ? `${t('servicePoints.yes')}${point.seasonNote ? ` – ${point.seasonNote}` : ''}` : t('servicePoints.no'))}
            {fact('status', t('servicePoints.fields.status'), <StatusTag point={point} />)}
            <div className="facts__row">
              <dt>{t('servicePoints.fields.externalId')}</dt>
              <dd>
                <code>{point.externalId}</code>
              </dd>
            </div>
            {point.openedOn && (
              <div className="facts__row">
                <dt>{t('servicePoints.fields.openedOn')}</dt>
                <dd>{formatDate(point.openedOn)}</dd>
              </div>
            )}
          </dl>
          {point.notes && <p className="description">{point.notes}</p>}
        </section>
        <MunicipalityMap codes={point.municipalityCode ? [point.municipalityCode] : []} roadsOf={point.spaceId} label={t('servicePoints.pointMapLabel', { name: point.name })} points={[{ id: point.id, lon: point.lon, lat: point.lat, label: point.name, muted: point.status === 'closed' }]} />
      </div>

      <section className="section" aria-labelledby="sp-hours-heading">
        <h2 id="sp-hours-heading">{t('servicePoints.hoursTitle')}</h2>
        {!point.openingHours ? (
          <p className="muted">{t('servicePoints.noHours')}</p>
        ) : (
          <>
            {point.openNow !== null && <p>{point.openNow ? t('servicePoints.openNowYes') : t('servicePoints.openNowNo')}</p>}
            {point.openingWeek && (
              <table className="table sp-hours" data-testid="opening-week">
                <caption>{t('servicePoints.hoursCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('servicePoints.day')}</th>
                    <th scope="col">{t('servicePoints.hours')}</th>
                  </tr>
                </thead>
                <tbody>
                  {point.openingWeek.map((day) => (
                    <tr key={day.date}>
                      <th scope="row">{openingDayLabel(day)}</th>
                      <td>{openingDayHours(day, t('servicePoints.closedDay'))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="muted">
              {t('servicePoints.hoursRaw')} <code>{point.openingHours}</code> <Source point={point} field="openingHours" />
            </p>
          </>
        )}
      </section>

      <section className="section" aria-labelledby="sp-support-heading">
        <h2 id="sp-support-heading">{t('servicePoints.supportTitle')}</h2>
        {point.supports.length === 0 ? (
          <p className="muted">{t('servicePoints.noSupport')}</p>
        ) : (
          <ul>
            {point.supports.map((s, i) => (
              <li key={i}>
                {supportLabel(t, s.kind)} {s.year}: {formatSek(s.amountSek)}
                {s.source ? ` – ${t('servicePoints.sourceIs', { source: s.source })}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <Suggestions point={point} signedIn={!!me} />
      <History point={point} />
    </div>
  );
}

function changesText(t: ReturnType<typeof useTranslation>['t'], point: ServicePoint, changes: Record<string, unknown>): string[] {
  return Object.entries(changes).map(([field, to]) => `${fieldLabel(t, field)}: ${fieldValueText(t, field, (point as unknown as Record<string, unknown>)[field])} → ${fieldValueText(t, field, to)}`);
}

function Suggestions({ point, signedIn }: { point: ServicePoint; signedIn: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const suggestions = usePointSuggestions(point.id, signedIn);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: ({ s, decision }: { s: Suggestion; decision: 'accept' | 'reject' }) =>
      api.decideSuggestion({ params: { id: s.id }, body: { decision, note: notes[s.id] ?? '' } }),
    onSuccess: async (s) => {
      setMessage(s.status === 'accepted' ? t('servicePoints.accepted') : t('servicePoints.rejected'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: servicePointKeys.point(point.id) }),
        queryClient.invalidateQueries({ queryKey: servicePointKeys.history(point.id) }),
        queryClient.invalidateQueries({ queryKey: servicePointKeys.suggestions(point.id) }),
        queryClient.invalidateQueries({ queryKey: servicePointKeys.spaceSuggestions(point.spaceId) }),
      ]);
    },
  });
  if (!signedIn) return null;
  const list = suggestions.data ?? [];
  return (
    <section className="section" aria-labelledby="suggestions" data-testid="suggestions">
      <h2 id="suggestions">{t('servicePoints.suggestionsTitle')}</h2>
      {message && <StatusMessage>{message}</StatusMessage>}
      {decide.isError && <QueryError error={decide.error} />}
      {suggestions.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="muted">{t('servicePoints.noSuggestions')}</p>
      ) : (
        <ul className="sp-suggestions">
          {list.map((s) => (
            <li key={s.id} className="panel" data-testid="suggestion">
              <p>
                <strong>{t(`servicePoints.suggestionStatus.${s.status}`)}</strong> – {s.mine ? t('servicePoints.byYou') : (s.proposedByName ?? t('servicePoints.someone'))}, {formatDateTime(s.proposedAt)}
              </p>
              <ul>
                {changesText(t, point, s.changes).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {s.comment && <p className="description">{s.comment}</p>}
              {s.decisionNote && <p className="muted">{t('servicePoints.decisionNote', { note: s.decisionNote })}</p>}
              {s.allowedActions.includes('accept') && (
                <DecisionControls
                  scope={`decision-${s.id}`}
                  noteLabel={t('servicePoints.decisionNoteLabel')}
                  note={notes[s.id] ?? ''}
                  onNoteChange={(note) => setNotes({ ...notes, [s.id]: note })}
                  acceptLabel={t('servicePoints.accept')}
                  rejectLabel={t('servicePoints.reject')}
                  pending={decide.isPending}
                  onDecide={(decision) => decide.mutate({ s, decision })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function History({ point }: { point: ServicePoint }) {
  const { t } = useTranslation();
  const history = useServicePointHistory(point.id);
  return (
    <section className="section" aria-labelledby="sp-history-heading">
      <h2 id="sp-history-heading">{t('servicePoints.historyTitle')}</h2>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <QueryError error={history.error} />
      ) : (
        <ol className="sp-history" data-testid="history">
          {history.data.map((c) => (
            <li key={c.id}>
              <p>
                <strong>{t(`servicePoints.changeKinds.${c.kind}`)}</strong> {formatDateTime(c.at)}
                {c.actorName ? ` – ${c.actorName}` : ''}
              </p>
              {Object.values(c.changes).some((v) => v.from !== null) && (
                <ul>
                  {Object.entries(c.changes).map(([field, v]) => (
                    <li key={field}>
                      {fieldLabel(t, field)}: {fieldValueText(t, field, v.from)} → {fieldValueText(t, field, v.to)}
                    </li>
                  ))}
                </ul>
              )}
              {c.note && <p className="muted">{c.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
