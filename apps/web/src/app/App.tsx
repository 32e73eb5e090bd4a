import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { isApiError } from '../api/client.ts';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { AdminAuditPage } from '../features/admin/AdminAuditPage.tsx';
import { AdminLocalitiesPage } from '../features/admin/AdminLocalitiesPage.tsx';
import { AdminOutboxPage } from '../features/admin/AdminOutboxPage.tsx';
import { AdminSpacesPage } from '../features/admin/AdminSpacesPage.tsx';
import { AdminUsersPage } from '../features/admin/AdminUsersPage.tsx';
import { AdminLayout } from '../features/admin/AdminLayout.tsx';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage.tsx';
import { InvitationPage } from '../features/auth/InvitationPage.tsx';
import { MagicLinkPage } from '../features/auth/MagicLinkPage.tsx';
import { RequireAdmin, RequireSignIn } from '../features/auth/RequireSignIn.tsx';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { UnlockPage } from '../features/auth/UnlockPage.tsx';
import { CreateOrganisationPage } from '../features/actors/CreateOrganisationPage.tsx';
import { OrganisationPage } from '../features/actors/OrganisationPage.tsx';
import { OrganisationsPage } from '../features/actors/OrganisationsPage.tsx';
import { AreaNetworkPage } from '../features/network/AreaNetworkPage.tsx';
import { NetworkPage } from '../features/network/NetworkPage.tsx';
import { PeoplePage } from '../features/people/PeoplePage.tsx';
import { SurveyAnswerPage } from '../features/surveys/SurveyAnswerPage.tsx';
import { SurveysPage } from '../features/surveys/SurveysPage.tsx';
import { CreateSpacePage } from '../features/spaces/CreateSpacePage.tsx';
import { SpacePage } from '../features/spaces/SpacePage.tsx';
import { StartPage } from '../features/spaces/StartPage.tsx';
// inputs (needs and ideas)
import { InputFormPage } from '../features/dialogues/inputs/InputFormPage.tsx';
import { InputPage } from '../features/dialogues/inputs/InputPage.tsx';
import { InputsPage } from '../features/dialogues/inputs/InputsPage.tsx';
import { TriagePage } from '../features/dialogues/inputs/TriagePage.tsx';
// groups and events (helper D)
import { AttendancePage } from '../features/dialogues/events/AttendancePage.tsx';
import { CheckInPage } from '../features/dialogues/events/CheckInPage.tsx';
import { EventEditorPage } from '../features/dialogues/events/EventEditorPage.tsx';
import { EventPage } from '../features/dialogues/events/EventPage.tsx';
import { EventsPage } from '../features/dialogues/events/EventsPage.tsx';
import { RegistrationPage } from '../features/dialogues/events/RegistrationPage.tsx';
import { GroupPage } from '../features/groups/GroupPage.tsx';
import { GroupsPage } from '../features/groups/GroupsPage.tsx';
// live workshop boards
import { EventBoardsPage } from '../features/dialogues/board/EventBoardsPage.tsx';
import { FacilitatorBoardPage } from '../features/dialogues/board/FacilitatorBoardPage.tsx';
import { ParticipantBoardPage } from '../features/dialogues/board/ParticipantBoardPage.tsx';
// service points (helper A)
import { ImportServicePointsPage } from '../features/services/points/ImportServicePointsPage.tsx';
import { CreateServicePointPage, EditServicePointPage, SuggestChangePage } from '../features/services/points/ServicePointFormPages.tsx';
import { ServicePointPage } from '../features/services/points/ServicePointPage.tsx';
import { ServicesPage } from '../features/services/points/ServicesPage.tsx';
// action plans, measures and indicators (issue 10)
import { ActionPlanPage } from '../features/plans/ActionPlanPage.tsx';
import { ActionPlansPage } from '../features/plans/ActionPlansPage.tsx';
import { MeasurePage } from '../features/plans/MeasurePage.tsx';
// service plans
import { ConsultationPage } from '../features/services/plans/ConsultationPage.tsx';
import { PlanListPage } from '../features/services/plans/PlanListPage.tsx';
import { PlanPage } from '../features/services/plans/PlanPage.tsx';
import { PrintPage } from '../features/services/plans/PrintPage.tsx';
import { ProgrammePage } from '../features/services/plans/ProgrammePage.tsx';
import { AccessibilityPage } from './AccessibilityPage.tsx';
// people's data (gdpr)
import { AccountDeletedPage, DeleteAccountPage } from '../features/account/DeleteAccountPage.tsx';
import { AdminPrivacyPage } from '../features/admin/AdminPrivacyPage.tsx';
import { ConsentPage } from '../features/privacy/ConsentPage.tsx';
import { PrivacyPage } from '../features/privacy/PrivacyPage.tsx';
import { RouteErrorPage } from './ErrorPage.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
// services: accessibility analyses and scenarios
import { AnalysesPage } from '../features/services/analysis/AnalysesPage.tsx';
import { AnalysisPage } from '../features/services/analysis/AnalysisPage.tsx';

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
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'invitation', element: <InvitationPage /> },
          { path: 'accessibility', element: <AccessibilityPage /> },
          // people's data (gdpr)
          { path: 'integritet', element: <PrivacyPage language="sv" /> },
          { path: 'privacy', element: <PrivacyPage language="en" /> },
          { path: 'consent', element: <ConsentPage /> },
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
          // action plans (handlingsplaner), their measures and indicators
          { path: 'spaces/:id/action-plans', element: <ActionPlansPage /> },
          { path: 'action-plans/:id', element: <ActionPlanPage /> },
          { path: 'measures/:id', element: <MeasurePage /> },
          // service plans (kommunal serviceplan) and the regional service programme
          { path: 'spaces/:id/service-plans', element: <PlanListPage /> },
          { path: 'service-plans/:id', element: <PlanPage /> },
          { path: 'service-plans/:id/consultation', element: <ConsultationPage /> },
          { path: 'service-plans/:id/print', element: <PrintPage /> },
          { path: 'service-programme', element: <ProgrammePage /> },
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
