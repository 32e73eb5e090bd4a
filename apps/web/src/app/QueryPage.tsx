import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../api/client.ts';
import { Loading } from '../components/fields.tsx';
import { ErrorView } from './ErrorPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

/**
 * A page that shows one resource: its heading and a loading note while it comes, the not-found page
 * when it does not exist for the caller (404, or an id that is not one), the error page otherwise.
 */
export function QueryPage<T>({ query, heading, children }: { query: UseQueryResult<T>; heading: string; children: (data: T) => ReactNode }) {
  if (query.isPending) {
    return (
      <div className="container">
        <h1>{heading}</h1>
        <Loading />
      </div>
    );
  }
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={query.error} />;
  }
  return <>{children(query.data)}</>;
}
