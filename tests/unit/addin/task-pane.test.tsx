// @vitest-environment jsdom
// The task pane on a fake host and API: the open message, reporting, recent reports (including
// before the route exists), and the admin panel only for callers who may retract.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../addin/src/api/problem.js';
import { strings } from '../../../addin/src/strings.js';
import { TaskPane } from '../../../addin/src/taskpane/TaskPane.js';
import {
  CAMPAIGN,
  GUID,
  campaignItem,
  fakeApi,
  fakeHost,
  installDomShims,
  me,
  renderWithServices,
  retraction,
} from './fixtures.js';

installDomShims();
afterEach(cleanup);

describe('task pane', () => {
  it('shows the open message and no retract controls for a reporter', async () => {
    renderWithServices(<TaskPane />);
    expect(await screen.findByText(campaignItem.subject)).toBeTruthy();
    expect(screen.getByText(/it-support@c0ntoso\.com/)).toBeTruthy();
    await screen.findByText('Someone');
    expect(screen.queryByRole('heading', { name: strings.admin.heading })).toBeNull();
    expect(screen.queryByRole('button', { name: strings.admin.retract })).toBeNull();
  });

  it('reports the message with the chosen category and comment, then says so and takes focus', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    renderWithServices(<TaskPane />, { api });
    await user.click(await screen.findByRole('radio', { name: /^Junk/ }));
    await user.type(screen.getByRole('textbox', { name: strings.report.commentLabel }), 'weekly spam');
    await user.click(screen.getByRole('button', { name: strings.report.submit }));
    expect(api.createReport).toHaveBeenCalledWith({
      itemId: campaignItem.itemId,
      category: 'junk',
      comment: 'weekly spam',
    });
    const done = await screen.findByText(strings.report.done('junk'));
    expect(done.closest('[tabindex="-1"]')).toBe(document.activeElement);
  });

  it('keeps the form and shows the problem when the report fails', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      createReport: vi.fn(async () => {
        throw new ApiError(429, 'rate_limited', 'Too many requests');
      }),
    });
    renderWithServices(<TaskPane />, { api });
    await user.click(await screen.findByRole('button', { name: strings.report.submit }));
    expect((await screen.findByRole('alert')).textContent).toContain(strings.errors.rateLimited);
    expect(screen.getByRole('button', { name: strings.report.submit })).toBeTruthy();
  });

  it('says the report history is not available yet while the route is missing', async () => {
    renderWithServices(<TaskPane />);
    expect(await screen.findByText(strings.recent.unavailable)).toBeTruthy();
  });

  it('lists recent reports, and says when there are none', async () => {
    const api = fakeApi({
      listMyReports: vi.fn(async () => ({
        items: [
          {
            id: GUID,
            reportedAt: '2026-11-19T10:00:00Z',
            category: 'phishing' as const,
            status: 'resolved' as const,
            disposition: 'MALICIOUS' as const,
            verdictAt: '2026-11-19T11:00:00Z',
            subject: 'Win a prize',
            sender: 'prizes@example.net',
            reporter: { oid: 'o1', upn: 'someone@contoso.com' },
            campaignId: CAMPAIGN,
          },
        ],
        nextCursor: null,
      })),
    });
    renderWithServices(<TaskPane />, { api });
    const section = (await screen.findByRole('heading', { name: strings.recent.heading })).closest(
      'section',
    )!;
    expect(await within(section).findByText('Win a prize')).toBeTruthy();
    expect(within(section).getByText(strings.recent.verdict('MALICIOUS'))).toBeTruthy();
    cleanup();
    renderWithServices(<TaskPane />, {
      api: fakeApi({ listMyReports: vi.fn(async () => ({ items: [], nextCursor: null })) }),
    });
    expect(await screen.findByText(strings.recent.empty)).toBeTruthy();
  });

  it('offers a retry when the caller cannot be identified', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const api = fakeApi({
      me: vi.fn(async () => {
        if (++calls === 1) throw new ApiError(0, 'network_error', 'Network error');
        return me(['report']);
      }),
    });
    renderWithServices(<TaskPane />, { api });
    await user.click(await screen.findByRole('button', { name: strings.common.retry }));
    expect(await screen.findByText('Someone')).toBeTruthy();
  });

  it('asks for a message when none is selected', async () => {
    renderWithServices(<TaskPane />, { host: fakeHost(null) });
    expect(await screen.findByText(strings.message.noItem)).toBeTruthy();
  });
});

