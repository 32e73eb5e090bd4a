import type { Language } from './messages.ts';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  language: Language;
  isAdmin: boolean;
}

/** Who makes a request. Policies decide from this alone plus the resource. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      user: SignedInUser;
      via: 'session' | 'token';
      sessionId: string | null;
      /** What an API token may do (via 'token' only): read, write, admin. */
      scopes?: readonly ('read' | 'write' | 'admin')[];
    };

export const anonymous: Actor = { kind: 'anonymous' };

export function isSignedIn(actor: Actor): actor is Extract<Actor, { kind: 'user' }> {
  return actor.kind === 'user';
}

export function isPlatformAdmin(actor: Actor): boolean {
  return actor.kind === 'user' && actor.user.isAdmin;
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.user.id : null;
}

/** What a service needs to know about the request it serves. */
export interface RequestContext {
  actor: Actor;
  language: Language;
  requestId: string;
  ip: string;
  userAgent: string | undefined;
  /** The app's own origin, for links in e-mails. */
  origin: string;
}
