import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { usePageTitle } from '../../../app/usePage.ts';
import { Loading, QueryError, StatusMessage } from '../../../components/fields.tsx';
import { modeLabel, registrationStatusLabel } from './labels.ts';
import { formatEventTime } from './time.ts';
import { ExternalLink } from '../../../components/ExternalLink.tsx';

interface OwnRegistration {
  id: string;
  event: {
    id: string;
    title: string;
    startsAt: string;
    endsAt: string;
    status: 'scheduled' | 'cancelled';
    placeName: string | null;
    address: string | null;
    onlineUrl: string | null;
  };
  name: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  mode: 'on_site' | 'online';
  waitlistPosition: number | null;
  checkedIn: boolean;
  checkInQrSvg: string | null;
}

/**
 * The token of the participant's own link. Unlike one-time sign-in links it stays in the address's
 * fragment (never sent to a server, not in Referer), so the page survives a reload and a bookmark
 * (issue 13 §4); it lets its holder see and cancel this one registration, as the e-mail does.
 */
function useRegistrationToken(): string | null {
  const [token] = useState(() => new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token'));
  return token;
}

/** The participant's own registration through the link in their e-mail: status, QR for the door, cancel. */
export function RegistrationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('events.own.title'));
  const token = useRegistrationToken();
  const queryClient = useQueryClient();
  const registration = useQuery({
    queryKey: ['own-registration', id, token],
    queryFn: () => api.getOwnRegistration({ params: { id }, query: { token } }),
    retry: false,
  });
  const cancel = useMutation({
    mutationFn: () => api.cancelRegistration({ params: { id }, query: { token } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['own-registration', id, token] }),
  });
  return (
    <div className="container narrow">
      <h1>{t('events.own.title')}</h1>
      {registration.isPending ? (
        <Loading />
      ) : registration.isError ? (
        <>
          <QueryError error={registration.error} />
          <p>{t('events.own.linkHint')}</p>
        </>
      ) : (
        <OwnView
          r={registration.data}
          cancelling={cancel.isPending}
          cancelled={cancel.isSuccess}
          error={cancel.error}
          onCancel={() => cancel.mutate()}
        />
      )}
    </div>
  );
}

function OwnView({
  r,
  cancelling,
  cancelled,
  error,
  onCancel,
}: {
  r: OwnRegistration;
  cancelling: boolean;
  cancelled: boolean;
  error: unknown;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const done = useRef<HTMLDivElement>(null);
  // After cancelling, the buttons are gone: focus goes to the message that says it is done.
  useEffect(() => {
    if (cancelled) done.current?.focus();
  }, [cancelled]);
  const qr = r.checkInQrSvg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(r.checkInQrSvg)}` : null;
  return (
    <>
      <p className="lead">
        <Link to={`/events/${r.event.id}`}>{r.event.title}</Link>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('events.when')}</dt>
          <dd>{formatEventTime(i18n.language, r.event.startsAt, r.event.endsAt)}</dd>
        </div>
        <div>
          <dt>{t('events.own.name')}</dt>
          <dd>{r.name}</dd>
        </div>
        <div>
          <dt>{t('events.modeLabel')}</dt>
          <dd>{modeLabel(t, r.mode)}</dd>
        </div>
        <div>
          <dt>{t('events.own.status')}</dt>
          <dd data-testid="own-status">
            {registrationStatusLabel(t, r.status)}
            {r.waitlistPosition !== null && ` (${t('events.own.position', { position: r.waitlistPosition })})`}
          </dd>
        </div>
      </dl>
      {r.event.status === 'cancelled' && <div className="notice notice--error">{t('events.own.eventCancelled')}</div>}
      {cancelled && (
        <div ref={done} tabIndex={-1} data-testid="cancelled-done">
          <StatusMessage>{t('events.own.cancelledDone')}</StatusMessage>
        </div>
      )}
      {r.mode === 'online' && r.event.onlineUrl && (
        <p>
          {t('events.own.onlineLink')} <ExternalLink href={r.event.onlineUrl} />
        </p>
      )}
      {qr && !r.checkedIn && (
        <section className="section" aria-labelledby="qr-heading">
          <h2 id="qr-heading">{t('events.own.qrHeading')}</h2>
          <p>{t('events.own.qrHint')}</p>
          <img src={qr} alt={t('events.own.qrAlt', { name: r.name })} width={240} height={240} data-testid="check-in-qr" />
        </section>
      )}
      {r.checkedIn && <div className="notice notice--success">{t('events.own.checkedIn')}</div>}
      {r.status !== 'cancelled' && r.event.status !== 'cancelled' && (
        <section className="section" aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{t('events.own.cancelHeading')}</h2>
          <p>{r.status === 'confirmed' ? t('events.own.cancelHintSeat') : t('events.own.cancelHint')}</p>
          {error ? <QueryError error={error} /> : null}
          {confirming ? (
            <div role="group" aria-labelledby="cancel-confirm-text" className="confirm">
              <p id="cancel-confirm-text">
                <strong>{t('inviting.registration.confirmQuestion', { title: r.event.title })}</strong>
              </p>
              <div className="actions">
                <button type="button" className="button button--warning" disabled={cancelling} onClick={onCancel} autoFocus>
                  {t('inviting.registration.confirmYes')}
                </button>
                <button type="button" className="button button--secondary" disabled={cancelling} onClick={() => setConfirming(false)}>
                  {t('inviting.registration.confirmNo')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button--warning" onClick={() => setConfirming(true)}>
              {t('events.own.cancel')}
            </button>
          )}
        </section>
      )}
    </>
  );
}
