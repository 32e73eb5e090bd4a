import { agreementEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { answerAgreementComment, commentLogCsv, getComments, postComment } from './agreement-comment.service.ts';

export function agreementCommentRoutes(deps: Deps) {
  return [
    defineRoute(agreementEndpoints.getAgreementComments, { handler: ({ ctx, params }) => getComments(deps, ctx, params.id) }),
    defineRoute(agreementEndpoints.postAgreementComment, { handler: ({ ctx, params, body }) => postComment(deps, ctx, params.id, body) }),
    defineRoute(agreementEndpoints.answerAgreementComment, { handler: ({ ctx, params, body }) => answerAgreementComment(deps, ctx, params.id, body) }),
    defineRoute(agreementEndpoints.exportAgreementComments, {
      handler: async ({ ctx, params, reply }) =>
        reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="remisssynpunkter.csv"').send(await commentLogCsv(deps, ctx, params.id)),
    }),
  ];
}
