import { actorsImportEndpoints } from './actors-import.ts';
import { analysisEndpoints } from './analysis.ts';
import { apiTokenEndpoints } from './api-token.ts';
import { attendanceEndpoints } from './attendance.ts';
import { auditEndpoints } from './audit.ts';
import { authEndpoints } from './auth.ts';
import { boardEndpoints } from './board.ts';
import { collaborationEndpoints } from './collaboration.ts';
import { countyEndpoints } from './county.ts';
import { eventDocumentEndpoints } from './event-document.ts';
import { eventEndpoints } from './event.ts';
import { goalEndpoints } from './goal.ts';
import { groupEndpoints } from './group.ts';
import { inputEndpoints } from './input.ts';
import { invitationEndpoints } from './invitation.ts';
import { localityEndpoints } from './locality.ts';
import { membershipEndpoints } from './membership.ts';
import { municipalityEndpoints } from './municipality.ts';
import { networkEndpoints } from './network.ts';
import { organisationEndpoints } from './organisation.ts';
import { planEndpoints } from './plans.ts';
import { organisationSuggestionEndpoints } from './organisation-suggestion.ts';
import { representativeEndpoints } from './representative.ts';
import { outboxEndpoints } from './outbox.ts';
import { personEndpoints } from './person.ts';
import { populationEndpoints } from './population.ts';
import { privacyEndpoints } from './privacy.ts';
import { registrationEndpoints } from './registration.ts';
import { roadNetworkEndpoints } from './road-network.ts';
import { scenarioEndpoints } from './scenario.ts';
import { servicePlanCommentEndpoints } from './service-plan-comment.ts';
import { servicePlanExportEndpoints } from './service-plan-export.ts';
import { servicePlanEndpoints } from './service-plan.ts';
import { servicePointImportEndpoints } from './service-point-import.ts';
import { servicePointEndpoints } from './service-point.ts';
import { serviceProgrammeEndpoints } from './service-programme.ts';
import { spaceOrganisationEndpoints } from './space-organisation.ts';
import { spaceEndpoints } from './space.ts';
import { suggestionEndpoints } from './suggestion.ts';
import { surveyEndpoints } from './survey.ts';
import { systemEndpoints } from './system.ts';
import { userEndpoints } from './user.ts';

/**
 * Every endpoint of the API, by name: one table per domain (a file beside this one), merged here.
 * A name must be unique across the tables; a clash fails typecheck below.
 */
export const endpoints = {
  ...actorsImportEndpoints,
  ...analysisEndpoints,
  ...apiTokenEndpoints,
  ...attendanceEndpoints,
  ...auditEndpoints,
  ...authEndpoints,
  ...boardEndpoints,
  ...collaborationEndpoints,
  ...countyEndpoints,
  ...eventDocumentEndpoints,
  ...eventEndpoints,
  ...goalEndpoints,
  ...groupEndpoints,
  ...inputEndpoints,
  ...invitationEndpoints,
  ...localityEndpoints,
  ...membershipEndpoints,
  ...municipalityEndpoints,
  ...networkEndpoints,
  ...organisationEndpoints,
  ...planEndpoints,
  ...organisationSuggestionEndpoints,
  ...representativeEndpoints,
  ...outboxEndpoints,
  ...personEndpoints,
  ...populationEndpoints,
  ...privacyEndpoints,
  ...registrationEndpoints,
  ...roadNetworkEndpoints,
  ...scenarioEndpoints,
  ...servicePlanCommentEndpoints,
  ...servicePlanExportEndpoints,
  ...servicePlanEndpoints,
  ...servicePointImportEndpoints,
  ...servicePointEndpoints,
  ...serviceProgrammeEndpoints,
  ...spaceOrganisationEndpoints,
  ...spaceEndpoints,
  ...suggestionEndpoints,
  ...surveyEndpoints,
  ...systemEndpoints,
  ...userEndpoints,
};

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

export {
  actorsImportEndpoints,
  analysisEndpoints,
  apiTokenEndpoints,
  attendanceEndpoints,
  auditEndpoints,
  authEndpoints,
  boardEndpoints,
  collaborationEndpoints,
  countyEndpoints,
  eventDocumentEndpoints,
  eventEndpoints,
  goalEndpoints,
  groupEndpoints,
  inputEndpoints,
  invitationEndpoints,
  localityEndpoints,
  membershipEndpoints,
  municipalityEndpoints,
  networkEndpoints,
  organisationEndpoints,
  planEndpoints,
  organisationSuggestionEndpoints,
  representativeEndpoints,
  outboxEndpoints,
  personEndpoints,
  populationEndpoints,
  privacyEndpoints,
  registrationEndpoints,
  roadNetworkEndpoints,
  scenarioEndpoints,
  servicePlanCommentEndpoints,
  servicePlanExportEndpoints,
  servicePlanEndpoints,
  servicePointImportEndpoints,
  servicePointEndpoints,
  serviceProgrammeEndpoints,
  spaceOrganisationEndpoints,
  spaceEndpoints,
  suggestionEndpoints,
  surveyEndpoints,
  systemEndpoints,
  userEndpoints,
};
