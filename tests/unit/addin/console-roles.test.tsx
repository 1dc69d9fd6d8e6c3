// @vitest-environment jsdom
// Role-awareness: what a caller cannot do is not offered. A Security Reader sees campaigns,
// retractions, policies and the directory without a single action button; a Security Operator
// can decide verdicts but not retract; a retraction's requester cannot approve it, a second
// administrator can; a user without an admin role gets an explanation instead of sections.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Retraction } from '@clawback/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleShell } from '../../../addin/src/admin/ConsoleShell.js';
import { CampaignDetail } from '../../../addin/src/console/pages/reports/CampaignDetail.js';
import { CampaignList } from '../../../addin/src/console/pages/reports/CampaignList.js';
import { DirectoryPage } from '../../../addin/src/console/pages/directory/DirectoryPage.js';
import { PoliciesPage } from '../../../addin/src/console/pages/policies/PoliciesPage.js';
import { RetractionDetail } from '../../../addin/src/console/pages/retractions/RetractionDetail.js';
import { strings } from '../../../addin/src/strings.js';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import {
  admin,
  admin2,
  adminRetraction,
  caller,
  fakeConsoleApi,
  ga,
  reader,
  renderConsole,
  secops,
} from './console-fixtures.js';
import { CAMPAIGN, installDomShims } from './fixtures.js';

installDomShims();
afterEach(cleanup);

const c = strings.console;

/** Every action any console page offers; a reader must see none of them. */
const ACTION_NAMES = [
  c.reports.setVerdict,
  c.reports.planRetraction,
  c.reports.addNote,
  c.common.save,
  c.retractions.approve,
  c.retractions.cancel,
  c.retractions.undo,
  c.retractions.rescan,
  c.policies.save,
  c.userReported.save,
  c.policies.approveChange,
  c.directory.authorize,
  c.directory.publishDomain,
  c.directory.publish,
  c.directory.syncNow,
];

function expectNoActions() {
  for (const name of ACTION_NAMES) expect(screen.queryByRole('button', { name }), name).toBeNull();
}

const campaign = {
  id: CAMPAIGN,
  subject: 'Action required: your password expires today',
  sender: 'it-support@c0ntoso.com',
  firstSeen: '2026-11-20T08:00:00Z',
  lastSeen: '2026-11-20T09:00:00Z',
  reportCount: 2,
  reporterCount: 2,
  estimatedRecipients: 20,
  status: 'new' as const,
  assignee: null,
  disposition: null,
  verdictAt: null,
  internetMessageIds: ['<8f2a@mail.c0ntoso.com>'],
  verdictBy: null,
  verdictSource: null,
  reporters: [
    {
      reportId: '6f1c7c52-3e5b-4f0e-9d1a-2b8f0c4e7a11',
      oid: 'alice',
      upn: 'alice@contoso.com',
      category: 'phishing' as const,
      reportedAt: '2026-11-20T08:30:00Z',
    },
  ],
  enrichment: null,
  notes: [],
};

/** Events that give one view and then stay open, as the server does until a retraction ends. */
function openStream(view: Retraction) {
  return async function* (_id: string, signal?: AbortSignal) {
    yield view;
    await new Promise((resolve) => signal?.addEventListener('abort', resolve));
  };
}

function renderRetraction(me: ReturnType<typeof admin>, view: Retraction) {
  const api = fakeConsoleApi({
    retractionEvents: openStream(view),
    getRetraction: async () => view,
    retractions: { mailboxes: async () => ({ items: [], nextCursor: null }) },
  });
  return renderConsole(<RetractionDetail id={view.id} />, { me, api });
}

