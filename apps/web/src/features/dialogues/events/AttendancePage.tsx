import type { Event, EventStatistics, Registration } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WithdrawConsentButton } from '../../privacy/WithdrawConsentButton.tsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../../api/client.ts';
import { collator, formatNumber } from '../../../api/format.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { Loading, QueryError, StatusMessage, TextField } from '../../../components/fields.tsx';
import { ageGroupLabel, sectorLabel } from '../../actors/labels.ts';
import { eventKeys, useEvent, useRegistrations, useStatistics } from './api.ts';
import { modeLabel, registrationStatusLabel } from './labels.ts';
import { formatEventTime } from './time.ts';
import { displayName } from '../../privacy/deleted-user.ts';

/**
 * The door list on a phone: search by name, tick who came (or scan their QR with the camera),
 * and the figures by sector, age group and on site/online.
 */
export function AttendancePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const event = useEvent(id);
  usePageTitle(event.data ? t('events.attendance.titleFor', { title: event.data.title }) : t('events.attendance.title'));
  if (event.isPending) {
    return (
      <div className="container">
        <h1>{t('events.attendance.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (event.isError) {
    if (isApiError(event.error) && (event.error.status === 404 || event.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={event.error} />;
  }
  return <AttendanceView event={event.data} />;
}

function AttendanceView({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const allowed = event.allowedActions.includes('view_registrations');
  const registrations = useRegistrations(event.id, allowed);
  const [q, setQ] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const mark = useMutation({
    mutationFn: ({ r, attended }: { r: Registration; attended: boolean }) =>
      api.markAttendance({ params: { id: r.id }, body: { attended } }),
    onSuccess: async (r) => {
      setMessage(r.checkedInAt ? t('events.attendance.marked', { name: r.name }) : t('events.attendance.unmarked', { name: r.name }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: eventKeys.registrations(event.id) }),
        queryClient.invalidateQueries({ queryKey: eventKeys.statistics(event.id) }),
      ]);
    },
  });
  const live = (registrations.data ?? []).filter((r) => r.status !== 'cancelled');
  const shown = live
    .filter((r) => !q.trim() || r.name.toLocaleLowerCase('sv').includes(q.trim().toLocaleLowerCase('sv')))
    .sort((a, b) => collator.compare(a.name, b.name));
  const present = live.filter((r) => r.checkedInAt).length;
  return (
    <div className="container">
      <p className="breadcrumbs">
        <Link to={`/events/${event.id}`}>{event.title}</Link>
      </p>
      <h1>{t('events.attendance.titleFor', { title: event.title })}</h1>
      <p className="lead">{formatEventTime(i18n.language, event.startsAt, event.endsAt)}</p>
      {!allowed ? (
        <div className="notice notice--info">{t('events.attendance.leadersOnly')}</div>
      ) : (
        <section className="section" aria-labelledby="door-heading">
          <h2 id="door-heading">{t('events.attendance.doorHeading')}</h2>
          <p>{t('events.attendance.qrHint')}</p>
          <p data-testid="present-count" aria-live="polite">
            {t('events.attendance.present', { present, total: live.filter((r) => r.status === 'confirmed').length })}
          </p>
          {message && <StatusMessage>{message}</StatusMessage>}
          {mark.isError && <QueryError error={mark.error} />}
          <TextField
            scope="attendance"
            label={t('events.attendance.search')}
            name="q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            autoComplete="off"
          />
          {registrations.isPending ? (
            <Loading />
          ) : registrations.isError ? (
            <QueryError error={registrations.error} />
          ) : shown.length === 0 ? (
            <p className="empty">{t('events.attendance.none')}</p>
          ) : (
            <ul className="attendance-list" data-testid="attendance-list">
              {shown.map((r) => (
                <li key={r.id} className="attendance-item">
                  <input
                    type="checkbox"
                    id={`attended-${r.id}`}
                    checked={r.checkedInAt !== null}
                    disabled={mark.isPending}
                    onChange={(e) => mark.mutate({ r, attended: e.target.checked })}
                    aria-describedby={`attended-${r.id}-details`}
                  />
                  <label htmlFor={`attended-${r.id}`}>
                    <span className="attendance-item__name">{displayName(t, r.name)}</span>
                    <span id={`attended-${r.id}-details`} className="muted">
                      {[
                        modeLabel(t, r.mode),
                        r.status === 'waitlisted' ? registrationStatusLabel(t, r.status) : null,
                        r.organisation,
                        r.sector ? sectorLabel(t, r.sector) : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                      {r.checkInMethod === 'qr' ? ` · ${t('events.attendance.viaQr')}` : ''}
                    </span>
                  </label>
                  {!r.consentWithdrawnAt && (
                    <WithdrawConsentButton
                      kind="registration"
                      id={r.id}
                      name={r.name}
                      onDone={() => queryClient.invalidateQueries({ queryKey: eventKeys.registrations(event.id) })}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <StatisticsSection event={event} />
    </div>
  );
}

function StatisticsSection({ event }: { event: Event }) {
  const { t } = useTranslation();
  const stats = useStatistics(event.id);
  return (
    <section className="section" aria-labelledby="stats-heading">
      <h2 id="stats-heading">{t('events.attendance.statsHeading')}</h2>
      {stats.isPending ? <Loading /> : stats.isError ? <QueryError error={stats.error} /> : <StatisticsTables stats={stats.data} />}
    </section>
  );
}

function StatisticsTables({ stats }: { stats: EventStatistics }) {
  const { t } = useTranslation();
  const rows = (map: EventStatistics['bySector'], label: (k: string) => string) =>
    Object.entries(map)
      .map(([key, v]) => ({ key, label: key === 'unknown' ? t('events.notStated') : label(key), ...v }))
      .sort((a, b) => (a.key === 'unknown' ? 1 : b.key === 'unknown' ? -1 : collator.compare(a.label, b.label)));
  const columns = [
    { key: 'label', header: t('events.attendance.group'), rowHeader: true, cell: (r: { label: string }) => r.label },
    {
      key: 'registered',
      header: t('events.attendance.registered'),
      numeric: true,
      cell: (r: { registered: number }) => formatNumber(r.registered),
    },
    {
      key: 'attended',
      header: t('events.attendance.attended'),
      numeric: true,
      cell: (r: { attended: number }) => formatNumber(r.attended),
    },
  ];
  return (
    <>
      <dl className="facts facts--compact" data-testid="stats-summary">
        <div>
          <dt>{t('events.attendance.registered')}</dt>
          <dd>{formatNumber(stats.registered)}</dd>
        </div>
        <div>
          <dt>{t('events.attendance.attended')}</dt>
          <dd>{formatNumber(stats.attended)}</dd>
        </div>
        <div>
          <dt>{t('events.attendance.waitlisted')}</dt>
          <dd>{formatNumber(stats.waitlisted)}</dd>
        </div>
        <div>
          <dt>{t('events.attendance.sectorsPresent')}</dt>
          <dd>{formatNumber(stats.sectorsPresent)}</dd>
        </div>
      </dl>
      <DataTable
        caption={t('events.attendance.bySector')}
        rows={rows(stats.bySector, (k) => sectorLabel(t, k))}
        rowKey={(r) => r.key}
        columns={columns}
        testId="stats-sector"
      />
      <DataTable
        caption={t('events.attendance.byAgeGroup')}
        rows={rows(stats.byAgeGroup, (k) => ageGroupLabel(t, k))}
        rowKey={(r) => r.key}
        columns={columns}
        testId="stats-age"
      />
      <DataTable
        caption={t('events.attendance.byMode')}
        rows={rows(stats.byMode, (k) => modeLabel(t, k))}
        rowKey={(r) => r.key}
        columns={columns}
        testId="stats-mode"
      />
    </>
  );
}
