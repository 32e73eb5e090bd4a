import { collaborationRoutes } from '../modules/actors/collaboration/collaboration.routes.ts';
import { networkRoutes } from '../modules/actors/network/network.routes.ts';
import { organisationRoutes } from '../modules/actors/organisation/organisation.routes.ts';
import { personRoutes } from '../modules/actors/person/person.routes.ts';
import { actorsImportRoutes } from '../modules/actors/import/actors-import.routes.ts';
import { surveyRoutes } from '../modules/actors/survey/survey.routes.ts';
import { spaceOrganisationRoutes } from '../modules/actors/space-organisation/space-organisation.routes.ts';
import { representativeRoutes } from '../modules/actors/representative/representative.routes.ts';
import { organisationSuggestionRoutes } from '../modules/actors/organisation-suggestion/organisation-suggestion.routes.ts';
import { apiTokenRoutes } from '../modules/accounts/api-token/api-token.routes.ts';
import { authRoutes } from '../modules/accounts/auth/auth.routes.ts';
import { userRoutes } from '../modules/accounts/user/user.routes.ts';
import { auditRoutes } from '../modules/admin/audit/audit.routes.ts';
import { outboxRoutes } from '../modules/admin/outbox/outbox.routes.ts';
import { countyRoutes } from '../modules/geography/county/county.routes.ts';
import { localityRoutes } from '../modules/geography/locality/locality.routes.ts';
import { municipalityRoutes } from '../modules/geography/municipality/municipality.routes.ts';
import { invitationRoutes } from '../modules/spaces/invitation/invitation.routes.ts';
import { joinRequestRoutes } from '../modules/spaces/join-request/join-request.routes.ts';
import { profileRoutes } from '../modules/accounts/profile/profile.routes.ts';
import { membershipRoutes } from '../modules/spaces/membership/membership.routes.ts';
import { spaceRoutes } from '../modules/spaces/space/space.routes.ts';
// Agenda 2030 down to the target and the knowledge library (issue 11 §1, §3)
import { coverageRoutes } from '../modules/agenda2030/coverage/coverage.routes.ts';
import { localTargetRoutes } from '../modules/agenda2030/local-target/local-target.routes.ts';
import { targetRoutes } from '../modules/agenda2030/target/target.routes.ts';
import { libraryItemRoutes } from '../modules/library/item/library-item.routes.ts';
import { systemRoutes } from '../modules/system/system.routes.ts';
// groups and events (helper D)
import { eventRoutes } from '../modules/dialogues/event/event.routes.ts';
import { groupRoutes } from '../modules/groups/group/group.routes.ts';
import { allianceRoutes } from '../modules/alliances/alliance/alliance.routes.ts';
import { initiativeRoutes } from '../modules/alliances/initiative/initiative.routes.ts';
import { initiativeDocumentRoutes } from '../modules/alliances/initiative-document/initiative-document.routes.ts';
import { volunteerRoutes } from '../modules/alliances/volunteer/volunteer.routes.ts';
import { processRoutes } from '../modules/processes/process/process.routes.ts';
import { feedbackRoutes } from '../modules/feedback/form/form.routes.ts';
import { dashboardRoutes } from '../modules/dashboards/dashboard/dashboard.routes.ts';
import { actionPlanRoutes } from '../modules/plans/action-plan/action-plan.routes.ts';
import { indicatorRoutes } from '../modules/plans/indicator/indicator.routes.ts';
import { measureRoutes } from '../modules/plans/measure/measure.routes.ts';
import { registrationRoutes } from '../modules/dialogues/registration/registration.routes.ts';
import { boardRoutes } from '../modules/dialogues/board/board.routes.ts';
// inputs (needs and ideas) and the Agenda 2030 goals
import { goalRoutes } from '../modules/agenda2030/goal/goal.routes.ts';
import { inputRoutes } from '../modules/dialogues/input/input.routes.ts';
import { attendanceRoutes } from '../modules/dialogues/attendance/attendance.routes.ts';
import { eventDocumentRoutes } from '../modules/dialogues/event-document/event-document.routes.ts';
// service points (helper A)
import { servicePointRoutes } from '../modules/services/service-point/service-point.routes.ts';
import { suggestionRoutes } from '../modules/services/suggestion/suggestion.routes.ts';
import { servicePointImportRoutes } from '../modules/services/service-point-import/service-point-import.routes.ts';
// services: population, road networks, analyses, scenarios
import { analysisRoutes } from '../modules/services/analysis/analysis.routes.ts';
import { roadNetworkRoutes } from '../modules/services/network/network.routes.ts';
import { populationRoutes } from '../modules/services/population/population.routes.ts';
import { scenarioRoutes } from '../modules/services/scenario/scenario.routes.ts';
// service plans (kommunal serviceplan) and the regional service programme
import { servicePlanCommentRoutes } from '../modules/services/service-plan-comment/service-plan-comment.routes.ts';
import { servicePlanExportRoutes } from '../modules/services/service-plan-export/service-plan-export.routes.ts';
import { servicePlanRoutes } from '../modules/services/service-plan/service-plan.routes.ts';
import { serviceProgrammeRoutes } from '../modules/services/service-programme/service-programme.routes.ts';
// people's data (gdpr)
import { personalDataRoutes } from '../modules/accounts/personal-data/personal-data.routes.ts';
import { consentRoutes } from '../modules/privacy/consent/consent.routes.ts';
import { privacyRoutes } from '../modules/privacy/policy/privacy.routes.ts';
// collaboration models (issue 11 §4)
import { modelRoutes } from '../modules/models/model/model.routes.ts';
import { postRoutes } from '../modules/news/post/post.routes.ts';
import { followRoutes } from '../modules/notifications/follow/follow.routes.ts';
// agreements (överenskommelser)
import { agreementRoutes } from '../modules/agreements/agreement/agreement.routes.ts';
import { agreementExtractRoutes } from '../modules/agreements/agreement-extract/agreement-extract.routes.ts';
import { agreementCommentRoutes } from '../modules/agreements/agreement-comment/agreement-comment.routes.ts';
import { agreementAccessionRoutes } from '../modules/agreements/agreement-accession/agreement-accession.routes.ts';
import { agreementExportRoutes } from '../modules/agreements/agreement-export/agreement-export.routes.ts';
import type { Deps } from '../platform/deps.ts';
import type { RouteDefinition } from './route.ts';

