// Fakes for the add-in's component and command tests: a mail host, an API client whose methods
// each test replaces, and a render with the services and a Fluent theme around it.
import type { ReactElement } from 'react';
import { configure, render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { MeResponse, Retraction } from '@clawback/shared';
import { vi } from 'vitest';
import type { ApiClient } from '../../../addin/src/api/client.js';
import { ApiError } from '../../../addin/src/api/problem.js';
import type { MailHost, MailItem } from '../../../addin/src/host/mail-host.js';
import { ServicesProvider } from '../../../addin/src/ui/services.js';

// Other suites share this 2-core machine: give async queries room before they give up.
configure({ asyncUtilTimeout: 5_000 });

/** jsdom lacks ResizeObserver, which Fluent's MessageBar and Dialog use to lay out. */
export function installDomShims(): void {
  class ResizeObserverShim {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  for (const target of [globalThis, document.defaultView] as Record<string, unknown>[])
    if (target && !target.ResizeObserver) target.ResizeObserver = ResizeObserverShim;
}

export const campaignItem: MailItem = {
  itemId: 'AAMkAGI2-rest-id',
  internetMessageId: '<8f2a@mail.c0ntoso.com>',
  subject: 'Action required: your password expires today',
  from: { name: 'IT Support', address: 'it-support@c0ntoso.com' },
  receivedDateTime: '2026-11-20T08:00:00Z',
};

export function fakeHost(
  item: MailItem | null = campaignItem,
  overrides: Partial<MailHost> = {},
): MailHost & {
  notifications: { message: string; kind: string }[];
} {
  const notifications: { message: string; kind: string }[] = [];
  return {
    kind: 'harness',
    notifications,
    getItem: vi.fn(async () => item),
    getItemAsEml: vi.fn(async () => 'UmVjZWl2ZWQ6IGZyb20='),
    notify: vi.fn(async (message: string, kind = 'info') => void notifications.push({ message, kind })),
    onItemChanged: vi.fn(() => () => undefined),
    theme: () => null,
    ...overrides,
  };
}

export const me = (
  capabilities: MeResponse['capabilities'],
  roles: MeResponse['roles'] = [],
): MeResponse => ({
  kind: 'user',
  oid: '00000000-0000-0000-0000-000000000001',
  tenantId: '00000000-0000-0000-0000-0000000000aa',
  upn: 'someone@contoso.com',
  displayName: 'Someone',
  isGuest: false,
  roles,
  capabilities,
});

export const GUID = '6f1c7c52-3e5b-4f0e-9d1a-2b8f0c4e7a11';
export const CAMPAIGN = '0b7e3d2a-9c41-4f6e-8a55-1d2c3b4a5f66';

export const reportCreated = (reporterCopy: 'keep' | 'junk' | 'deletedItems' = 'junk') => ({
  id: GUID,
  status: 'new' as const,
  campaignId: CAMPAIGN,
  duplicate: false,
  reporterCopy,
});

/** A retraction as GET /retractions/{id} and its progress events give it. */
export function retraction(
  status: Retraction['status'],
  done: number,
  total = 100,
  extra: Partial<Retraction> = {},
): Retraction {
  return {
    id: 'x1',
    kind: 'retract',
    undoOf: null,
    status,
    action: 'moveToJunk',
    internetMessageId: campaignItem.internetMessageId,
    subject: campaignItem.subject,
    sender: campaignItem.from.address,
    campaignId: null,
    dryRun: false,
    reason: null,
    source: 'addin',
    requestedBy: { id: 'admin', name: 'Admin', kind: 'user' },
    approval: { required: false, reasons: [], approvedBy: null, approvedAt: null, expiresAt: null },
    plan: null,
    counts: { total, pending: total - done, done, alreadyInTarget: 0, notFound: 0, failed: 0, skipped: 0 },
    rate: null,
    etaSeconds: null,
    undoable: true,
    recoverability: 'Junk Email',
    armedUntil: null,
    createdAt: '2026-11-20T09:00:00Z',
    startedAt: '2026-11-20T09:00:01Z',
    completedAt: null,
    error: null,
    ...extra,
  };
}

export const routeMissing = () =>
  new ApiError(404, 'not_found', 'Not found', 'Route GET:/api/v1/reports not found');

export function fakeApi(overrides: Partial<ApiClient> = {}): ApiClient {
  const missing = async () => {
    throw routeMissing();
  };
  return {
    me: vi.fn(async () => me(['report'])),
    createReport: vi.fn(async () => reportCreated()),
    listMyReports: vi.fn(missing),
    createRetraction: vi.fn(missing),
    getRetraction: vi.fn(missing),
    retractionEvents: vi.fn(async function* () {
      yield* [];
    }),
    listRetractionsOf: vi.fn(missing),
    retractionMailboxes: vi.fn(missing),
    approveRetraction: vi.fn(missing),
    undoRetraction: vi.fn(missing),
    ...overrides,
  } as ApiClient;
}

export function renderWithServices(
  ui: ReactElement,
  services: { host?: MailHost; api?: ApiClient; consoleUrl?: string } = {},
) {
  const host = services.host ?? fakeHost();
  const api = services.api ?? fakeApi();
  const consoleUrl = services.consoleUrl ? { consoleUrl: services.consoleUrl } : {};
  return {
    host,
    api,
    ...render(
      <FluentProvider theme={webLightTheme}>
        <ServicesProvider value={{ host, api, ...consoleUrl }}>{ui}</ServicesProvider>
      </FluentProvider>,
    ),
  };
}
