import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { isApiError } from '../api/client.ts';
import { RequireAdmin, RequireSignIn } from '../features/auth/RequireSignIn.tsx';
import { RouteErrorPage } from './ErrorPage.tsx';
import { Layout } from './Layout.tsx';
import { lazyPage } from './lazy.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

// Every page loads with its own code (route-based code splitting, app/lazy.tsx).
const AccountPage = lazyPage(() => import('../features/account/AccountPage.tsx'), 'AccountPage');
const ProfilePage = lazyPage(() => import('../features/account/ProfilePage.tsx'), 'ProfilePage');
const AdminAuditPage = lazyPage(() => import('../features/admin/AdminAuditPage.tsx'), 'AdminAuditPage');
const AdminLocalitiesPage = lazyPage(() => import('../features/admin/AdminLocalitiesPage.tsx'), 'AdminLocalitiesPage');
const AdminOutboxPage = lazyPage(() => import('../features/admin/AdminOutboxPage.tsx'), 'AdminOutboxPage');
const AdminSpacesPage = lazyPage(() => import('../features/admin/AdminSpacesPage.tsx'), 'AdminSpacesPage');
const AdminUsersPage = lazyPage(() => import('../features/admin/AdminUsersPage.tsx'), 'AdminUsersPage');
const AdminLayout = lazyPage(() => import('../features/admin/AdminLayout.tsx'), 'AdminLayout');
const ForgotPasswordPage = lazyPage(() => import('../features/auth/ForgotPasswordPage.tsx'), 'ForgotPasswordPage');
const InvitationPage = lazyPage(() => import('../features/auth/InvitationPage.tsx'), 'InvitationPage');
const MagicLinkPage = lazyPage(() => import('../features/auth/MagicLinkPage.tsx'), 'MagicLinkPage');
const ResetPasswordPage = lazyPage(() => import('../features/auth/ResetPasswordPage.tsx'), 'ResetPasswordPage');
const SignInPage = lazyPage(() => import('../features/auth/SignInPage.tsx'), 'SignInPage');
const UnlockPage = lazyPage(() => import('../features/auth/UnlockPage.tsx'), 'UnlockPage');
const SignUpPage = lazyPage(() => import('../features/auth/SignUpPage.tsx'), 'SignUpPage');
const ConfirmSignUpPage = lazyPage(() => import('../features/auth/SignUpPage.tsx'), 'ConfirmSignUpPage');
const CreateOrganisationPage = lazyPage(() => import('../features/actors/CreateOrganisationPage.tsx'), 'CreateOrganisationPage');
const OrganisationPage = lazyPage(() => import('../features/actors/OrganisationPage.tsx'), 'OrganisationPage');
const OrganisationsPage = lazyPage(() => import('../features/actors/OrganisationsPage.tsx'), 'OrganisationsPage');
const AreaNetworkPage = lazyPage(() => import('../features/network/AreaNetworkPage.tsx'), 'AreaNetworkPage');
const NetworkPage = lazyPage(() => import('../features/network/NetworkPage.tsx'), 'NetworkPage');
const PeoplePage = lazyPage(() => import('../features/people/PeoplePage.tsx'), 'PeoplePage');
const SurveyAnswerPage = lazyPage(() => import('../features/surveys/SurveyAnswerPage.tsx'), 'SurveyAnswerPage');
const SurveysPage = lazyPage(() => import('../features/surveys/SurveysPage.tsx'), 'SurveysPage');
const CreateSpacePage = lazyPage(() => import('../features/spaces/CreateSpacePage.tsx'), 'CreateSpacePage');
const SpacePage = lazyPage(() => import('../features/spaces/SpacePage.tsx'), 'SpacePage');
const StartPage = lazyPage(() => import('../features/spaces/StartPage.tsx'), 'StartPage');
// inputs (needs and ideas)
const InputFormPage = lazyPage(() => import('../features/dialogues/inputs/InputFormPage.tsx'), 'InputFormPage');
const InputPage = lazyPage(() => import('../features/dialogues/inputs/InputPage.tsx'), 'InputPage');
const InputsPage = lazyPage(() => import('../features/dialogues/inputs/InputsPage.tsx'), 'InputsPage');
const TriagePage = lazyPage(() => import('../features/dialogues/inputs/TriagePage.tsx'), 'TriagePage');
// groups and events (helper D)
const AttendancePage = lazyPage(() => import('../features/dialogues/events/AttendancePage.tsx'), 'AttendancePage');
const CheckInPage = lazyPage(() => import('../features/dialogues/events/CheckInPage.tsx'), 'CheckInPage');
const EventEditorPage = lazyPage(() => import('../features/dialogues/events/EventEditorPage.tsx'), 'EventEditorPage');
const EventPage = lazyPage(() => import('../features/dialogues/events/EventPage.tsx'), 'EventPage');
const EventsPage = lazyPage(() => import('../features/dialogues/events/EventsPage.tsx'), 'EventsPage');
const RegistrationPage = lazyPage(() => import('../features/dialogues/events/RegistrationPage.tsx'), 'RegistrationPage');
const GroupPage = lazyPage(() => import('../features/groups/GroupPage.tsx'), 'GroupPage');
const GroupsPage = lazyPage(() => import('../features/groups/GroupsPage.tsx'), 'GroupsPage');
// live workshop boards
const EventBoardsPage = lazyPage(() => import('../features/dialogues/board/EventBoardsPage.tsx'), 'EventBoardsPage');
const FacilitatorBoardPage = lazyPage(() => import('../features/dialogues/board/FacilitatorBoardPage.tsx'), 'FacilitatorBoardPage');
const ParticipantBoardPage = lazyPage(() => import('../features/dialogues/board/ParticipantBoardPage.tsx'), 'ParticipantBoardPage');
// service points (helper A)
const ImportServicePointsPage = lazyPage(() => import('../features/services/points/ImportServicePointsPage.tsx'), 'ImportServicePointsPage');
const CreateServicePointPage = lazyPage(() => import('../features/services/points/ServicePointFormPages.tsx'), 'CreateServicePointPage');
const EditServicePointPage = lazyPage(() => import('../features/services/points/ServicePointFormPages.tsx'), 'EditServicePointPage');
const SuggestChangePage = lazyPage(() => import('../features/services/points/ServicePointFormPages.tsx'), 'SuggestChangePage');
const ServicePointPage = lazyPage(() => import('../features/services/points/ServicePointPage.tsx'), 'ServicePointPage');
const ServicesPage = lazyPage(() => import('../features/services/points/ServicesPage.tsx'), 'ServicesPage');
// service plans
const ConsultationPage = lazyPage(() => import('../features/services/plans/ConsultationPage.tsx'), 'ConsultationPage');
const PlanListPage = lazyPage(() => import('../features/services/plans/PlanListPage.tsx'), 'PlanListPage');
const PlanPage = lazyPage(() => import('../features/services/plans/PlanPage.tsx'), 'PlanPage');
const PrintPage = lazyPage(() => import('../features/services/plans/PrintPage.tsx'), 'PrintPage');
const ProgrammePage = lazyPage(() => import('../features/services/plans/ProgrammePage.tsx'), 'ProgrammePage');
const AccessibilityPage = lazyPage(() => import('./AccessibilityPage.tsx'), 'AccessibilityPage');
// collaboration models (issue 11 §4)
const ImportModelPage = lazyPage(() => import('../features/models/ImportModelPage.tsx'), 'ImportModelPage');
const ModelPage = lazyPage(() => import('../features/models/ModelPage.tsx'), 'ModelPage');
const ModelsPage = lazyPage(() => import('../features/models/ModelsPage.tsx'), 'ModelsPage');
// people's data (gdpr)
const AccountDeletedPage = lazyPage(() => import('../features/account/DeleteAccountPage.tsx'), 'AccountDeletedPage');
const DeleteAccountPage = lazyPage(() => import('../features/account/DeleteAccountPage.tsx'), 'DeleteAccountPage');
const AdminPrivacyPage = lazyPage(() => import('../features/admin/AdminPrivacyPage.tsx'), 'AdminPrivacyPage');
const ConsentPage = lazyPage(() => import('../features/privacy/ConsentPage.tsx'), 'ConsentPage');
const PrivacyPage = lazyPage(() => import('../features/privacy/PrivacyPage.tsx'), 'PrivacyPage');
// services: accessibility analyses and scenarios
const AnalysesPage = lazyPage(() => import('../features/services/analysis/AnalysesPage.tsx'), 'AnalysesPage');
const AnalysisPage = lazyPage(() => import('../features/services/analysis/AnalysisPage.tsx'), 'AnalysisPage');
// pages of the capabilities added alongside
const AlliancePage = lazyPage(() => import('../features/alliances/AlliancePage.tsx'), 'AlliancePage');
const AlliancesPage = lazyPage(() => import('../features/alliances/AlliancesPage.tsx'), 'AlliancesPage');
const DirectoryPage = lazyPage(() => import('../features/alliances/DirectoryPage.tsx'), 'DirectoryPage');
const InitiativePage = lazyPage(() => import('../features/alliances/InitiativePage.tsx'), 'InitiativePage');
const VolunteerLinkPage = lazyPage(() => import('../features/alliances/VolunteerLinkPage.tsx'), 'VolunteerLinkPage');
const AgreementPage = lazyPage(() => import('../features/agreements/AgreementPage.tsx'), 'AgreementPage');
const AgreementsPage = lazyPage(() => import('../features/agreements/AgreementsPage.tsx'), 'AgreementsPage');
const PublicAgreementPage = lazyPage(() => import('../features/agreements/PublicAgreementPage.tsx'), 'PublicAgreementPage');
const AreaCoveragePage = lazyPage(() => import('../features/agenda2030/CoveragePage.tsx'), 'AreaCoveragePage');
const SpaceCoveragePage = lazyPage(() => import('../features/agenda2030/CoveragePage.tsx'), 'SpaceCoveragePage');
const LibraryEditorPage = lazyPage(() => import('../features/library/LibraryPages.tsx'), 'LibraryEditorPage');
const LibraryItemPage = lazyPage(() => import('../features/library/LibraryPages.tsx'), 'LibraryItemPage');
const LibraryPage = lazyPage(() => import('../features/library/LibraryPages.tsx'), 'LibraryPage');
const CombinedNewsPage = lazyPage(() => import('../features/news/NewsPages.tsx'), 'CombinedNewsPage');
const EditPostPage = lazyPage(() => import('../features/news/NewsPages.tsx'), 'EditPostPage');
const NewPostPage = lazyPage(() => import('../features/news/NewsPages.tsx'), 'NewPostPage');
const PostPage = lazyPage(() => import('../features/news/NewsPages.tsx'), 'PostPage');
const SpaceNewsPage = lazyPage(() => import('../features/news/NewsPages.tsx'), 'SpaceNewsPage');
const FollowConfirmPage = lazyPage(() => import('../features/news/LinkPages.tsx'), 'FollowConfirmPage');
const UnsubscribePage = lazyPage(() => import('../features/news/LinkPages.tsx'), 'UnsubscribePage');
const NotificationSettingsPage = lazyPage(() => import('../features/news/NotificationSettingsPage.tsx'), 'NotificationSettingsPage');
const ProcessesPage = lazyPage(() => import('../features/processes/ProcessesPage.tsx'), 'ProcessesPage');
const ProcessPage = lazyPage(() => import('../features/processes/ProcessPage.tsx'), 'ProcessPage');
const FeedbackAnswerPage = lazyPage(() => import('../features/feedback/FeedbackAnswerPage.tsx'), 'FeedbackAnswerPage');
const FeedbackResultsPage = lazyPage(() => import('../features/feedback/FeedbackResultsPage.tsx'), 'FeedbackResultsPage');
const FeedbackPage = lazyPage(() => import('../features/feedback/FeedbackPage.tsx'), 'FeedbackPage');
const AreaDashboardPage = lazyPage(() => import('../features/dashboards/DashboardPage.tsx'), 'AreaDashboardPage');
const SpaceDashboardPage = lazyPage(() => import('../features/dashboards/DashboardPage.tsx'), 'SpaceDashboardPage');
const ComparisonPage = lazyPage(() => import('../features/dashboards/ComparisonPage.tsx'), 'ComparisonPage');
const TemplatesPage = lazyPage(() => import('../features/processes/TemplatesPage.tsx'), 'TemplatesPage');
const TemplatePage = lazyPage(() => import('../features/processes/TemplatePage.tsx'), 'TemplatePage');
const NewTemplatePage = lazyPage(() => import('../features/processes/TemplateEditPages.tsx'), 'NewTemplatePage');
const EditTemplatePage = lazyPage(() => import('../features/processes/TemplateEditPages.tsx'), 'EditTemplatePage');
const NewFeedbackFormPage = lazyPage(() => import('../features/feedback/FeedbackFormEditor.tsx'), 'NewFeedbackFormPage');
const EditFeedbackFormPage = lazyPage(() => import('../features/feedback/FeedbackFormEditor.tsx'), 'EditFeedbackFormPage');
const ProjectFactsPage = lazyPage(() => import('../features/dashboards/ProjectFactsPage.tsx'), 'ProjectFactsPage');
const LocalityDashboardPage = lazyPage(() => import('../features/dashboards/LocalityDashboardPage.tsx'), 'LocalityDashboardPage');
// action plans, measures and indicators (issue 10)
const ActionPlanPage = lazyPage(() => import('../features/plans/ActionPlanPage.tsx'), 'ActionPlanPage');
const ActionPlansPage = lazyPage(() => import('../features/plans/ActionPlansPage.tsx'), 'ActionPlansPage');
const MeasurePage = lazyPage(() => import('../features/plans/MeasurePage.tsx'), 'MeasurePage');

