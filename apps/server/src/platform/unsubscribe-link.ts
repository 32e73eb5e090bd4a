import { createHmac } from 'node:crypto';
import { safeEqual } from './secrets.ts';

/**
 * What one unsubscribe link stops: one follow (a space's news, an input), one kind of notice for
 * one account, or every e-mail to an address (mails that name nothing narrower: invitations,
 * notices about a registration …). The link is signed, so it needs no account and no stored state.
 */
export type UnsubscribeScope = { s: 'follow'; id: string } | { s: 'kind'; user: string; kind: string } | { s: 'address'; email: string };

function signature(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');
}

export function unsubscribeToken(secret: string, scope: UnsubscribeScope): string {
  const payload = Buffer.from(JSON.stringify(scope)).toString('base64url');
  return `${payload}.${signature(secret, payload)}`;
}

export function readUnsubscribeToken(secret: string, token: string): UnsubscribeScope | undefined {
  const [payload, sig, ...rest] = token.split('.');
  if (rest.length || !payload || !sig || payload.length > 1000) return undefined;
  if (!safeEqual(sig, signature(secret, payload))) return undefined;
  try {
    const scope = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as UnsubscribeScope;
    if (scope.s === 'follow' && typeof scope.id === 'string') return scope;
    if (scope.s === 'kind' && typeof scope.user === 'string' && typeof scope.kind === 'string') return scope;
    if (scope.s === 'address' && typeof scope.email === 'string') return scope;
  } catch {
    return undefined;
  }
  return undefined;
}

/** The page a person opens from the mail's text (the token in the fragment, out of logs). */
export function unsubscribePageLink(origin: string, secret: string, scope: UnsubscribeScope): string {
  return `${origin}/unsubscribe#token=${unsubscribeToken(secret, scope)}`;
}

/** The RFC 8058 one-click address mail programs POST `List-Unsubscribe=One-Click` to. */
export function unsubscribeOneClickUrl(origin: string, secret: string, scope: UnsubscribeScope): string {
  return `${origin}/api/unsubscribe?token=${unsubscribeToken(secret, scope)}`;
}
