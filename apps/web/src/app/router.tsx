import { createBrowserRouter } from 'react-router';
import { ESTABLISHMENT_EDITORS, OUTREACH_EDITORS, PLAN_EDITORS, TIP_HANDLERS } from '@pcmd/contracts';
import { AuditPage } from '../features/audit/pages/AuditPage';
import { DenominatorsPage } from '../features/data-entry/pages/DenominatorsPage';
import { ManualValuesPage } from '../features/data-entry/pages/ManualValuesPage';
import { AccountPage } from '../features/auth/pages/AccountPage';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { EstablishmentCreatePage } from '../features/establishments/pages/EstablishmentCreatePage';
import { EstablishmentEditPage } from '../features/establishments/pages/EstablishmentEditPage';
import { EstablishmentImportPage } from '../features/establishments/pages/EstablishmentImportPage';
import { EstablishmentPage } from '../features/establishments/pages/EstablishmentPage';
import { EstablishmentsPage } from '../features/establishments/pages/EstablishmentsPage';
import { InspectionCreatePage } from '../features/establishments/pages/InspectionCreatePage';
import { InspectionPlanCreatePage } from '../features/establishments/pages/InspectionPlanCreatePage';
import { InspectionPlanPage } from '../features/establishments/pages/InspectionPlanPage';
import { InspectionPlansPage } from '../features/establishments/pages/InspectionPlansPage';
import { MapPage } from '../features/establishments/pages/MapPage';
import { PriorityPage } from '../features/establishments/pages/PriorityPage';
import { HomePage } from '../features/home/pages/HomePage';
import { OutboxSync } from '../features/outreach/components/OutboxSync';
import { ActivitiesPage } from '../features/outreach/pages/ActivitiesPage';
import { CoveragePage } from '../features/outreach/pages/CoveragePage';
import { PeerGroupsPage } from '../features/outreach/pages/PeerGroupsPage';
import { QuickEntryPage } from '../features/outreach/pages/QuickEntryPage';
import { SeriesPage } from '../features/outreach/pages/SeriesPage';
import { BoardPage } from '../features/plans/pages/BoardPage';
import { PlanCreatePage } from '../features/plans/pages/PlanCreatePage';
import { PlanPage } from '../features/plans/pages/PlanPage';
import { PlansPage } from '../features/plans/pages/PlansPage';
import { TaskPage } from '../features/tasks/pages/TaskPage';
import { TasksPage } from '../features/tasks/pages/TasksPage';
import { ReportOverviewPage } from '../features/reports/pages/ReportOverviewPage';
import { ReportPage } from '../features/reports/pages/ReportPage';
import { ReportsPage } from '../features/reports/pages/ReportsPage';
import { OnlinePostsPage } from '../features/tips/pages/OnlinePostsPage';
import { PublicStatusPage } from '../features/tips/pages/PublicStatusPage';
import { PublicTipPage } from '../features/tips/pages/PublicTipPage';
import { TipCreatePage } from '../features/tips/pages/TipCreatePage';
import { TipPage } from '../features/tips/pages/TipPage';
import { TipsPage } from '../features/tips/pages/TipsPage';
import { CoursePage } from '../features/training/pages/CoursePage';
import { CoursesPage } from '../features/training/pages/CoursesPage';
import { RosterPage } from '../features/training/pages/RosterPage';
import { UNIT_EDITOR_ROLES } from '../features/units/permissions';
import { UnitDetailPage } from '../features/units/pages/UnitDetailPage';
import { UnitEditPage } from '../features/units/pages/UnitEditPage';
import { UnitImportPage } from '../features/units/pages/UnitImportPage';
import { UnitLineagePage } from '../features/units/pages/UnitLineagePage';
import { UnitMergePage } from '../features/units/pages/UnitMergePage';
import { UnitSplitPage } from '../features/units/pages/UnitSplitPage';
import { UnitsPage } from '../features/units/pages/UnitsPage';
import { UserCreatePage } from '../features/users/pages/UserCreatePage';
import { UserEditPage } from '../features/users/pages/UserEditPage';
import { UsersPage } from '../features/users/pages/UsersPage';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth, RequireModule, RequireRole } from './guards';
import { RouteError } from './RouteError';

