// Fakes for the admin console's component tests: a console API whose every call fails until a test
// gives it an answer, callers with the demo tenant's roles, and a render with the console context.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import {
  capabilitiesFor,
  DEFAULT_AUTO_RETRACTION_POLICY,
  DEFAULT_USER_REPORTED_SETTINGS,
  type MeResponse,
  type Retraction,
  type RoleName,
} from '@clawback/shared';
import { vi } from 'vitest';
import type { ConsoleApi } from '../../../addin/src/api/console-api.js';
import { ApiError } from '../../../addin/src/api/problem.js';
import { ConsoleProvider, type ConsoleServices } from '../../../addin/src/console/context.js';
import { route as routeTo, type Route } from '../../../addin/src/console/routes.js';
import { retraction } from './fixtures.js';

export const ADMIN_OID = '00000000-0000-0000-0000-00000000ad01';

/** A demo-tenant caller: capabilities follow from the roles exactly as the API computes them. */
export function caller(upn: string, roles: RoleName[], oid = `oid-${upn}`): MeResponse {
  return {
    kind: 'user',
    oid,
    tenantId: '00000000-0000-0000-0000-0000000000aa',
    upn,
    displayName: upn.split('@')[0]!,
    isGuest: false,
    roles,
    capabilities: capabilitiesFor(roles, { isGuest: false }),
  };
}

export const reader = () => caller('reader@contoso.com', ['securityReader']);
export const secops = () => caller('secops@contoso.com', ['securityOperator']);
export const admin = () => caller('admin@contoso.com', ['privilegedRoleAdministrator'], ADMIN_OID);
export const admin2 = () => caller('admin2@contoso.com', ['privilegedRoleAdministrator']);
export const ga = () => caller('ga@contoso.com', ['globalAdministrator']);

const refused = () => Promise.reject(new ApiError(404, 'not_found', 'Not found', 'no fake answer'));

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : DeepPartial<T[K]>;
};

/** Every method rejects unless the test (or a default below) answers it. */
export function fakeConsoleApi(overrides: DeepPartial<ConsoleApi> = {}): ConsoleApi {
  const group = <K extends keyof ConsoleApi>(name: K, methods: string[]) =>
    Object.fromEntries(
      methods.map((m) => [
        m,
        vi.fn(((overrides[name] ?? {}) as Record<string, (...args: never[]) => unknown>)[m] ?? refused),
      ]),
    );
  return {
    me: vi.fn(overrides.me ?? refused),
    createReport: vi.fn(overrides.createReport ?? refused),
    listMyReports: vi.fn(overrides.listMyReports ?? refused),
    createRetraction: vi.fn(overrides.createRetraction ?? refused),
    getRetraction: vi.fn(overrides.getRetraction ?? refused),
    retractionEvents: vi.fn(
      overrides.retractionEvents ??
        async function* () {
          yield* [];
        },
    ),
    searchMessages: vi.fn(overrides.searchMessages ?? (async () => ({ items: [], nextCursor: null }))),
    reports: group('reports', ['list', 'get', 'verdict', 'patch', 'addNote', 'evidence']),
    campaigns: group('campaigns', ['list', 'get', 'verdict', 'patch', 'addNote']),
    retractions: group('retractions', [
      'list',
      'mailboxes',
      'csv',
      'evidence',
      'approve',
      'cancel',
      'undo',
      'rescan',
    ]),
    policies: {
      ...group('policies', ['put', 'approve']),
      get: vi.fn(
        overrides.policies?.get ??
          (async () => ({
            policy: DEFAULT_AUTO_RETRACTION_POLICY,
            updatedBy: null,
            updatedAt: null,
            pending: null,
          })),
      ),
    },
    userReportedSettings: {
      ...group('userReportedSettings', ['put']),
      get: vi.fn(
        overrides.userReportedSettings?.get ??
          (async () => ({ settings: DEFAULT_USER_REPORTED_SETTINGS, updatedAt: null, updatedBy: null })),
      ),
    },
    directory: group('directory', [
      'status',
      'sync',
      'authorizations',
      'startAuthorization',
      'domains',
      'publish',
      'unpublish',
    ]),
    collections: group('collections', ['list', 'get', 'create', 'update', 'run', 'batches', 'export']),
    audit: group('audit', ['list', 'verify']),
    health: group('health', ['get', 'permissions']),
  } as unknown as ConsoleApi;
}

export interface RenderedConsole {
  api: ConsoleApi;
  navigate: ReturnType<typeof vi.fn>;
  openExternal: ReturnType<typeof vi.fn>;
}

export function renderConsole(
  ui: ReactElement,
  options: { me: MeResponse; api?: ConsoleApi; route?: Route },
): RenderedConsole & ReturnType<typeof render> {
  const api = options.api ?? fakeConsoleApi();
  const navigate = vi.fn();
  const openExternal = vi.fn();
  const value: ConsoleServices = {
    api,
    me: options.me,
    route: options.route ?? routeTo('overview'),
    navigate,
    openExternal,
  };
  return {
    api,
    navigate,
    openExternal,
    ...render(
      <FluentProvider theme={webLightTheme}>
        <ConsoleProvider value={value}>{ui}</ConsoleProvider>
      </FluentProvider>,
    ),
  };
}

/** A retraction requested by admin@ (by default), as the list and detail endpoints give it. */
export function adminRetraction(
  status: Retraction['status'],
  extra: Partial<Retraction> = {},
  done = 0,
  total = 20,
): Retraction {
  return retraction(status, done, total, {
    id: '7d4f8a61-0c2e-4b9a-9e1f-3a5b6c7d8e90',
    source: 'manual',
    requestedBy: { id: ADMIN_OID, name: 'admin@contoso.com', kind: 'user' },
    ...extra,
  });
}
