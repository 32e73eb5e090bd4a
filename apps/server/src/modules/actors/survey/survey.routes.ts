import { idParams, survey, surveyAnswerInput, surveyForm, surveyInput, tokenBody } from '@samhandling/contracts';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import type { Deps } from '../../../platform/deps.ts';
import { answerSurvey, getSurveyForm, getSurveys, remindNonRespondents, sendSurvey } from './survey.service.ts';

export function surveyRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/spaces/:id/surveys',
      access: 'signed_in',
      summary: 'Mapping surveys of a space with their response rates (its leaders)',
      tags: ['network'],
      params: idParams,
      response: z.array(survey),
      handler: ({ ctx, params }) => getSurveys(deps, ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/spaces/:id/surveys',
      access: 'signed_in',
      summary: 'Send a mapping survey: a personal link per organisation, no account needed',
      tags: ['network'],
      params: idParams,
      body: surveyInput,
      response: survey,
      status: 201,
      handler: ({ ctx, params, body }) => sendSurvey(deps, ctx, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/spaces/:id/surveys/:surveyId/remind',
      access: 'signed_in',
      summary: 'E-mail a reminder (with a fresh link) to every organisation that has not answered',
      tags: ['network'],
      params: z.object({ id: z.uuid(), surveyId: z.uuid() }),
      response: z.object({ reminded: z.number() }),
      handler: ({ ctx, params }) => remindNonRespondents(deps, ctx, params.id, params.surveyId),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/surveys/form',
      access: 'public',
      personal: true,
      summary: 'The survey form behind a link (token in the body, never in a URL)',
      tags: ['network'],
      body: tokenBody,
      response: surveyForm,
      handler: ({ body }) => getSurveyForm(deps, body.token),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/surveys/answer',
      access: 'public',
      summary: 'Answer a survey: whom the link’s organisation collaborates with',
      tags: ['network'],
      body: surveyAnswerInput,
      handler: ({ ctx, body }) => answerSurvey(deps, ctx, body),
    }),
  ];
}
