import type { AgreementComment, agreementCommentAnswer, agreementCommentInput } from '@samhandling/contracts';
import type { z } from 'zod';
import { actorId, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { writeCsv } from '../../../platform/csv.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors.ts';
import { canCommentFor, canManageAgreement, canReadComments } from '../agreement/agreement.policy.ts';
import { loadAgreement } from '../agreement/agreement.service.ts';
import { answerComment, findComment, insertComment, listComments, type CommentRow } from './agreement-comment.repository.ts';

type Loaded = Awaited<ReturnType<typeof loadAgreement>>;

function present(row: CommentRow, loaded: Loaded): AgreementComment {
  const version = loaded.parts.versions.find((v) => v.number === row.version);
  return {
    id: row.id,
    agreementId: row.agreement_id,
    version: row.version,
    section: row.section,
    sectionHeading: row.section === null ? null : (version?.sections[row.section]?.heading ?? null),
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    authorName: row.author_name,
    body: row.body,
    answer: row.answer,
    answeredAt: row.answered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

async function loadReadable(deps: Deps, ctx: RequestContext, agreementId: string) {
  const loaded = await loadAgreement(deps, ctx, agreementId);
  if (!canReadComments(ctx.actor, loaded.access)) throw forbidden();
  return loaded;
}

/** The remiss comment log: every comment per version and section, with the leaders' answers. */
export async function getComments(deps: Deps, ctx: RequestContext, agreementId: string): Promise<AgreementComment[]> {
  const loaded = await loadReadable(deps, ctx, agreementId);
  return (await listComments(deps.db, agreementId)).map((row) => present(row, loaded));
}

export async function commentLogCsv(deps: Deps, ctx: RequestContext, agreementId: string): Promise<string> {
  const comments = await getComments(deps, ctx, agreementId);
  return writeCsv(
    ['version', 'avsnitt', 'rubrik', 'organisation', 'skribent', 'synpunkt', 'skriven', 'svar', 'besvarad'],
    comments.map((c) => [c.version, c.section === null ? '' : c.section + 1, c.sectionHeading ?? '', c.organisationName, c.authorName, c.body, c.createdAt, c.answer ?? '', c.answeredAt ?? '']),
  );
}

export async function postComment(deps: Deps, ctx: RequestContext, agreementId: string, input: z.output<typeof agreementCommentInput>): Promise<AgreementComment> {
  const loaded = await loadAgreement(deps, ctx, agreementId);
  if (loaded.row.status !== 'remiss') throw new AppError('conflict', 'agreements.not_on_remiss');
  if (!canCommentFor(ctx.actor, loaded.access, input.organisationId) || ctx.actor.kind !== 'user') throw forbidden();
  const version = loaded.parts.versions.find((v) => v.number === loaded.row.current_version);
  const section = input.section ?? null;
  if (section !== null && !version?.sections[section]) throw invalid({ section: 'agreements.no_such_section' });
  const user = ctx.actor.user;
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await insertComment(trx, {
      agreement_id: agreementId,
      version: loaded.row.current_version,
      section,
      organisation_id: input.organisationId,
      author_id: user.id,
      author_name: user.name,
      body: input.body,
      answer: null,
      answered_by: null,
      answered_at: null,
      created_at: deps.clock.now(),
    });
    await recordAudit(trx, deps.clock, ctx, { action: 'agreement.comment', resourceType: 'agreement', resourceId: agreementId, details: { commentId: id, organisationId: input.organisationId, section } });
    return id;
  });
  const row = (await listComments(deps.db, agreementId)).find((c) => c.id === id)!;
  return present(row, loaded);
}

export async function answerAgreementComment(deps: Deps, ctx: RequestContext, id: string, input: z.output<typeof agreementCommentAnswer>): Promise<AgreementComment> {
  const comment = await findComment(deps.db, id);
  if (!comment) throw notFound();
  const loaded = await loadReadable(deps, ctx, comment.agreement_id);
  if (!canManageAgreement(ctx.actor, loaded.access)) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    await answerComment(trx, id, { answer: input.answer, answeredBy: actorId(ctx.actor), at: deps.clock.now() });
    await recordAudit(trx, deps.clock, ctx, { action: 'agreement.answer_comment', resourceType: 'agreement', resourceId: comment.agreement_id, details: { commentId: id } });
  });
  const row = (await listComments(deps.db, comment.agreement_id)).find((c) => c.id === id)!;
  return present(row, loaded);
}
