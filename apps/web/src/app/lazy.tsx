import { type ComponentType, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

/** What a page shows while its code loads (usually for a moment, on a slow phone for longer). */
function PageLoading() {
  const { t } = useTranslation();
  return (
    <p className="muted page-loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/**
 * A page loaded with its own code (route-based code splitting): maps, the network drawing and
 * charts load only on the pages that use them, so the first screen of /delta or an event page
 * comes quickly on a phone. `load` is a dynamic import of the page's module; `name` its export.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  const Lazy = lazy(async () => ({ default: (await load())[name] as ComponentType<Record<string, unknown>> }));
  function LazyPage(props: Record<string, unknown>) {
    return (
      <Suspense fallback={<PageLoading />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyPage as M[K];
}
