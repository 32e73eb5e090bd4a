import { createHmac } from 'node:crypto';
import type { Follow, FollowKind, followInput } from '@samhandling/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import { anonymous, type Actor, type RequestContext } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, invalid, notFound } from '../../../platform/errors.ts';
import { translate, type Language } from '../../../platform/messages.ts';
import { consumeRateLimits, type RateRule } from '../../../platform/rate-limit.ts';
import { safeEqual } from '../../../platform/secrets.ts';
import { canManageFollow } from './follow.policy.ts';
import { presentFollow } from './follow.presenter.ts';
import { confirmFollowRow, deleteFollowRow, findFollow, followersOf, followsOfUser, upsertFollow, type FollowRow } from './follow.repository.ts';
import { FOLLOWABLE } from './followable.ts';

const HOUR = 60 * 60 * 1000;
/**
 * Confirmation mails go to any address typed into a public form: a few per address and per client
 * address an hour, so the form cannot be used to flood someone's inbox. Counted whether or not the
 * address already follows, so the limit tells nothing either.
 */
export const FOLLOW_MAILS_PER_EMAIL: RateRule = { bucket: 'follow_mail_email', max: 3, windowMs: HOUR };
export const FOLLOW_MAILS_PER_CLIENT: RateRule = { bucket: 'follow_mail_client', max: 10, windowMs: HOUR };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const confirmSignature = (secret: string, id: string) => createHmac('sha256', secret).update(`follow-confirm:${id}`).digest('base64url');

/** The signed token of a follow's confirmation link: no stored secret, and it names only that follow. */
export const followConfirmToken = (secret: string, id: string) => `${id}.${confirmSignature(secret, id)}`;

async function targetOf(deps: Deps, ctx: RequestContext, row: FollowRow): Promise<{ label: string; spaceId: string | null }> {
  try {
    return await FOLLOWABLE[row.target_kind as FollowKind].describe(deps, ctx, row.target_id);
  } catch {
    return { label: '', spaceId: null };
  }
}

/**
 * Signed in: follows the target at once. Without an account: only a space's news, by an e-mail
 * address that confirms by a link (double opt-in); the answer is the same whether the address
 * already followed or not, so the form does not tell who follows what.
 */
export async function createFollow(deps: Deps, ctx: RequestContext, input: z.output<typeof followInput>): Promise<{ follow: Follow | null; confirmationSent: boolean }> {
  const followable = FOLLOWABLE[input.kind];
  const target = await followable.describe(deps, ctx, input.id);
  const now = deps.clock.now();
  if (ctx.actor.kind === 'user') {
    const userId = ctx.actor.user.id;
    const language = ctx.actor.user.language;
    const row = await deps.db.transaction().execute((trx) => recordFollow(trx, deps.clock, ctx, { kind: input.kind, targetId: input.id, userId, email: null, language, confirmedAt: now }));
    return { follow: presentFollow(row, target), confirmationSent: false };
  }
  if (!followable.byEmail) throw new AppError('unauthenticated');
  if (!input.email) throw invalid({ email: 'validation.required' });
  const email = input.email;
  const language = input.language ?? ctx.language;
  await deps.db.transaction().execute(async (trx) => {
    await consumeRateLimits(
      trx,
      deps.config.sessionSecret,
      now,
      [
        { rule: FOLLOW_MAILS_PER_EMAIL, key: email.toLowerCase() },
        { rule: FOLLOW_MAILS_PER_CLIENT, key: ctx.ip },
      ],
      'errors.follow_mails_rate_limited',
    );
    const row = await upsertFollow(trx, { target_kind: input.kind, target_id: input.id, user_id: null, email, language, confirmed_at: null, created_at: now });
    if (row.confirmed_at) return;
    const link = `${ctx.origin}/follow/confirm#token=${followConfirmToken(deps.config.sessionSecret, row.id)}`;
    const t = (key: string, params?: Record<string, string>) => translate(language, key, params);
    await deps.mailer.enqueue(trx, {
      to: [email],
      subject: t('mail.follow_confirm.subject', { space: target.label }),
      text: `${t('mail.follow_confirm.text', { space: target.label, link })}\n\n${t('mail.signature')}`,
      unsubscribe: { s: 'follow', id: row.id },
      language,
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'follow.request', resourceType: 'follow', resourceId: row.id, details: { kind: input.kind, targetId: input.id } });
  });
  void deps.mailer.deliverPending();
  return { follow: null, confirmationSent: true };
}

