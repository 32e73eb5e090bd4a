import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../../api/hooks.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { Loading, QueryError } from '../../components/fields.tsx';

export function RequireSignIn({ children }: { children: ReactNode }) {
  const { data: me, isPending, isError, error } = useMe();
  const location = useLocation();
  if (isPending)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (isError)
    return (
      <div className="container">
        <QueryError error={error} />
      </div>
    );
  if (!me) return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

/** Admin pages do not exist for others (as the API answers 404 to them). */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { data: me, isPending, isError, error } = useMe();
  const location = useLocation();
  if (isPending)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (isError)
    return (
      <div className="container">
        <QueryError error={error} />
      </div>
    );
  if (!me) return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!me.isAdmin) return <NotFoundPage />;
  return <>{children}</>;
}
