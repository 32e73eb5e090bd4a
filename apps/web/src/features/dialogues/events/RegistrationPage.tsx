import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { usePageTitle } from '../../../app/usePage.ts';
import { Loading, QueryError, StatusMessage } from '../../../components/fields.tsx';
import { useHashToken } from '../../auth/session.ts';
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

/** The participant's own registration through the link in their e-mail: status, QR for the door, cancel. */
export function RegistrationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('events.own.title'));
  const token = useHashToken();
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
      {cancelled && <StatusMessage>{t('events.own.cancelledDone')}</StatusMessage>}
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
          <button type="button" className="button button--warning" disabled={cancelling} onClick={onCancel}>
            {t('events.own.cancel')}
          </button>
        </section>
      )}
    </>
  );
}
