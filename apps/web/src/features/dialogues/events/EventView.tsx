import type { Event, EventAction } from '@samhandling/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../api/format.ts';
import { MunicipalityMap } from '../../../components/MunicipalityMap.tsx';
import { eventKindLabel, modeLabel } from './labels.ts';
import { formatEventTime, formatTime } from './time.ts';
import { RegistrationForm } from './RegistrationForm.tsx';
import { LeaderActions } from './LeaderActions.tsx';
import { DocumentsSection } from './DocumentsSection.tsx';
import { GoalTags } from '../../../components/GoalTargetPicker.tsx';
import { SpaceSubnavFor } from '../../spaces/SpaceSubnav.tsx';

export function EventView({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const can = (action: EventAction) => event.allowedActions.includes(action);
  const mapLink =
    event.lat !== null && event.lon !== null
      ? `https://www.openstreetmap.org/?mlat=${event.lat}&mlon=${event.lon}#map=14/${event.lat}/${event.lon}`
      : null;
  return (
    <div className="container">
      <SpaceSubnavFor spaceId={event.spaceId} />
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
      <GoalTags goals={event.goals} targets={event.targets} />
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