/**
 * Under jsdom, Tabster's modalizer sometimes leaves a just-opened Fluent dialog aria-hidden (it
 * waits for focus events jsdom does not send in order), so dialog queries include hidden nodes.
 * The browser test sees the real dialog.
 */
const findDialog = () => screen.findByRole('alertdialog', { hidden: true });

describe('admin panel', () => {
  const admin = () =>
    fakeApi({
      me: vi.fn(async () =>
        me(['report', 'readReports', 'retract', 'approve'], ['privilegedRoleAdministrator']),
      ),
    });

  it('explains each action, and warns before a hard delete that nothing can undo it', async () => {
    const user = userEvent.setup();
    renderWithServices(<TaskPane />, { api: admin() });
    await screen.findByRole('heading', { name: strings.admin.heading });
    await screen.findByRole('radio', { name: /Move to Junk Email/ });
    for (const action of [
      'moveToJunk',
      'moveToDeletedItems',
      'softDelete',
      'hardDelete',
      'moveToInbox',
    ] as const)
      expect(
        screen.getByRole('radio', { name: new RegExp(strings.actionNames[action].replace(/[()]/g, '\\$&')) }),
      ).toBeTruthy();
    expect(screen.getByText(strings.actionRecovery.hardDelete)).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: /Hard delete/ }));
    await user.click(screen.getByRole('button', { name: strings.admin.retract }));
    const dialog = await findDialog();
    expect(within(dialog).getByText(strings.admin.noUndoWarning)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: strings.common.cancel, hidden: true }));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull());
  });

  it('starts the retraction on confirm and follows its progress', async () => {
    const user = userEvent.setup();
    const api = admin();
    const plan = {
      mailboxes: 3,
      withCopies: 3,
      copies: 3,
      read: 1,
      unread: 2,
      byFolder: { inbox: 3 },
      skipped: 0,
      notes: [],
    };
    api.createRetraction = vi.fn(async (body: { dryRun?: boolean }) =>
      body.dryRun
        ? retraction('completed', 3, 3, { id: 'plan', dryRun: true, plan })
        : retraction('running', 0, 3),
    );
    api.retractionEvents = vi.fn(async function* (id: string) {
      yield id === 'plan'
        ? retraction('completed', 3, 3, { id: 'plan', dryRun: true, plan })
        : retraction('completed', 3, 3);
    });
    api.listRetractionsOf = vi.fn(async () => ({ items: [], nextCursor: null }));
    renderWithServices(<TaskPane />, { api });
    await user.type(await screen.findByRole('textbox', { name: strings.admin.reasonLabel }), 'campaign 42');
    await screen.findByText(strings.blastRadius.mailboxesValue(3, 3));
    await user.click(screen.getByRole('button', { name: strings.admin.retract }));
    const dialog = await findDialog();
    expect(within(dialog).getByText(strings.admin.confirmReach(3, 3))).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: strings.admin.confirm, hidden: true }));
    // The pane names the admin's own item: the API reads its recipients from the admin's mailbox.
    expect(api.createRetraction).toHaveBeenLastCalledWith({
      itemId: campaignItem.itemId,
      action: 'moveToJunk',
      reason: 'campaign 42',
    });
    expect(await screen.findByText(strings.progress.counts(3, 3))).toBeTruthy();
    expect(screen.getByText(strings.statusNames.completed)).toBeTruthy();
  });

  it('says retraction is not available yet while the route is missing', async () => {
    const user = userEvent.setup();
    renderWithServices(<TaskPane />, { api: admin() });
    // The blast radius says so first, and so does the attempt to retract.
    const radius = await screen.findByTestId('blast-radius');
    expect(await within(radius).findByText(strings.admin.unavailable)).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: strings.admin.retract }));
    await user.click(
      within(await findDialog()).getByRole('button', { name: strings.admin.confirm, hidden: true }),
    );
    await waitFor(() => expect(screen.getAllByText(strings.admin.unavailable)).toHaveLength(2));
  });
});
