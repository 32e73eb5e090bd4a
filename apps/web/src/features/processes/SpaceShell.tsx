import './process.css';
import type { Space } from '@samhandling/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useSpace } from '../../api/hooks.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { Loading } from '../../components/fields.tsx';

/** Loads the space of the address (`:id`), titles the page and hands the space to the view. */
export function SpaceShell({ title, children }: { title: (space: Space | undefined) => string; children: (space: Space) => ReactNode }) {
  const { id = '' } = useParams();
  const space = useSpace(id);
  usePageTitle(title(space.data));
  if (space.isPending)
    return (
      <div className="container">
        <h1>{title(undefined)}</h1>
        <Loading />
      </div>
    );
  if (space.isError) {
    if (isApiError(space.error) && (space.error.status === 404 || space.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={space.error} />;
  }
  return <>{children(space.data)}</>;
}

/** A bar whose width shows a share; hidden from screen readers, whose text is beside it. */
export function Bar({ value, max }: { value: number; max: number }) {
  const { t } = useTranslation();
  const pct = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <span className="minibar" aria-hidden="true" title={t('process.dashboard.goalValue', { value, target: max })}>
      <span className="minibar__fill" style={{ width: `${pct}%` }} />
    </span>
  );
}
