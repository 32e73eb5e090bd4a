import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { survey, surveyAnswerInput, surveyForm, surveyInput } from '../actors.ts';
import { tokenBody } from '../auth.ts';
import { idParams, okAnswer } from '../common.ts';

/** The survey endpoints (the server's survey.routes.ts implements them). */
export const surveyEndpoints = {
  getSurveys: endpoint({
    method: 'GET',
    path: '/api/spaces/:id/surveys',
    access: 'signed_in',
    summary: 'Mapping surveys of a space with their response rates (its leaders)',
    tags: ['network'],
    params: idParams,
    response: z.array(survey),
  }),
  sendSurvey: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/surveys',
    access: 'signed_in',
    summary: 'Send a mapping survey: a personal link per organisation, no account needed',
    tags: ['network'],
    params: idParams,
    body: surveyInput,
    response: survey,
    status: 201,
  }),
  remindNonRespondents: endpoint({
    method: 'POST',
    path: '/api/spaces/:id/surveys/:surveyId/remind',
    access: 'signed_in',
    summary: 'E-mail a reminder (with a fresh link) to every organisation that has not answered',
    tags: ['network'],
    params: z.object({ id: z.uuid(), surveyId: z.uuid() }),
    response: z.object({ reminded: z.number() }),
  }),
  getSurveyForm: endpoint({
    method: 'POST',
    path: '/api/surveys/form',
    access: 'public',
    summary: 'The survey form behind a link (token in the body, never in a URL)',
    tags: ['network'],
    body: tokenBody,
    response: surveyForm,
  }),
  answerSurvey: endpoint({
    method: 'POST',
    path: '/api/surveys/answer',
    access: 'public',
    summary: 'Answer a survey: whom the link’s organisation collaborates with',
    tags: ['network'],
    body: surveyAnswerInput,
    response: okAnswer,
  }),
};
