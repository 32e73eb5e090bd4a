import { surveyEndpoints } from '@samhandling/contracts';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { answerSurvey, getSurveyForm, getSurveys, remindNonRespondents, sendSurvey } from './survey.service.ts';

export function surveyRoutes(deps: Deps) {
  return [
    defineRoute(surveyEndpoints.getSurveys, {
      handler: ({ ctx, params }) => getSurveys(deps, ctx, params.id),
    }),
    defineRoute(surveyEndpoints.sendSurvey, {
      handler: ({ ctx, params, body }) => sendSurvey(deps, ctx, params.id, body),
    }),
    defineRoute(surveyEndpoints.remindNonRespondents, {
      handler: ({ ctx, params }) => remindNonRespondents(deps, ctx, params.id, params.surveyId),
    }),
    defineRoute(surveyEndpoints.getSurveyForm, {
      personal: true,
      handler: ({ body }) => getSurveyForm(deps, body.token),
    }),
    defineRoute(surveyEndpoints.answerSurvey, {
      handler: ({ ctx, body }) => answerSurvey(deps, ctx, body),
    }),
  ];
}
