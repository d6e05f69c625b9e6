import { useMemo } from 'react';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createHashRouter, RouterProvider } from 'react-router';
import { Shell } from './Shell';
import { cssVariablesResolver, themeFor } from './theme';
import { OrganisationsPage } from '../organisations/OrganisationsPage';
import { OrganisationPage } from '../organisations/OrganisationPage';
import { OrganisationFormPage } from '../organisations/OrganisationFormPage';
import { AgreementsPage } from '../agreements/AgreementsPage';
import { NotFound } from './NotFound';
import { AuthGate } from '../auth/AuthGate';
import { UsersPage } from '../users/UsersPage';
import { AuditPage } from '../audit/AuditPage';
import { ReportsPage } from '../reports/ReportsPage';
import { BackupsPage } from '../backups/BackupsPage';
import { ConflictsPage } from '../sync/ConflictsPage';
import { SyncPage } from '../sync/SyncPage';
import { DiagnosticPage } from '../diagnostics/DiagnosticPage';
import { FrameworkPage } from '../diagnostics/FrameworkPage';
import { SelectionPage } from '../selection/SelectionPage';
import { CriteriaSetPage } from '../selection/CriteriaSetPage';
import { RoundPage } from '../selection/RoundPage';
import { MinutesPage } from '../selection/MinutesPage';
import { ParticipantsPage } from '../participants/ParticipantsPage';
import { ModulesPage } from '../modules/ModulesPage';
import { PathwaysPage } from '../pathways/PathwaysPage';
import { PathwayPage } from '../pathways/PathwayPage';
import { SessionsPage } from '../sessions/SessionsPage';
import { SessionPage } from '../sessions/SessionPage';
import { AttendanceSheetPage } from '../sessions/AttendanceSheetPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { FollowUpsPage } from '../followups/FollowUpsPage';
import { FollowUpPage } from '../followups/FollowUpPage';
import { ResultsFrameworkPage } from '../indicators/ResultsFrameworkPage';
import { GenderPage } from '../indicators/GenderPage';
import { TrainedParticipantsPage } from '../indicators/TrainedParticipantsPage';
import { AccompaniedOrganisationsPage } from '../indicators/AccompaniedOrganisationsPage';
import { ImportPage } from '../imports/ImportPage';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

// A hash router: the same URLs work from a file in Electron and from the loopback server.
const router = createHashRouter([
  // The minutes print on their own page, without the application's frame.
  { path: 'selection/comites/:id/pv', element: <MinutesPage /> },
  { path: 'sessions/:id/feuille', element: <AttendanceSheetPage /> },
  {
    element: <Shell />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'suivis', element: <FollowUpsPage /> },
      { path: 'suivis/:id', element: <FollowUpPage /> },
      { path: 'indicateurs', element: <ResultsFrameworkPage /> },
      { path: 'indicateurs/personnes-formees', element: <TrainedParticipantsPage /> },
      { path: 'indicateurs/organisations-accompagnees', element: <AccompaniedOrganisationsPage /> },
      { path: 'genre', element: <GenderPage /> },
      { path: 'rapports', element: <ReportsPage /> },
      { path: 'organisations', element: <OrganisationsPage /> },
      { path: 'organisations/nouvelle', element: <OrganisationFormPage /> },
      { path: 'organisations/:id', element: <OrganisationPage /> },
      { path: 'organisations/:id/modifier', element: <OrganisationFormPage /> },
      { path: 'organisations/:organisationId/diagnostics/nouveau', element: <DiagnosticPage /> },
      { path: 'diagnostics/:id', element: <DiagnosticPage /> },
      { path: 'grille-diagnostic', element: <FrameworkPage /> },
      { path: 'conventions', element: <AgreementsPage /> },
      { path: 'participants', element: <ParticipantsPage /> },
      { path: 'modules', element: <ModulesPage /> },
      { path: 'parcours', element: <PathwaysPage /> },
      { path: 'parcours/:id', element: <PathwayPage /> },
      { path: 'sessions', element: <SessionsPage /> },
      { path: 'sessions/:id', element: <SessionPage /> },
      { path: 'selection', element: <SelectionPage /> },
      { path: 'selection/grilles/:id', element: <CriteriaSetPage /> },
      { path: 'selection/comites/:id', element: <RoundPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'sauvegardes', element: <BackupsPage /> },
      { path: 'synchronisation', element: <SyncPage /> },
      { path: 'synchronisation/conflits', element: <ConflictsPage /> },
      { path: 'utilisateurs', element: <UsersPage /> },
      { path: 'journal', element: <AuditPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  const { i18n, t } = useTranslation();
  const theme = useMemo(
    () =>
      themeFor({
        close: t('common.close'),
        first: t('common.firstPage'),
        previous: t('common.previousPage'),
        next: t('common.nextPage'),
        last: t('common.lastPage'),
      }),
    [t],
  );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en-gb' : 'fr', firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <Notifications position="top-center" limit={3} autoClose={3000} />
          <AuthGate>
            <RouterProvider router={router} />
          </AuthGate>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