/** A session that ended (idle or absolute expiry, sign-out elsewhere) makes the app signed out. */
function onApiError(error: unknown) {
  if (isApiError(error) && error.status === 401 && queryClient.getQueryData(['me'])) queryClient.setQueryData(['me'], null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // Client errors will not change on a retry; a flaky connection in a village may.
      retry: (failureCount, error) => failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage inLayout />,
        children: [
          { index: true, element: <StartPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'sign-in/link', element: <MagicLinkPage /> },
          { path: 'sign-in/unlock', element: <UnlockPage /> },
          // joining (issue 13 §2)
          { path: 'sign-up', element: <SignUpPage /> },
          { path: 'sign-up/confirm', element: <ConfirmSignUpPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'invitation', element: <InvitationPage /> },
          { path: 'accessibility', element: <AccessibilityPage /> },
          // people's data (gdpr)
          { path: 'integritet', element: <PrivacyPage language="sv" /> },
          { path: 'privacy', element: <PrivacyPage language="en" /> },
          { path: 'consent', element: <ConsentPage /> },
          // news and notifications (issue 12 §4–5)
          { path: 'news', element: <CombinedNewsPage /> },
          { path: 'news/:postId', element: <PostPage /> },
          { path: 'news/:postId/edit', element: <RequireSignIn><EditPostPage /></RequireSignIn> },
          { path: 'spaces/:id/news', element: <SpaceNewsPage /> },
          { path: 'spaces/:id/news/new', element: <RequireSignIn><NewPostPage /></RequireSignIn> },
          { path: 'me/notifications', element: <RequireSignIn><NotificationSettingsPage /></RequireSignIn> },
          { path: 'unsubscribe', element: <UnsubscribePage /> },
          { path: 'follow/confirm', element: <FollowConfirmPage /> },
          { path: 'account/deleted', element: <AccountDeletedPage /> },
          {
            path: 'account/delete',
            element: (
              <RequireSignIn>
                <DeleteAccountPage />
              </RequireSignIn>
            ),
          },
          {
            path: 'spaces/new',
            element: (
              <RequireSignIn>
                <CreateSpacePage />
              </RequireSignIn>
            ),
          },
          // collaboration models (issue 11 §4)
          { path: 'models', element: <ModelsPage /> },
          {
            path: 'models/import',
            element: (
              <RequireSignIn>
                <ImportModelPage />
              </RequireSignIn>
            ),
          },
          { path: 'models/:id', element: <ModelPage /> },
          { path: 'spaces/:id', element: <SpacePage /> },
          { path: 'spaces/:id/network', element: <NetworkPage /> },
          // services: accessibility analyses and scenarios
          { path: 'spaces/:id/analyses', element: <AnalysesPage /> },
          { path: 'spaces/:id/analyses/:analysisId', element: <AnalysisPage /> },
          {
            path: 'spaces/:id/people',
            element: (
              <RequireSignIn>
                <PeoplePage />
              </RequireSignIn>
            ),
          },
          {
            path: 'spaces/:id/surveys',
            element: (
              <RequireSignIn>
                <SurveysPage />
              </RequireSignIn>
            ),
          },
          // inputs: the public list, form and detail; the triage view checks the caller's rights itself
          { path: 'spaces/:id/inputs', element: <InputsPage /> },
          { path: 'spaces/:id/inputs/new', element: <InputFormPage /> },
          { path: 'spaces/:id/inputs/triage', element: <TriagePage /> },
          { path: 'spaces/:id/inputs/:inputId', element: <InputPage /> },
          // service points (helper A)
          { path: 'spaces/:id/services', element: <ServicesPage /> },
          {
            path: 'spaces/:id/services/new',
            element: (
              <RequireSignIn>
                <CreateServicePointPage />
              </RequireSignIn>
            ),
          },
          {
            path: 'spaces/:id/services/import',
            element: (
              <RequireSignIn>
                <ImportServicePointsPage />
              </RequireSignIn>
            ),
          },
          { path: 'service-points/:id', element: <ServicePointPage /> },
          {
            path: 'service-points/:id/edit',
            element: (
              <RequireSignIn>
                <EditServicePointPage />
              </RequireSignIn>
            ),
          },
          {
            path: 'service-points/:id/suggest',
            element: (
              <RequireSignIn>
                <SuggestChangePage />
              </RequireSignIn>
            ),
          },
          { path: 'organisations', element: <OrganisationsPage /> },
          {
            path: 'organisations/new',
            element: (
              <RequireSignIn>
                <CreateOrganisationPage />
              </RequireSignIn>
            ),
          },
          { path: 'organisations/:id', element: <OrganisationPage /> },
          { path: 'network', element: <AreaNetworkPage /> },
          { path: 'survey', element: <SurveyAnswerPage /> },
          // service plans (kommunal serviceplan) and the regional service programme
          { path: 'spaces/:id/service-plans', element: <PlanListPage /> },
          { path: 'service-plans/:id', element: <PlanPage /> },
          { path: 'service-plans/:id/consultation', element: <ConsultationPage /> },
          { path: 'service-plans/:id/print', element: <PrintPage /> },
          { path: 'service-programme', element: <ProgrammePage /> },
          { path: 'users/:id', element: <ProfilePage /> },
          {
            path: 'account',
            element: (
              <RequireSignIn>
                <AccountPage />
              </RequireSignIn>
            ),
          },
          {
            path: 'admin',
            element: (
              <RequireAdmin>
                <AdminLayout />
              </RequireAdmin>
            ),
            children: [
              { index: true, element: <Navigate to="users" replace /> },
              { path: 'users', element: <AdminUsersPage /> },
              { path: 'spaces', element: <AdminSpacesPage /> },
              { path: 'localities', element: <AdminLocalitiesPage /> },
              { path: 'outbox', element: <AdminOutboxPage /> },
              { path: 'audit', element: <AdminAuditPage /> },
              { path: 'privacy', element: <AdminPrivacyPage /> },
            ],
          },
          // groups and events (helper D)
          { path: 'spaces/:id/groups', element: <GroupsPage /> },
          { path: 'groups/:id', element: <GroupPage /> },
          // agreements (överenskommelser)
          { path: 'spaces/:id/agreements', element: <AgreementsPage /> },
          { path: 'agreements/:id', element: <AgreementPage /> },
          { path: 'agreements/:id/public', element: <PublicAgreementPage /> },
          { path: 'spaces/:id/events', element: <EventsPage /> },
          {
            path: 'spaces/:id/events/new',
            element: (
              <RequireSignIn>
                <EventEditorPage />
              </RequireSignIn>
            ),
          },
          {
            path: 'events/:eventId/edit',
            element: (
              <RequireSignIn>
                <EventEditorPage />
              </RequireSignIn>
            ),
          },
          { path: 'events/:id', element: <EventPage /> },
          // Agenda 2030 down to the target and the knowledge library (issue 11 §1, §3)
          { path: 'spaces/:id/agenda2030', element: <SpaceCoveragePage /> },
          { path: 'agenda2030/municipalities/:code', element: <AreaCoveragePage level="municipality" /> },
          { path: 'agenda2030/counties/:code', element: <AreaCoveragePage level="county" /> },
          { path: 'library', element: <LibraryPage /> },
          { path: 'library/new', element: <RequireSignIn><LibraryEditorPage /></RequireSignIn> },
          { path: 'library/:id', element: <LibraryItemPage /> },
          { path: 'library/:id/edit', element: <RequireSignIn><LibraryEditorPage /></RequireSignIn> },
          {
            path: 'events/:id/attendance',
            element: (
              <RequireSignIn>
                <AttendancePage />
              </RequireSignIn>
            ),
          },
          { path: 'registrations/:id', element: <RegistrationPage /> },
          { path: 'check-in/:id', element: <CheckInPage /> },
          // live workshop boards: participants join at /delta ("take part") without an account
          { path: 'delta', element: <ParticipantBoardPage /> },
          { path: 'delta/:code', element: <ParticipantBoardPage /> },
          {
            path: 'events/:id/boards',
            element: (
              <RequireSignIn>
                <EventBoardsPage />
              </RequireSignIn>
            ),
          },
          {
            path: 'boards/:id',
            element: (
              <RequireSignIn>
                <FacilitatorBoardPage />
              </RequireSignIn>
            ),
          },
          // alliances, joint initiatives, calls for volunteers (issue 11 §2)
          { path: 'spaces/:id/alliances', element: <AlliancesPage /> },
          { path: 'alliances/:id', element: <AlliancePage /> },
          { path: 'initiatives', element: <DirectoryPage /> },
          { path: 'initiatives/:id', element: <InitiativePage /> },
          { path: 'volunteer/confirm', element: <VolunteerLinkPage action="confirm" /> },
          { path: 'volunteer/cancel', element: <VolunteerLinkPage action="cancel" /> },
          // guided processes, feedback, dashboards (issue 12)
          { path: 'spaces/:id/processes', element: <ProcessesPage /> },
          { path: 'processes/:id', element: <ProcessPage /> },
          { path: 'feedback/:id', element: <FeedbackAnswerPage /> },
          { path: 'feedback/:id/results', element: <FeedbackResultsPage /> },
          { path: 'spaces/:id/feedback', element: <FeedbackPage /> },
          { path: 'spaces/:id/dashboard', element: <SpaceDashboardPage /> },
          { path: 'spaces/:id/comparison', element: <ComparisonPage /> },
          // the editors for templates, feedback forms and project facts (issue 12)
          { path: 'spaces/:id/process-templates', element: <TemplatesPage /> },
          { path: 'spaces/:id/process-templates/new', element: <RequireSignIn><NewTemplatePage /></RequireSignIn> },
          { path: 'process-templates/:id', element: <TemplatePage /> },
          { path: 'process-templates/:id/edit', element: <RequireSignIn><EditTemplatePage /></RequireSignIn> },
          { path: 'spaces/:id/feedback/new', element: <RequireSignIn><NewFeedbackFormPage /></RequireSignIn> },
          { path: 'feedback/:id/edit', element: <RequireSignIn><EditFeedbackFormPage /></RequireSignIn> },
          { path: 'spaces/:id/facts', element: <RequireSignIn><ProjectFactsPage /></RequireSignIn> },
          // action plans (handlingsplaner), their measures and indicators
          { path: 'spaces/:id/action-plans', element: <ActionPlansPage /> },
          { path: 'action-plans/:id', element: <ActionPlanPage /> },
          { path: 'measures/:id', element: <MeasurePage /> },
          { path: 'municipalities/:code/dashboard', element: <AreaDashboardPage kind="municipality" /> },
          { path: 'counties/:code/dashboard', element: <AreaDashboardPage kind="county" /> },
          { path: 'localities/:id/dashboard', element: <LocalityDashboardPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
