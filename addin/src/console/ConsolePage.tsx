// The page of the current route. Each section is its own module; pages read the route and the
// caller from the console context.
import type { JSX } from 'react';
import { AuditPage } from './pages/audit/AuditPage.js';
import { CollectionsPage } from './pages/collections/CollectionsPage.js';
import { DirectoryPage } from './pages/directory/DirectoryPage.js';
import { HealthPage } from './pages/health/HealthPage.js';
import { OverviewPage } from './pages/overview/OverviewPage.js';
import { PoliciesPage } from './pages/policies/PoliciesPage.js';
import { ReportsPage } from './pages/reports/ReportsPage.js';
import { RetractionsPage } from './pages/retractions/RetractionsPage.js';
import { SearchPage } from './pages/search/SearchPage.js';
import type { ConsoleSection, Route } from './routes.js';

const PAGES: Record<ConsoleSection, () => JSX.Element> = {
  overview: OverviewPage,
  reports: ReportsPage,
  search: SearchPage,
  retractions: RetractionsPage,
  policies: PoliciesPage,
  directory: DirectoryPage,
  collections: CollectionsPage,
  audit: AuditPage,
  health: HealthPage,
};

export function ConsolePage({ route }: { route: Route }) {
  const Page = PAGES[route.section];
  return <Page />;
}
