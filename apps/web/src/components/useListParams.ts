import { useSearchParams } from 'react-router';

/**
 * A list's filters and page, kept in the address so a filtered view can be shared: `filter` holds
 * each key's value ('' when absent). Changing a filter goes back to the first page and replaces the
 * history entry; turning a page adds one. `adjust` may clear what a change makes meaningless.
 */
export function useListParams<K extends string>(keys: readonly K[], adjust?: (next: URLSearchParams, key: string, value: string) => void) {
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    adjust?.(next, key, value);
    next.delete('offset');
    setParams(next, { replace: true });
  };
  const goTo = (nextOffset: number) => {
    const next = new URLSearchParams(params);
    if (nextOffset > 0) next.set('offset', String(nextOffset));
    else next.delete('offset');
    setParams(next);
  };
  return { params, setParams, filter, offset, setFilter, goTo };
}