/** Every API route of the app; the policy matrix test checks each one has an entry. */
export function allRoutes(deps: Deps): RouteDefinition[] {
  return [
    ...systemRoutes(deps),
    ...authRoutes(deps),
    ...apiTokenRoutes(deps),
    ...userRoutes(deps),
    ...countyRoutes(deps),
    ...municipalityRoutes(deps),
    ...localityRoutes(deps),
    ...spaceRoutes(deps),
    // Agenda 2030 down to the target and the knowledge library (issue 11 §1, §3)
    ...targetRoutes(deps),
    ...localTargetRoutes(deps),
    ...coverageRoutes(deps),
    ...libraryItemRoutes(deps),
    ...membershipRoutes(deps),
    ...invitationRoutes(deps),
    ...joinRequestRoutes(deps),
    ...profileRoutes(deps),
    ...organisationRoutes(deps),
    ...representativeRoutes(deps),
    ...organisationSuggestionRoutes(deps),
    ...spaceOrganisationRoutes(deps),
    ...personRoutes(deps),
    ...collaborationRoutes(deps),
    ...networkRoutes(deps),
    ...surveyRoutes(deps),
    ...actorsImportRoutes(deps),
    ...auditRoutes(deps),
    ...outboxRoutes(deps),
    // groups and events (helper D)
    ...groupRoutes(deps),
    ...processRoutes(deps),
    ...feedbackRoutes(deps),
    ...dashboardRoutes(deps),
    ...actionPlanRoutes(deps),
    ...measureRoutes(deps),
    ...indicatorRoutes(deps),
    ...eventRoutes(deps),
    // alliances, joint initiatives, calls for volunteers (issue 11 §2)
    ...allianceRoutes(deps),
    ...initiativeRoutes(deps),
    ...initiativeDocumentRoutes(deps),
    ...volunteerRoutes(deps),
    ...registrationRoutes(deps),
    // live workshop boards
    ...boardRoutes(deps),
    // inputs
    ...goalRoutes(deps),
    ...inputRoutes(deps),
    ...attendanceRoutes(deps),
    ...eventDocumentRoutes(deps),
    // service points (helper A)
    ...servicePointRoutes(deps),
    ...suggestionRoutes(deps),
    ...servicePointImportRoutes(deps),
    // services: population, road networks, analyses, scenarios
    ...populationRoutes(deps),
    ...roadNetworkRoutes(deps),
    ...analysisRoutes(deps),
    ...scenarioRoutes(deps),
    // service plans (kommunal serviceplan) and the regional service programme
    ...servicePlanRoutes(deps),
    ...servicePlanCommentRoutes(deps),
    ...servicePlanExportRoutes(deps),
    ...serviceProgrammeRoutes(deps),
    // people's data (gdpr)
    ...personalDataRoutes(deps),
    ...consentRoutes(deps),
    ...privacyRoutes(deps),
    // collaboration models (issue 11 §4)
    ...modelRoutes(deps),
    // news and notifications (issue 12 §4–5)
    ...postRoutes(deps),
    ...followRoutes(deps),
    // agreements (överenskommelser)
    ...agreementRoutes(deps),
    ...agreementExtractRoutes(deps),
    ...agreementCommentRoutes(deps),
    ...agreementAccessionRoutes(deps),
    ...agreementExportRoutes(deps),
  ];
}
