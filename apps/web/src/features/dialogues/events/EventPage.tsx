import type { Event, EventAction, EventDocument } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../../api/client.ts';
import { formatDateTime, formatNumber } from '../../../api/format.ts';
import { useMe } from '../../../api/hooks.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { MunicipalityMap } from '../../../components/MunicipalityMap.tsx';
import {
  ErrorSummary,
  fieldError,
  Loading,
  QueryError,
  RadioGroup,
  SelectField,
  StatusMessage,
  TextAreaField,
  TextField,
} from '../../../components/fields.tsx';
import { AGE_GROUPS, ageGroupLabel, options, SECTORS, sectorLabel } from '../../actors/labels.ts';
import { eventKeys, useDocuments, useEvent } from './api.ts';
import { eventKindLabel, modeLabel } from './labels.ts';
import { pick } from '../../../i18n/labels.ts';
import { formatEventTime, formatTime, stockholmToIso } from './time.ts';
import { uploadFile } from './upload.ts';

/** The public page of an event: what, when, where, the agenda, registration without an account. */
export function EventPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const event = useEvent(id);
  usePageTitle(event.data?.title ?? t('events.event'));
  if (event.isPending) {
    return (
      <div className="container">
        <h1>{t('events.event')}</h1>
        <Loading />
      </div>
    );
  }
  if (event.isError) {
    if (isApiError(event.error) && (event.error.status === 404 || event.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={event.error} />;
  }
  return <EventView event={event.data} />;
}

function EventView({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const can = (action: EventAction) => event.allowedActions.includes(action);
  const mapLink =
    event.lat !== null && event.lon !== null
      ? `https://www.openstreetmap.org/?mlat=${event.lat}&mlon=${event.lon}#map=14/${event.lat}/${event.lon}`
      : null;
  return (
    <div className="container">
      <p className="breadcrumbs">
        <Link to={`/spaces/${event.spaceId}/events`}>{t('events.backTo', { name: event.spaceName })}</Link>
      </p>
      <h1>{event.title}</h1>
      <p className="tags">
        <span className="tag">{eventKindLabel(t, event.kind)}</span>
        {event.modes.map((m) => (
          <span key={m} className="tag tag--public">
            {modeLabel(t, m)}
          </span>
        ))}
      </p>
      {event.status === 'cancelled' && (
        <div className="notice notice--error" data-testid="event-cancelled">
          <p>{t('events.cancelledNotice', { date: formatDateTime(event.cancelledAt) })}</p>
          {event.cancelReason && <p>{t('events.reason', { reason: event.cancelReason })}</p>}
        </div>
      )}
      {event.rescheduledAt && event.status !== 'cancelled' && (
        <div className="notice notice--info">{t('events.rescheduledNotice', { date: formatDateTime(event.rescheduledAt) })}</div>
      )}
      <dl className="facts">
        <div>
          <dt>{t('events.when')}</dt>
          <dd data-testid="event-when">{formatEventTime(i18n.language, event.startsAt, event.endsAt)}</dd>
        </div>
        {(event.placeName || event.address) && (
          <div>
            <dt>{t('events.where')}</dt>
            <dd>
              {[event.placeName, event.address].filter(Boolean).join(', ')}
              {mapLink && (
                <>
                  {' '}
                  <a href={mapLink} rel="noopener noreferrer" target="_blank">
                    {t('events.onMap')}
                  </a>
                </>
              )}
            </dd>
          </div>
        )}
        {event.onlineUrl && (
          <div>
            <dt>{t('events.online')}</dt>
            <dd>{t('events.onlineLinkSent')}</dd>
          </div>
        )}
        {event.modes.includes('on_site') && (
          <div>
            <dt>{t('events.seatsOnSite')}</dt>
            <dd data-testid="seats-on-site">
              {event.seats.on_site.capacity === null
                ? t('events.noLimit')
                : t('events.seatsLeft', { available: event.seats.on_site.available, capacity: event.seats.on_site.capacity })}
            </dd>
          </div>
        )}
        {event.modes.includes('online') && (
          <div>
            <dt>{t('events.seatsOnline')}</dt>
            <dd>
              {event.seats.online.capacity === null
                ? t('events.noLimit')
                : t('events.seatsLeft', { available: event.seats.online.available, capacity: event.seats.online.capacity })}
            </dd>
          </div>
        )}
        {event.cohosts.length > 0 && (
          <div>
            <dt>{t('events.cohosts')}</dt>
            <dd>
              {event.cohosts.map((c, i) => (
                <span key={c.id}>
                  {i > 0 && ', '}
                  <Link to={`/organisations/${c.id}`}>{c.name}</Link>
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
      <p>
        <a href={`/api/events/${event.id}/calendar.ics`} download={`${event.title}.ics`}>
          {t('events.addToCalendar')}
        </a>
      </p>
      {event.description && <p className="prose description">{event.description}</p>}
      {event.lat !== null && event.lon !== null && (
        <MunicipalityMap
          codes={event.municipalityCode ? [event.municipalityCode] : []}
          label={t('events.placeMapLabel', { title: event.title })}
          points={[{ id: event.id, lon: event.lon, lat: event.lat, label: event.placeName ?? event.title }]}
        />
      )}
      {event.agenda.length > 0 && (
        <section className="section" aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">{t('events.agenda')}</h2>
          <ol className="plain-list" data-testid="agenda">
            {event.agenda.map((item, i) => (
              <li key={i}>
                <strong>
                  {formatTime(i18n.language, item.startsAt)}
                  {item.endsAt && `–${formatTime(i18n.language, item.endsAt)}`}
                </strong>{' '}
                {item.title}
                {item.description && <span className="muted"> – {item.description}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
      {can('update') && <LeaderActions event={event} />}
      {can('register') ? (
        <RegistrationForm event={event} />
      ) : (
        event.status !== 'cancelled' && (
          <section className="section" aria-labelledby="register-heading">
            <h2 id="register-heading">{t('events.registerHeading')}</h2>
            <p data-testid="registration-closed">{t('events.registrationClosed')}</p>
          </section>
        )
      )}
      <DocumentsSection event={event} />
    </div>
  );
}

function RegistrationForm({ event }: { event: Event }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const ask = (q: string) => event.questions.includes(q as Event['questions'][number]);
  const [v, setV] = useState({
    name: me?.name ?? '',
    email: me?.email ?? '',
    mode: event.modes[0] ?? 'on_site',
    organisation: '',
    sector: '',
    ageGroup: '',
    dietaryNeeds: '',
    accessibilityNeeds: '',
  });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const done = useRef<HTMLDivElement>(null);
  const register = useMutation({
    mutationFn: () =>
      api.registerForEvent({ params: { id: event.id }, body: {
            name: v.name,
            email: v.email,
            mode: v.mode,
            ...(ask('organisation') && v.organisation.trim() ? { organisation: v.organisation } : {}),
            ...(ask('sector') ? { sector: pick(SECTORS, v.sector) } : {}),
            ...(ask('age_group') ? { ageGroup: pick(AGE_GROUPS, v.ageGroup) } : {}),
            ...(ask('dietary_needs') && v.dietaryNeeds.trim() ? { dietaryNeeds: v.dietaryNeeds } : {}),
            ...(ask('accessibility_needs') && v.accessibilityNeeds.trim() ? { accessibilityNeeds: v.accessibilityNeeds } : {}),
          } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: eventKeys.one(event.id) });
      setTimeout(() => done.current?.focus(), 0);
    },
  });
  const labels: Record<string, string> = {
    name: t('fields.name'),
    email: t('fields.email'),
    mode: t('events.modeLabel'),
    organisation: t('events.question.organisation'),
    sector: t('events.question.sector'),
    ageGroup: t('events.question.age_group'),
    dietaryNeeds: t('events.question.dietary_needs'),
    accessibilityNeeds: t('events.question.accessibility_needs'),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate();
  };
  if (register.isSuccess) {
    const r = register.data;
    return (
      <section className="section panel" aria-labelledby="register-heading">
        <h2 id="register-heading">{t('events.registerHeading')}</h2>
        <div
          ref={done}
          tabIndex={-1}
          className={`notice ${r.status === 'confirmed' ? 'notice--success' : 'notice--info'}`}
          role="status"
          data-testid="registration-receipt"
        >
          <p>
            {r.status === 'confirmed'
              ? t('events.confirmed', { email: v.email })
              : t('events.waitlisted', { position: r.waitlistPosition, email: v.email })}
          </p>
          <p>
            <Link to={`/registrations/${r.id}#token=${r.cancelToken}`}>{t('events.ownLink')}</Link>
          </p>
        </div>
      </section>
    );
  }
  return (
    <section className="section panel" aria-labelledby="register-heading">
      <h2 id="register-heading">{t('events.registerHeading')}</h2>
      <p>{t('events.registerLead')}</p>
      <ErrorSummary error={register.error} scope="registration" labels={labels} />
      <form onSubmit={submit} noValidate data-testid="registration-form">
        <TextField
          scope="registration"
          label={labels.name}
          name="name"
          autoComplete="name"
          value={v.name}
          onChange={set('name')}
          error={fieldError(register.error, 'name')}
          required
        />
        <TextField
          scope="registration"
          label={labels.email}
          hint={t('events.emailHint')}
          name="email"
          type="email"
          autoComplete="email"
          value={v.email}
          onChange={set('email')}
          error={fieldError(register.error, 'email')}
          required
        />
        {event.modes.length > 1 && (
          <RadioGroup
            scope="registration"
            label={labels.mode}
            name="mode"
            value={v.mode}
            onChange={(m) => setV({ ...v, mode: m as typeof v.mode })}
            options={event.modes.map((m) => {
              const seats = event.seats[m];
              return {
                value: m,
                label: modeLabel(t, m),
                hint:
                  seats.capacity === null
                    ? undefined
                    : seats.available
                      ? t('events.seatsLeft', { available: seats.available, capacity: seats.capacity })
                      : t('events.fullWaitlist'),
              };
            })}
            error={fieldError(register.error, 'mode')}
            required
          />
        )}
        {ask('organisation') && (
          <TextField
            scope="registration"
            label={labels.organisation}
            name="organisation"
            autoComplete="organization"
            value={v.organisation}
            onChange={set('organisation')}
            error={fieldError(register.error, 'organisation')}
          />
        )}
        <div className="form-row">
          {ask('sector') && (
            <SelectField
              scope="registration"
              label={labels.sector}
              name="sector"
              value={v.sector}
              onChange={set('sector')}
              options={options(SECTORS, (s) => sectorLabel(t, s), t('events.notStated'))}
              error={fieldError(register.error, 'sector')}
            />
          )}
          {ask('age_group') && (
            <SelectField
              scope="registration"
              label={labels.ageGroup}
              name="ageGroup"
              value={v.ageGroup}
              onChange={set('ageGroup')}
              options={options(AGE_GROUPS, (a) => ageGroupLabel(t, a), t('events.notStated'))}
              error={fieldError(register.error, 'ageGroup')}
            />
          )}
        </div>
        {ask('dietary_needs') && (
          <TextAreaField
            scope="registration"
            label={labels.dietaryNeeds}
            name="dietaryNeeds"
            rows={2}
            value={v.dietaryNeeds}
            onChange={set('dietaryNeeds')}
            error={fieldError(register.error, 'dietaryNeeds')}
          />
        )}
        {ask('accessibility_needs') && (
          <TextAreaField
            scope="registration"
            label={labels.accessibilityNeeds}
            name="accessibilityNeeds"
            rows={2}
            value={v.accessibilityNeeds}
            onChange={set('accessibilityNeeds')}
            error={fieldError(register.error, 'accessibilityNeeds')}
          />
        )}
        <p className="muted">{t('events.privacy')}</p>
        <div className="actions">
          <button type="submit" className="button" disabled={register.isPending}>
            {t('events.register')}
          </button>
        </div>
      </form>
    </section>
  );
}

function LeaderActions({ event }: { event: Event }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [times, setTimes] = useState({ startsAt: '', endsAt: '', reason: '' });
  const [cancelReason, setCancelReason] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: eventKeys.one(event.id) });
  const reschedule = useMutation({
    mutationFn: () =>
      api.rescheduleEvent({ params: { id: event.id }, body: {
          startsAt: stockholmToIso(times.startsAt) ?? undefined,
          endsAt: stockholmToIso(times.endsAt) ?? undefined,
          ...(times.reason.trim() ? { reason: times.reason } : {}),
        } }),
    onSuccess: async () => {
      setMessage(t('events.rescheduledDone'));
      await refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: () =>
      api.cancelEvent({ params: { id: event.id }, body: cancelReason.trim() ? { reason: cancelReason } : {} }),
    onSuccess: async () => {
      setMessage(t('events.cancelledDone'));
      await refresh();
    },
  });
  const registered =
    event.seats.on_site.confirmed + event.seats.online.confirmed + event.seats.on_site.waitlisted + event.seats.online.waitlisted;
  return (
    <section className="section panel" aria-labelledby="lead-heading" data-testid="leader-actions">
      <h2 id="lead-heading">{t('events.leadHeading')}</h2>
      <p>{t('events.registeredCount', { count: registered })}</p>
      <ul className="link-cards">
        <li>
          <Link to={`/events/${event.id}/edit`}>{t('events.edit')}</Link>
        </li>
        {event.allowedActions.includes('view_registrations') && (
          <li>
            <Link to={`/events/${event.id}/attendance`}>{t('events.attendanceLink')}</Link>
          </li>
        )}
        {/* live workshop boards */}
        <li>
          <Link to={`/events/${event.id}/boards`}>{t('board.event.link')}</Link>
        </li>
      </ul>
      {message && <StatusMessage>{message}</StatusMessage>}
      {event.allowedActions.includes('reschedule') && (
        <form
          className="section"
          noValidate
          data-testid="reschedule-form"
          onSubmit={(e) => {
            e.preventDefault();
            reschedule.mutate();
          }}
        >
          <h3>{t('events.rescheduleHeading')}</h3>
          <p className="muted">{t('events.rescheduleHint')}</p>
          <ErrorSummary
            error={reschedule.error}
            scope="reschedule"
            labels={{ startsAt: t('events.startsAt'), endsAt: t('events.endsAt') }}
          />
          <div className="form-row">
            <TextField
              scope="reschedule"
              label={t('events.startsAt')}
              name="startsAt"
              type="datetime-local"
              value={times.startsAt}
              onChange={(e) => setTimes({ ...times, startsAt: e.target.value })}
              error={fieldError(reschedule.error, 'startsAt')}
              required
            />
            <TextField
              scope="reschedule"
              label={t('events.endsAt')}
              name="endsAt"
              type="datetime-local"
              value={times.endsAt}
              onChange={(e) => setTimes({ ...times, endsAt: e.target.value })}
              error={fieldError(reschedule.error, 'endsAt')}
              required
            />
          </div>
          <TextField
            scope="reschedule"
            label={t('events.reasonLabel')}
            name="reason"
            value={times.reason}
            onChange={(e) => setTimes({ ...times, reason: e.target.value })}
          />
          <button type="submit" className="button button--secondary" disabled={reschedule.isPending}>
            {t('events.rescheduleButton')}
          </button>
        </form>
      )}
      {event.allowedActions.includes('cancel') && (
        <form
          className="section"
          noValidate
          data-testid="cancel-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (window.confirm(t('events.cancelConfirm'))) cancel.mutate();
          }}
        >
          <h3>{t('events.cancelHeading')}</h3>
          <ErrorSummary error={cancel.error} />
          <TextField
            scope="cancel"
            label={t('events.reasonLabel')}
            name="reason"
            value={cancelReason}
            onChange={(e) => setCancelReason(e.target.value)}
          />
          <button type="submit" className="button button--warning" disabled={cancel.isPending}>
            {t('events.cancelButton')}
          </button>
        </form>
      )}
    </section>
  );
}

function DocumentsSection({ event }: { event: Event }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const documents = useDocuments(event.id);
  const [kind, setKind] = useState('minutes');
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('kind', kind);
      if (title.trim()) form.append('title', title.trim());
      const file = fileInput.current?.files?.[0];
      if (file) form.append('file', file, file.name);
      return uploadFile<EventDocument>(`/api/events/${event.id}/documents`, form);
    },
    onSuccess: async (d) => {
      setMessage(t('events.documents.uploaded', { title: d.title }));
      setTitle('');
      if (fileInput.current) fileInput.current.value = '';
      await queryClient.invalidateQueries({ queryKey: eventKeys.documents(event.id) });
    },
  });
  const remove = useMutation({
    mutationFn: (d: EventDocument) => api.removeEventDocument({ params: { id: event.id, documentId: d.id } }),
    onSuccess: async (_r, d) => {
      setMessage(t('events.documents.removed', { title: d.title }));
      await queryClient.invalidateQueries({ queryKey: eventKeys.documents(event.id) });
    },
  });
  const canUpload = event.allowedActions.includes('upload_documents');
  if (!canUpload && documents.data?.length === 0) return null;
  return (
    <section className="section" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('events.documents.heading')}</h2>
      {message && <StatusMessage>{message}</StatusMessage>}
      {documents.isPending ? (
        <Loading />
      ) : documents.isError ? (
        <QueryError error={documents.error} />
      ) : documents.data.length === 0 ? (
        <p className="empty">{t('events.documents.none')}</p>
      ) : (
        <ul className="download-list" data-testid="documents">
          {documents.data.map((d) => (
            <li key={d.id}>
              <a href={`/api/events/${event.id}/documents/${d.id}`} download={d.fileName}>
                {d.title}
              </a>{' '}
              <span className="muted">
                ({t(`events.documents.kind.${d.kind}`)}, {formatNumber(Math.max(1, Math.round(d.size / 1024)))} kB,{' '}
                {formatDateTime(d.createdAt)})
              </span>{' '}
              {d.allowedActions.includes('delete') && (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => remove.mutate(d)}
                  disabled={remove.isPending}
                >
                  {t('common.remove')}
                  <span className="visually-hidden"> {d.title}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canUpload && (
        <form
          className="panel"
          noValidate
          data-testid="upload-form"
          onSubmit={(e) => {
            e.preventDefault();
            upload.mutate();
          }}
        >
          <h3>{t('events.documents.uploadHeading')}</h3>
          <ErrorSummary error={upload.error} scope="upload" labels={{ file: t('events.documents.file') }} />
          <div className="field">
            <label className="field__label" htmlFor="upload-file">
              {t('events.documents.file')}
            </label>
            <p className="field__hint" id="upload-file-hint">
              {t('events.documents.fileHint')}
            </p>
            <input
              ref={fileInput}
              id="upload-file"
              name="file"
              type="file"
              className="input input--file"
              aria-describedby="upload-file-hint"
              accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt,.png,.jpg,.jpeg"
            />
          </div>
          <div className="form-row">
            <SelectField
              scope="upload"
              label={t('events.documents.kindLabel')}
              name="kind"
              value={kind}
              onChange={(e) => setKind(e.target.value)}
              options={['minutes', 'presentation', 'document'].map((k) => ({ value: k, label: t(`events.documents.kind.${k}`) }))}
            />
            <TextField
              scope="upload"
              label={t('events.documents.title')}
              name="title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={upload.isPending}>
            {t('events.documents.upload')}
          </button>
        </form>
      )}
    </section>
  );
}