describe('a Security Reader', () => {
  it('reads a campaign without verdict, triage, note or retract controls', async () => {
    const api = fakeConsoleApi({ campaigns: { get: async () => campaign } });
    renderConsole(<CampaignDetail id={CAMPAIGN} />, { me: reader(), api });
    await screen.findByRole('heading', { name: campaign.subject });
    expect(screen.getByRole('heading', { name: c.reports.notesHeading })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: c.reports.verdictHeading })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expectNoActions();
  });

  it('gets no selection checkboxes or bulk verdict in the campaign list', async () => {
    const api = fakeConsoleApi({
      campaigns: { list: async () => ({ items: [campaign], nextCursor: null }) },
    });
    renderConsole(<CampaignList />, { me: reader(), api });
    await screen.findByRole('table', { name: c.reports.campaignsTable });
    expect(screen.queryByRole('checkbox')).toBeNull();
    expectNoActions();
  });

  it('follows a retraction waiting for approval without approve, cancel or undo', async () => {
    renderRetraction(reader(), adminRetraction('awaitingApproval', { action: 'hardDelete' }));
    await screen.findByText(c.retractions.awaitingTitle);
    expect(screen.getByRole('button', { name: c.retractions.downloadCsv })).toBeTruthy();
    expect(screen.getByText(c.retractions.needsApprover, { exact: false })).toBeTruthy();
    expectNoActions();
  });

  it('sees the policies read-only', async () => {
    renderConsole(<PoliciesPage />, { me: reader() });
    const malicious = await screen.findByRole('combobox', { name: c.policies.whenVerdict('Malicious') });
    expect((malicious as HTMLSelectElement).disabled).toBe(true);
    await screen.findByRole('form', { name: c.userReported.heading });
    expectNoActions();
  });

  it('sees onboarding and sync state without authorize, publish or sync buttons', async () => {
    const api = fakeConsoleApi({
      directory: {
        status: async () => ({
          state: 'neverSynced' as const,
          lastSyncedAt: null,
          schedule: null,
          organization: null,
          phases: [],
          domains: [],
        }),
        authorizations: async () => ({
          checkedAt: '2026-11-20T09:00:00Z',
          items: (['retraction', 'directory', 'collection'] as const).map((fn) => ({
            function: fn,
            clientId: 'x',
            state: 'notAuthorized' as const,
            granted: [],
            required: ['Mail.ReadWrite'],
            missing: [],
            consentedAt: null,
            consentedBy: null,
            lastError: null,
            lastErrorAt: null,
          })),
        }),
      },
    });
    renderConsole(<DirectoryPage />, { me: reader(), api });
    await screen.findByRole('heading', { name: c.directory.onboardingHeading });
    expect(screen.getAllByText(c.directory.needsRole.publishDomains!).length).toBeGreaterThan(0);
    expectNoActions();
  });
});

describe('callers who may act', () => {
  it('offers a Security Operator the verdict but not a retraction', async () => {
    const api = fakeConsoleApi({ campaigns: { get: async () => campaign } });
    renderConsole(<CampaignDetail id={CAMPAIGN} />, { me: secops(), api });
    expect(await screen.findByRole('button', { name: c.reports.setVerdict })).toBeTruthy();
    expect(screen.queryByRole('button', { name: c.reports.planRetraction })).toBeNull();
  });

  it('offers an administrator the retraction plan and the policy editor', async () => {
    const api = fakeConsoleApi({ campaigns: { get: async () => campaign } });
    renderConsole(<CampaignDetail id={CAMPAIGN} />, { me: admin(), api });
    expect(await screen.findByRole('button', { name: c.reports.planRetraction })).toBeTruthy();
    cleanup();
    renderConsole(<PoliciesPage />, { me: admin() });
    expect(await screen.findByRole('button', { name: c.policies.save })).toBeTruthy();
  });

  it('never offers the requester the approval of their own retraction; a second admin gets it', async () => {
    const waiting = adminRetraction('awaitingApproval', { action: 'hardDelete' });
    renderRetraction(admin(), waiting);
    await screen.findByText(c.retractions.ownRequest, { exact: false });
    expect(screen.queryByRole('button', { name: c.retractions.approve })).toBeNull();
    expect(screen.getByRole('button', { name: c.retractions.cancel })).toBeTruthy();
    cleanup();
    const { api } = renderRetraction(admin2(), waiting);
    const approve = await screen.findByRole('button', { name: c.retractions.approve });
    vi.mocked(api.retractions.approve).mockResolvedValue(
      adminRetraction('running', { action: 'hardDelete' }),
    );
    fireEvent.click(approve);
    await waitFor(() => expect(api.retractions.approve).toHaveBeenCalledWith(waiting.id));
  });

  it('offers undo after a move but never after a hard delete', async () => {
    renderRetraction(ga(), adminRetraction('completed', { undoable: true }, 20));
    expect(await screen.findByRole('button', { name: c.retractions.undo })).toBeTruthy();
    cleanup();
    renderRetraction(ga(), adminRetraction('completed', { action: 'hardDelete', undoable: false }, 20));
    await screen.findByText(c.retractions.noUndoHardDelete);
    expect(screen.queryByRole('button', { name: c.retractions.undo })).toBeNull();
  });
});

describe('the console shell', () => {
  it('gives a user without an admin role an explanation and no sections', async () => {
    const api = fakeConsoleApi({ me: async () => caller('alice@contoso.com', []) });
    render(
      <FluentProvider theme={webLightTheme}>
        <ConsoleShell api={api} />
      </FluentProvider>,
    );
    expect(await screen.findByText(c.noAccess)).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: c.navLabel });
    expect(within(nav).queryAllByRole('tab')).toHaveLength(0);
  });
});
