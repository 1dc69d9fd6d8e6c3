// @vitest-environment jsdom
// Search → plan → retract: the dry run's blast radius (mailboxes, read state, folders), each action
// in plain words, the hard delete's "no undo" and its second-admin rule, the confirmation, and the
// retraction that starts.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { DEFAULT_AUTO_RETRACTION_POLICY } from '@clawback/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlanPanel } from '../../../addin/src/console/pages/search/PlanPanel.js';
import { groupCopies } from '../../../addin/src/console/pages/search/message-groups.js';
import { route } from '../../../addin/src/console/routes.js';
import { strings } from '../../../addin/src/strings.js';
import { admin, adminRetraction, fakeConsoleApi, renderConsole } from './console-fixtures.js';
import { installDomShims } from './fixtures.js';

installDomShims();
afterEach(cleanup);

const MESSAGE = '<invoice-42@fake-vendor.example>';
const t = strings.console.search;
const plan = {
  mailboxes: 20,
  withCopies: 3,
  copies: 4,
  read: 1,
  unread: 3,
  byFolder: { inbox: 3, junkemail: 1 },
  skipped: 0,
  notes: ['all-staff@contoso.com expanded to 20 mailboxes'],
};

function planningApi() {
  const dryRun = adminRetraction('planning', { id: 'plan-1', dryRun: true, internetMessageId: MESSAGE });
  const planned = { ...dryRun, status: 'completed' as const, plan };
  return fakeConsoleApi({
    createRetraction: vi.fn(async (body: { dryRun?: boolean }) =>
      body.dryRun ? dryRun : adminRetraction('planning', { id: 'real-1' }),
    ),
    retractionEvents: async function* () {
      yield dryRun;
      yield planned;
    },
  });
}

describe('planning a retraction', () => {
  it('shows the blast radius of the dry run', async () => {
    const api = planningApi();
    renderConsole(<PlanPanel internetMessageId={MESSAGE} subject="Invoice 42" />, { me: admin(), api });
    await screen.findByRole('table', { name: t.byFolder });
    expect(api.createRetraction).toHaveBeenCalledWith(
      expect.objectContaining({ internetMessageId: MESSAGE, dryRun: true }),
    );
    expect(screen.getByText(t.readUnread(1, 3))).toBeTruthy();
    const folders = within(screen.getByRole('table', { name: t.byFolder }));
    expect(folders.getByText('Inbox')).toBeTruthy();
    expect(folders.getByText('Junk Email')).toBeTruthy();
    expect(screen.getByText(plan.notes[0]!)).toBeTruthy();
  });

  it('warns that a hard delete has no undo and needs a second admin, confirms, then starts it', async () => {
    const user = userEvent.setup();
    const api = planningApi();
    const { navigate } = renderConsole(<PlanPanel internetMessageId={MESSAGE} subject="Invoice 42" />, {
      me: admin(),
      api,
    });
    await user.click(await screen.findByRole('radio', { name: new RegExp(strings.actionNames.hardDelete) }));
    expect(screen.getByText(strings.actionRecovery.hardDelete)).toBeTruthy();
    expect(DEFAULT_AUTO_RETRACTION_POLICY.requireApproval).toContain('hardDelete');
    expect(await screen.findByText(t.approvalForAction)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: strings.admin.retract }));
    // Fluent's modal hides itself from jsdom's accessibility tree; browsers (the browser tests) see it.
    const dialog = await screen.findByRole('alertdialog', { hidden: true });
    expect(within(dialog).getByText(strings.admin.noUndoWarning)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: strings.admin.confirm, hidden: true }));
    expect(api.createRetraction).toHaveBeenLastCalledWith({
      internetMessageId: MESSAGE,
      action: 'hardDelete',
    });
    expect(navigate).toHaveBeenCalledWith(route('retractions', ['real-1']));
  });
  it('looks in every published mailbox when asked, and retracts where it looked', async () => {
    const user = userEvent.setup();
    const api = planningApi();
    renderConsole(<PlanPanel internetMessageId={MESSAGE} subject="Invoice 42" />, { me: admin(), api });
    await screen.findByRole('table', { name: t.byFolder });
    expect(api.createRetraction).toHaveBeenLastCalledWith(
      expect.not.objectContaining({ scope: expect.anything() }),
    );
    await user.click(screen.getByRole('switch', { name: t.everyMailbox }));
    await waitFor(() =>
      expect(api.createRetraction).toHaveBeenLastCalledWith(
        expect.objectContaining({ dryRun: true, scope: { allPublished: true, includeSenderCopy: false } }),
      ),
    );
    await user.click(await screen.findByRole('button', { name: strings.admin.retract }));
    const dialog = await screen.findByRole('alertdialog', { hidden: true });
    await user.click(within(dialog).getByRole('button', { name: strings.admin.confirm, hidden: true }));
    expect(api.createRetraction).toHaveBeenLastCalledWith({
      internetMessageId: MESSAGE,
      action: 'moveToJunk',
      scope: { allPublished: true, includeSenderCopy: false },
    });
  });
});

describe('search results', () => {
  it('group copies into messages, counting mailboxes, reads and folders', () => {
    const copy = (mailbox: string, folder: string, isRead: boolean, receivedAt: string, id = MESSAGE) => ({
      mailbox,
      mailboxId: mailbox,
      messageId: `${mailbox}-${folder}`,
      internetMessageId: id,
      sender: 'billing@fake-vendor.example',
      recipients: [],
      subject: 'Invoice 42',
      receivedAt,
      folder,
      isRead,
      source: 'report',
      removedAt: null,
    });
    const groups = groupCopies([
      copy('alice', 'inbox', true, '2026-11-20T08:00:00Z'),
      copy('bob', 'inbox', false, '2026-11-20T08:01:00Z'),
      copy('bob', 'junkemail', false, '2026-11-20T08:01:00Z'),
      copy('carol', 'inbox', false, '2026-11-21T08:00:00Z', '<newer@x.example>'),
    ]);
    expect(groups.map((g) => g.internetMessageId)).toEqual(['<newer@x.example>', MESSAGE]);
    expect(groups[1]).toMatchObject({
      mailboxes: 2,
      copies: 3,
      read: 1,
      folders: { inbox: 2, junkemail: 1 },
    });
  });
});
