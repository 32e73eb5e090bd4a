import type { Event } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client.ts';
import { ErrorSummary, fieldError, StatusMessage, TextField } from '../../../components/fields.tsx';
import { eventKeys } from './api.ts';
import { stockholmToIso } from './time.ts';

export function LeaderActions({ event }: { event: Event }) {
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
