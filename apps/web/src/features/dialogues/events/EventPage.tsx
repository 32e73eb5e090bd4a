import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { Loading } from '../../../components/fields.tsx';
import { useEvent } from './api.ts';
import { EventView } from './EventView.tsx';

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
