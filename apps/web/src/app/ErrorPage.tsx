import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { isApiError } from '../api/client.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { usePageTitle } from './usePage.ts';

/** Shown when something fails: the message, and the request id to quote to support. */
export function ErrorView({ error }: { error: unknown }) {
  const { t } = useTranslation();
  usePageTitle(t('errorPage.title'));
  if (isApiError(error) && error.status === 404) return <NotFoundPage />;
  const requestId = isApiError(error) ? error.requestId : undefined;
  const message = isApiError(error) ? error.message : t('errors.unexpected');
  return (
    <div className="container narrow" data-testid="error-page">
      <h1>{t('errorPage.title')}</h1>
      <p className="lead">{message}</p>
      {requestId && (
        <p>
          {t('errorPage.requestId')} <code className="request-id">{requestId}</code>
        </p>
      )}
      <p>{t('errorPage.help')}</p>
      <p>
        <a href={window.location.pathname}>{t('errorPage.reload')}</a> · <Link to="/">{t('notFound.toStart')}</Link>
      </p>
    </div>
  );
}

export function RouteErrorPage({ inLayout = false }: { inLayout?: boolean }) {
  const error = useRouteError();
  if (inLayout) return <ErrorView error={error} />;
  // The layout itself failed: render a bare page that still has a main landmark.
  return (
    <main id="main" tabIndex={-1}>
      <ErrorView error={error} />
    </main>
  );
}
