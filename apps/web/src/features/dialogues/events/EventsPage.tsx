import type { Event, Space } from '@samhandling/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { useSpace } from '../../../api/hooks.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { Loading, QueryError, RadioGroup } from '../../../components/fields.tsx';
import { SpaceSubnav } from '../../spaces/SpaceSubnav.tsx';
import { useSpaceEvents } from './api.ts';
import { eventKindLabel, modeLabel } from './labels.ts';
import { formatEventTime } from './time.ts';

/** A space's events, soonest first, with calendar links; leaders plan new ones from here. */
export function EventsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const space = useSpace(id);
  usePageTitle(space.data ? t('events.titleFor', { name: space.data.name }) : t('events.title'));
  if (space.isPending) {
    return (
      <div className="container">
        <h1>{t('events.title')}</h1>
        <Loading />
      </div>
    );
  }
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  return <EventsView space={space.data} />;
}

function EventsView({ space }: { space: Space }) {
  const { t } = useTranslation();
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const events = useSpaceEvents(space.id, when);
  const feed = `${window.location.origin}/api/spaces/${space.id}/calendar.ics`;
  return (
    <div className="container">
      <SpaceSubnav space={space} />
      <h1>{t('events.titleFor', { name: space.name })}</h1>
      <p className="lead">{t('events.lead')}</p>
      <div className="actions">
        {space.allowedActions.includes('manage_people') && (
          <Link className="button" to={`/spaces/${space.id}/events/new`}>
            {t('events.create')}
          </Link>
        )}
        <a className="button button--secondary" href={`/api/spaces/${space.id}/calendar.ics`} download="kalender.ics">
          {t('events.feed')}
        </a>
      </div>
      <p className="muted">
        {t('events.feedHint')} <code className="mono">{feed}</code>
      </p>
      <RadioGroup
        label={t('events.show')}
        name="when"
        scope="events"
        value={when}
        onChange={(v) => setWhen(v as 'upcoming' | 'past')}
        options={[
          { value: 'upcoming', label: t('events.upcoming') },
          { value: 'past', label: t('events.past') },
        ]}
      />
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <QueryError error={events.error} />
      ) : events.data.length === 0 ? (
        <p className="empty" data-testid="events-list">
          {when === 'upcoming' ? t('events.noneUpcoming') : t('events.nonePast')}
        </p>
      ) : (
        <ul className="cards" data-testid="events-list">
          {events.data.map((e) => (
            <EventCard key={e.id} event={e} />
          ))}
        </ul>
      )}
    </div>
  );
}

function EventCard({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const seats = event.seats.on_site;
  return (
    <li className="card" data-testid="event-card">
      <h2 className="card__title">
        <Link to={`/events/${event.id}`}>{event.title}</Link>
      </h2>
      <p className="tags">
        <span className="tag">{eventKindLabel(t, event.kind)}</span>
        {event.status === 'cancelled' && <span className="tag tag--archived">{t('events.cancelled')}</span>}
        {event.rescheduledAt && event.status !== 'cancelled' && <span className="tag tag--role">{t('events.rescheduled')}</span>}
        {event.modes.map((m) => (
          <span key={m} className="tag tag--public">
            {modeLabel(t, m)}
          </span>
        ))}
      </p>
      <dl className="card__facts">
        <dt>{t('events.when')}</dt>
        <dd>{formatEventTime(i18n.language, event.startsAt, event.endsAt)}</dd>
        {(event.placeName || event.address) && (
          <>
            <dt>{t('events.where')}</dt>
            <dd>{[event.placeName, event.address].filter(Boolean).join(', ')}</dd>
          </>
        )}
        {seats.capacity !== null && event.modes.includes('on_site') && (
          <>
            <dt>{t('events.seatsOnSite')}</dt>
            <dd>{t('events.seatsLeft', { available: seats.available, capacity: seats.capacity })}</dd>
          </>
        )}
      </dl>
      <p>
        <a href={`/api/events/${event.id}/calendar.ics`} download={`${event.title}.ics`}>
          {t('events.addToCalendar')}
          <span className="visually-hidden"> – {event.title}</span>
        </a>
      </p>
    </li>
  );
}