/** Every screen of the web app; module routes sit behind the same role rules as the server's. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  // The citizens' pages: no account, outside the staff shell.
  { path: '/to-giac', element: <PublicTipPage />, errorElement: <RouteError /> },
  { path: '/to-giac/tra-cuu', element: <PublicStatusPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        {/* Sends quick entries kept in the browser whatever page is open (outreach's offline outbox). */}
        <OutboxSync />
        <AppShell />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'account', element: <AccountPage /> },
      {
        path: 'units',
        element: <RequireModule module="units" />,
        children: [
          { index: true, element: <UnitsPage /> },
          { path: ':id', element: <UnitDetailPage /> },
          { path: ':id/lineage', element: <UnitLineagePage /> },
          {
            element: <RequireRole roles={UNIT_EDITOR_ROLES} />,
            children: [
              { path: 'merge', element: <UnitMergePage /> },
              { path: 'import', element: <UnitImportPage /> },
              { path: ':id/edit', element: <UnitEditPage /> },
              { path: ':id/split', element: <UnitSplitPage /> },
            ],
          },
        ],
      },
      {
        path: 'plans',
        element: <RequireModule module="plans" />,
        children: [
          { index: true, element: <PlansPage /> },
          { element: <RequireRole roles={PLAN_EDITORS} />, children: [{ path: 'new', element: <PlanCreatePage /> }] },
          { path: ':id', element: <PlanPage /> },
          { path: ':id/board', element: <BoardPage /> },
        ],
      },
      {
        path: 'tasks',
        element: <RequireModule module="tasks" />,
        children: [
          { index: true, element: <TasksPage /> },
          { path: ':id', element: <TaskPage /> },
        ],
      },
      {
        path: 'data-entry',
        element: <RequireModule module="data_entry" />,
        children: [
          { index: true, element: <ManualValuesPage /> },
          { path: 'denominators', element: <DenominatorsPage /> },
        ],
      },
      {
        path: 'establishments',
        element: <RequireModule module="establishments" />,
        children: [
          { index: true, element: <EstablishmentsPage /> },
          { path: 'priority', element: <PriorityPage /> },
          { path: 'map', element: <MapPage /> },
          { path: 'plans', element: <InspectionPlansPage /> },
          { path: 'plans/:id', element: <InspectionPlanPage /> },
          { path: ':id', element: <EstablishmentPage /> },
          {
            element: <RequireRole roles={ESTABLISHMENT_EDITORS} />,
            children: [
              { path: 'new', element: <EstablishmentCreatePage /> },
              { path: 'import', element: <EstablishmentImportPage /> },
              { path: 'plans/new', element: <InspectionPlanCreatePage /> },
              { path: ':id/edit', element: <EstablishmentEditPage /> },
              { path: ':id/inspections/new', element: <InspectionCreatePage /> },
            ],
          },
        ],
      },
      {
        path: 'tips',
        element: <RequireModule module="tips" />,
        children: [
          { index: true, element: <TipsPage /> },
          { path: 'online-posts', element: <OnlinePostsPage /> },
          { path: ':id', element: <TipPage /> },
          { element: <RequireRole roles={TIP_HANDLERS} />, children: [{ path: 'new', element: <TipCreatePage /> }] },
        ],
      },
      {
        path: 'outreach',
        element: <RequireModule module="outreach" />,
        children: [
          { index: true, element: <ActivitiesPage /> },
          { path: 'coverage', element: <CoveragePage /> },
          { path: 'series', element: <SeriesPage /> },
          { path: 'peer-groups', element: <PeerGroupsPage /> },
          { element: <RequireRole roles={OUTREACH_EDITORS} />, children: [{ path: 'new', element: <QuickEntryPage /> }] },
        ],
      },
      {
        path: 'training',
        element: <RequireModule module="training" />,
        children: [
          { index: true, element: <RosterPage /> },
          { path: 'courses', element: <CoursesPage /> },
          { path: 'courses/:id', element: <CoursePage /> },
        ],
      },
      {
        path: 'reports',
        element: <RequireModule module="reports" />,
        children: [
          { index: true, element: <ReportsPage /> },
          { path: 'overview', element: <ReportOverviewPage /> },
          { path: ':id', element: <ReportPage /> },
        ],
      },
      {
        path: 'users',
        element: <RequireModule module="users" />,
        children: [
          { index: true, element: <UsersPage /> },
          { path: 'new', element: <UserCreatePage /> },
          { path: ':id', element: <UserEditPage /> },
        ],
      },
      {
        path: 'audit',
        element: <RequireModule module="audit" />,
        children: [{ index: true, element: <AuditPage /> }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
