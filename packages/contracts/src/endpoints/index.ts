import { actorsImportEndpoints } from './actors-import.ts';
import { allianceEndpoints } from './alliance.ts';
import { agreementEndpoints } from './agreement.ts';
import { agenda2030Endpoints } from './agenda2030.ts';
import { libraryEndpoints } from './library.ts';
import { analysisEndpoints } from './analysis.ts';
import { apiTokenEndpoints } from './api-token.ts';
import { attendanceEndpoints } from './attendance.ts';
import { auditEndpoints } from './audit.ts';
import { authEndpoints } from './auth.ts';
import { boardEndpoints } from './board.ts';
import { collaborationEndpoints } from './collaboration.ts';
import { countyEndpoints } from './county.ts';
import { dashboardEndpoints } from './dashboard.ts';
import { eventDocumentEndpoints } from './event-document.ts';
import { eventEndpoints } from './event.ts';
import { followEndpoints } from './follow.ts';
import { feedbackEndpoints } from './feedback.ts';
import { goalEndpoints } from './goal.ts';
import { groupEndpoints } from './group.ts';
import { initiativeEndpoints } from './initiative.ts';
import { inputEndpoints } from './input.ts';
import { invitationEndpoints } from './invitation.ts';
import { joinRequestEndpoints } from './join-request.ts';
import { localityEndpoints } from './locality.ts';
import { membershipEndpoints } from './membership.ts';
import { modelEndpoints } from './model.ts';
import { municipalityEndpoints } from './municipality.ts';
import { networkEndpoints } from './network.ts';
import { organisationEndpoints } from './organisation.ts';
import { planEndpoints } from './plans.ts';
import { organisationSuggestionEndpoints } from './organisation-suggestion.ts';
import { representativeEndpoints } from './representative.ts';
import { outboxEndpoints } from './outbox.ts';
import { personEndpoints } from './person.ts';
import { populationEndpoints } from './population.ts';
import { postEndpoints } from './post.ts';
import { processEndpoints } from './process.ts';
import { profileEndpoints } from './profile.ts';
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
import { volunteerEndpoints } from './volunteer.ts';

/**
 * Every endpoint of the API, by name: one table per domain (a file beside this one), merged here.
 * A name must be unique across the tables; a clash fails typecheck below.
 */
export const endpoints = {
  ...actorsImportEndpoints,
  ...allianceEndpoints,
  ...agreementEndpoints,
  ...agenda2030Endpoints,
  ...libraryEndpoints,
  ...analysisEndpoints,
  ...apiTokenEndpoints,
  ...attendanceEndpoints,
  ...auditEndpoints,
  ...authEndpoints,
  ...boardEndpoints,
  ...collaborationEndpoints,
  ...countyEndpoints,
  ...dashboardEndpoints,
  ...eventDocumentEndpoints,
  ...eventEndpoints,
  ...followEndpoints,
  ...feedbackEndpoints,
  ...goalEndpoints,
  ...groupEndpoints,
  ...initiativeEndpoints,
  ...inputEndpoints,
  ...invitationEndpoints,
  ...joinRequestEndpoints,
  ...localityEndpoints,
  ...membershipEndpoints,
  ...modelEndpoints,
  ...municipalityEndpoints,
  ...networkEndpoints,
  ...organisationEndpoints,
  ...planEndpoints,
  ...organisationSuggestionEndpoints,
  ...representativeEndpoints,
  ...outboxEndpoints,
  ...personEndpoints,
  ...populationEndpoints,
  ...postEndpoints,
  ...processEndpoints,
  ...profileEndpoints,
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
  ...volunteerEndpoints,
};

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

export {
  actorsImportEndpoints,
  allianceEndpoints,
  agreementEndpoints,
  analysisEndpoints,
  apiTokenEndpoints,
  attendanceEndpoints,
  auditEndpoints,
  authEndpoints,
  boardEndpoints,
  collaborationEndpoints,
  countyEndpoints,
  dashboardEndpoints,
  eventDocumentEndpoints,
  eventEndpoints,
  followEndpoints,
  feedbackEndpoints,
  goalEndpoints,
  agenda2030Endpoints,
  libraryEndpoints,
  groupEndpoints,
  initiativeEndpoints,
  inputEndpoints,
  invitationEndpoints,
  joinRequestEndpoints,
  localityEndpoints,
  membershipEndpoints,
  modelEndpoints,
  municipalityEndpoints,
  networkEndpoints,
  organisationEndpoints,
  planEndpoints,
  organisationSuggestionEndpoints,
  representativeEndpoints,
  outboxEndpoints,
  personEndpoints,
  populationEndpoints,
  postEndpoints,
  processEndpoints,
  profileEndpoints,
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
  volunteerEndpoints,
};