export async function confirmFollow(deps: Deps, ctx: RequestContext, token: string): Promise<Follow> {
  const [id, sig, ...rest] = token.split('.');
  if (rest.length || !id || !sig || !UUID.test(id) || !safeEqual(sig, confirmSignature(deps.config.sessionSecret, id))) throw invalid({ token: 'errors.link_invalid' }, 'errors.link_invalid');
  const row = await deps.db.transaction().execute(async (trx) => {
    const row = await findFollow(trx, id);
    if (!row) throw invalid({ token: 'errors.link_invalid' }, 'errors.link_invalid');
    await confirmFollowRow(trx, id, deps.clock.now());
    await recordAudit(trx, deps.clock, ctx, { action: 'follow.confirm', resourceType: 'follow', resourceId: id, details: { kind: row.target_kind, targetId: row.target_id } });
    return (await findFollow(trx, id))!;
  });
  return presentFollow(row, await targetOf(deps, { ...ctx, actor: anonymous }, row));
}

export async function getMyFollows(deps: Deps, ctx: RequestContext): Promise<Follow[]> {
  if (ctx.actor.kind !== 'user') return [];
  const rows = await followsOfUser(deps.db, ctx.actor.user.id);
  return Promise.all(rows.map(async (row) => presentFollow(row, await targetOf(deps, ctx, row))));
}

export async function deleteFollow(deps: Deps, ctx: RequestContext, id: string): Promise<void> {
  const row = await findFollow(deps.db, id);
  if (!row || !canManageFollow(ctx.actor, row)) throw notFound();
  await deps.db.transaction().execute(async (trx) => {
    await deleteFollowRow(trx, id);
    await recordAudit(trx, deps.clock, ctx, { action: 'follow.delete', resourceType: 'follow', resourceId: id, details: { kind: row.target_kind, targetId: row.target_id } });
  });
}

/**
 * Stores a follow (or finds the one there) and audits it inside the caller's transaction; the
 * caller has checked the target (createFollow, or the demo seed).
 */
export async function recordFollow(
  trx: Kysely<Database>,
  clock: Clock,
  ctx: { actor: Actor; requestId: string | null },
  follow: { kind: FollowKind; targetId: string; userId: string | null; email: string | null; language: Language; confirmedAt: Date | null },
): Promise<FollowRow> {
  const now = clock.now();
  const row = await upsertFollow(trx, { target_kind: follow.kind, target_id: follow.targetId, user_id: follow.userId, email: follow.email, language: follow.language, confirmed_at: follow.confirmedAt, created_at: now });
  await recordAudit(trx, clock, ctx, { action: follow.userId ? 'follow.create' : 'follow.request', resourceType: 'follow', resourceId: row.id, details: { kind: follow.kind, targetId: follow.targetId } });
  return row;
}

/** Who follows a target: account ids, and confirmed addresses (with their follow id for the unsubscribe link). */
export async function followersOfTarget(db: Kysely<Database>, kind: FollowKind, targetId: string) {
  const rows = await followersOf(db, kind, targetId);
  return {
    userIds: rows.flatMap((r) => (r.user_id ? [r.user_id] : [])),
    emails: rows.flatMap((r) => (r.email ? [{ followId: r.id, email: r.email, language: r.language }] : [])),
  };
}

/** Ends one follow (the unsubscribe link of its mails); answers what it was, or undefined when already gone. */
export async function endFollow(trx: Kysely<Database>, id: string) {
  const row = await findFollow(trx, id);
  if (row) await deleteFollowRow(trx, id);
  return row;
}
