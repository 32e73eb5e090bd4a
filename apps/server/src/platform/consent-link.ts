import { createHmac } from 'node:crypto';
import { safeEqual } from './secrets.ts';

/** The consents a person can withdraw through a link in an e-mail about them. */
export const CONSENT_LINK_KINDS = ['registration', 'input', 'survey'] as const;
export type ConsentLinkKind = (typeof CONSENT_LINK_KINDS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(secret: string, kind: string, id: string): string {
  return createHmac('sha256', secret).update(`consent-withdrawal:${kind}:${id}`).digest('base64url');
}

/**
 * A signed token naming one consent (its kind and the record's id): no account and no stored
 * state are needed, and it cannot be forged or changed to name another record without the secret.
 */
export function consentToken(secret: string, kind: ConsentLinkKind, id: string): string {
  return `${kind}.${id}.${signature(secret, kind, id)}`;
}

export function readConsentToken(secret: string, token: string): { kind: ConsentLinkKind; id: string } | undefined {
  const [kind, id, sig, ...rest] = token.split('.');
  if (rest.length || !kind || !id || !sig) return undefined;
  if (!(CONSENT_LINK_KINDS as readonly string[]).includes(kind) || !UUID.test(id)) return undefined;
  if (!safeEqual(sig, signature(secret, kind, id))) return undefined;
  return { kind: kind as ConsentLinkKind, id };
}

/** The page where the person sees what the consent covers and withdraws it (the token stays in the fragment, out of logs). */
export function consentLink(origin: string, secret: string, kind: ConsentLinkKind, id: string): string {
  return `${origin}/consent#token=${consentToken(secret, kind, id)}`;
}
