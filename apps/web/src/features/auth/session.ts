import type { Me } from '@samhandling/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { keys } from '../../api/hooks.ts';
import { changeUiLanguage, hasStoredLanguage } from '../../i18n/index.ts';

/** After any kind of sign-in: remember the user and, unless this browser chose otherwise, use their language. */
export function useSignedIn() {
  const queryClient = useQueryClient();
  return async (user: Me | null) => {
    // Everything cached so far was fetched as someone else (or no one).
    queryClient.removeQueries({
      predicate: (q) =>
        q.queryKey[0] !== 'settings' &&
        q.queryKey[0] !== 'counties' &&
        q.queryKey[0] !== 'municipalities' &&
        q.queryKey[0] !== 'county-boundaries',
    });
    queryClient.setQueryData(keys.me, user);
    if (user && !hasStoredLanguage()) await changeUiLanguage(user.language);
  };
}

/** Only same-site paths may be returned to after sign-in. */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

let captured: { path: string; token: string } | null = null;

/**
 * A one-time token from the link's #fragment. The fragment never reaches a server log; it is read
 * once and then removed from the address bar and history.
 */
export function useHashToken(): string | null {
  const [token] = useState(() => {
    const value = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
    if (value) {
      captured = { path: window.location.pathname, token: value };
      return value;
    }
    // React may render twice (development); the second render finds the fragment already gone.
    return captured?.path === window.location.pathname ? captured.token : null;
  });
  useEffect(() => {
    captured = null;
    if (window.location.hash.includes('token=')) {
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    }
  }, []);
  return token;
}
