import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { findAccountByEmail } from '../modules/accounts/user/user.service.ts';
import type { Actor, RequestContext } from '../platform/actor.ts';
import type { Deps } from '../platform/deps.ts';

/**
 * The seed writes the demo through the services, inside its one transaction (all or nothing, under
 * the seed's lock). Services open their transaction with `deps.db.transaction().execute(fn)`; over
 * the seed's transaction that runs `fn` in it, as a nested call would join an outer transaction.
 */
export function joinTransaction(trx: Transaction<Database>): Kysely<Database> {
  const joined = {
    execute: <T>(fn: (t: Transaction<Database>) => Promise<T>): Promise<T> => fn(trx),
    // The seed's transaction is already as strict as any the services ask for.
    setIsolationLevel: () => joined,
    setAccessMode: () => joined,
  };
  return new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => joined;
      const value: unknown = Reflect.get(target, property, target);
      // Bound to the transaction itself: Kysely keeps its state in private fields.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * What the demo's services are given: the seed's transaction and a clock fixed at the moment an act
 * happened. Mail is only queued (in the transaction): the outbox is sent once the seed is committed.
 */
export function demoDeps(deps: Deps, db: Kysely<Database>, at: Date): Deps {
  const mailer: Deps['mailer'] = Object.assign(Object.create(deps.mailer) as Deps['mailer'], { deliverPending: () => Promise.resolve() });
  return { ...deps, db, mailer, clock: { now: () => new Date(at) } };
}

/** A request as a demo user would make it (in Swedish, from the server itself). */
export function demoContext(deps: Pick<Deps, 'config'>, actor: Actor): RequestContext {
  return { actor, language: 'sv', requestId: 'demo', ip: '127.0.0.1', userAgent: undefined, origin: deps.config.publicUrl ?? 'http://localhost:3000' };
}

/** The demo user of an e-mail address, signed in. */
export async function demoUser(deps: Pick<Deps, 'db'>, email: string): Promise<Actor> {
  const row = await findAccountByEmail(deps, email);
  if (!row) throw new Error(`demo: no user ${email}`);
  return { kind: 'user', user: { id: row.id, email: row.email, name: row.name, language: row.language, isAdmin: row.is_admin }, via: 'session', sessionId: null };
}

/** The demo organisation of a name (the demo's names are unique). */
export async function demoOrganisationId(deps: Pick<Deps, 'db'>, name: string): Promise<string> {
  return (await deps.db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}
