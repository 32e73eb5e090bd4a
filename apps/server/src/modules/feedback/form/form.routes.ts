import { feedbackEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import {
  answerFeedbackForm,
  createFeedbackChange,
  createFeedbackForm,
  deleteFeedbackChange,
  getFeedbackChanges,
  getFeedbackCsv,
  getFeedbackForm,
  getFeedbackResults,
  getSpaceFeedbackForms,
  updateFeedbackChange,
  updateFeedbackForm,
} from './form.service.ts';
import { qrCodeSvg } from '../../../platform/qr-code.ts';

export function feedbackRoutes(deps: Deps) {
  return [
    defineRoute(feedbackEndpoints.createFeedbackForm, {
      handler: ({ ctx, params, body }) => createFeedbackForm(deps, ctx, params.id, body),
    }),
    defineRoute(feedbackEndpoints.getSpaceFeedbackForms, {
      handler: ({ ctx, params }) => getSpaceFeedbackForms(deps, ctx, params.id),
    }),
    defineRoute(feedbackEndpoints.getFeedbackForm, {
      handler: ({ params }) => getFeedbackForm(deps, params.id),
    }),
    defineRoute(feedbackEndpoints.updateFeedbackForm, {
      handler: ({ ctx, params, body }) => updateFeedbackForm(deps, ctx, params.id, body),
    }),
    defineRoute(feedbackEndpoints.getFeedbackFormQr, {
      handler: async ({ ctx, params, reply }) => {
        const form = await getFeedbackForm(deps, params.id);
        const svg = await qrCodeSvg(`${ctx.origin}/feedback/${form.id}`, 1);
        return reply.status(200).type('image/svg+xml').send(svg);
      },
    }),
    defineRoute(feedbackEndpoints.answerFeedbackForm, {
      handler: ({ ctx, params, body }) => answerFeedbackForm(deps, ctx, params.id, body),
    }),
    defineRoute(feedbackEndpoints.getFeedbackResults, {
      handler: async ({ ctx, params, query, reply }) => {
        if (query.format === 'csv') {
          const csv = await getFeedbackCsv(deps, ctx, params.id);
          return reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="aterkoppling.csv"').send(csv) as never;
        }
        return getFeedbackResults(deps, ctx, params.id);
      },
    }),
    defineRoute(feedbackEndpoints.getFeedbackChanges, {
      handler: ({ ctx, params }) => getFeedbackChanges(deps, ctx, params.id),
    }),
    defineRoute(feedbackEndpoints.createFeedbackChange, {
      handler: ({ ctx, params, body }) => createFeedbackChange(deps, ctx, params.id, body),
    }),
    defineRoute(feedbackEndpoints.updateFeedbackChange, {
      handler: ({ ctx, params, body }) => updateFeedbackChange(deps, ctx, params.id, params.changeId, body),
    }),
    defineRoute(feedbackEndpoints.deleteFeedbackChange, {
      handler: async ({ ctx, params }) => {
        await deleteFeedbackChange(deps, ctx, params.id, params.changeId);
      },
    }),
  ];
}
