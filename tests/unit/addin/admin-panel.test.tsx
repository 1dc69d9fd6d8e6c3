// @vitest-environment jsdom
// The task pane's admin part on a fake API: the blast radius before acting (loading, reach, empty,
// failed), a retraction waiting for a second administrator, failures grouped by reason, undo with
// its own progress, and the link to the retraction in the console.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeResponse, Retraction } from '@clawback/shared';
import type { ApiClient } from '../../../addin/src/api/client.js';
import { ApiError } from '../../../addin/src/api/problem.js';
import { TERMINAL_RETRACTION_STATUSES } from '../../../addin/src/api/schemas.js';
import { strings } from '../../../addin/src/strings.js';
import { AdminPanel } from '../../../addin/src/taskpane/admin/AdminPanel.js';
import { campaignItem, fakeApi, installDomShims, me, renderWithServices, retraction } from './fixtures.js';

installDomShims();
afterEach(cleanup);

const ADMIN = me(['report', 'readReports', 'retract', 'approve'], ['privilegedRoleAdministrator']);
const OTHER_ADMIN = { id: 'admin2-oid', name: 'admin2@contoso.com', kind: 'user' as const };
const PLAN = {
  mailboxes: 12,
  withCopies: 5,
  copies: 6,
  read: 2,
  unread: 4,
  byFolder: { inbox: 4, junkemail: 2 },
  skipped: 1,
  notes: ["the sender's own mailbox is left out (includeSenderCopy to include it)"],
};
const planned = (plan: Retraction['plan'] = PLAN) =>
  retraction('completed', 5, 5, { id: 'plan-1', dryRun: true, plan });

/** Under jsdom Fluent dialogs may stay aria-hidden (see task-pane.test.tsx). */
const findDialog = () => screen.findByRole('alertdialog', { hidden: true });

/**
 * Progress events by retraction id, as the client gives them: each id's states, ending after a
 * terminal one; otherwise the stream stays open until the pane lets go of it.
 */
function eventsById(states: Record<string, Retraction[]>): ApiClient['retractionEvents'] {
  return vi.fn(async function* (id: string, signal?: AbortSignal) {
    for (const state of states[id] ?? []) {
      yield state;
      if (TERMINAL_RETRACTION_STATUSES.has(state.status)) return;
    }
    await new Promise((resolve) => signal?.addEventListener('abort', resolve));
  }) as unknown as ApiClient['retractionEvents'];
}

function adminApi(overrides: Partial<ApiClient> = {}): ApiClient {
  return fakeApi({
    me: vi.fn(async () => ADMIN),
    createRetraction: vi.fn(async () => planned()),
    retractionEvents: eventsById({ 'plan-1': [planned()] }),
    listRetractionsOf: vi.fn(async () => ({ items: [], nextCursor: null })),
    ...overrides,
  });
}

function renderPanel(api: ApiClient, caller: MeResponse = ADMIN) {
  return renderWithServices(<AdminPanel item={campaignItem} me={caller} />, {
    api,
    consoleUrl: 'admin.html',
  });
}

describe('blast radius', () => {
  it('plans a dry run of the open item and shows mailboxes, copies, read state and folders', async () => {
    let release: (value: Retraction) => void = () => undefined;
    const api = adminApi({
      createRetraction: vi.fn(() => new Promise<Retraction>((resolve) => (release = resolve))),
    });
    renderPanel(api);
    const radius = await screen.findByTestId('blast-radius');
    expect(within(radius).getByText(strings.blastRadius.planning)).toBeTruthy();
    expect(radius.getAttribute('aria-busy')).toBe('true');
    release(planned());

    expect(await within(radius).findByText(strings.blastRadius.mailboxesValue(5, 12))).toBeTruthy();
    expect(api.createRetraction).toHaveBeenCalledWith({
      itemId: campaignItem.itemId,
      action: 'moveToJunk',
      dryRun: true,
    });
    expect(within(radius).getByText('6')).toBeTruthy();
    expect(within(radius).getByText(strings.blastRadius.readValue(2, 4))).toBeTruthy();
    const folders = within(radius).getByRole('list', { name: strings.blastRadius.byFolder });
    expect(
      within(folders)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Inbox4', 'Junk Email2']);
    expect(within(radius).getByRole('progressbar', { name: 'Share of copies in Inbox' })).toBeTruthy();
    expect(within(radius).getByText(PLAN.notes[0]!)).toBeTruthy();
    expect(radius.getAttribute('aria-busy')).toBe('false');
  });

  it('names the message by its internet message id when the item id went stale', async () => {
    const api = adminApi({
      createRetraction: vi.fn(async (body: { itemId?: string }) => {
        if (body.itemId) throw new ApiError(404, 'message_not_found', 'Message not found');
        return planned();
      }),
    });
    renderPanel(api);
    await screen.findByText(strings.blastRadius.mailboxesValue(5, 12));
    expect(api.createRetraction).toHaveBeenLastCalledWith({
      internetMessageId: campaignItem.internetMessageId,
      action: 'moveToJunk',
      dryRun: true,
    });
  });

  it('says when no copy is left anywhere it searched, with what the search suggests', async () => {
    const hint = 'no known copies or recipients: search every mailbox in the published domains';
    const empty = { ...PLAN, withCopies: 0, copies: 0, read: 0, unread: 0, byFolder: {}, notes: [hint] };
    const api = adminApi({
      createRetraction: vi.fn(async () => planned(empty)),
      retractionEvents: eventsById({ 'plan-1': [planned(empty)] }),
    });
    renderPanel(api);
    expect(await screen.findByText(strings.blastRadius.none(12))).toBeTruthy();
    expect(screen.getByText(hint)).toBeTruthy();
    expect(screen.queryByRole('list', { name: strings.blastRadius.byFolder })).toBeNull();
  });

  it('shows a failed search with its reason and searches again on request', async () => {
    const user = userEvent.setup();
    const failedPlan = retraction('failed', 0, 0, {
      id: 'plan-1',
      dryRun: true,
      error: 'directory not synced',
    });
    const api = adminApi({
      createRetraction: vi.fn(async () => failedPlan),
      retractionEvents: eventsById({ 'plan-1': [failedPlan] }),
    });
    renderPanel(api);
    const radius = await screen.findByTestId('blast-radius');
    expect((await within(radius).findByRole('alert')).textContent).toContain('directory not synced');
    api.createRetraction = vi.fn(async () => planned());
    api.retractionEvents = eventsById({ 'plan-1': [planned()] });
    await user.click(within(radius).getByRole('button', { name: strings.common.retry }));
    expect(await within(radius).findByText(strings.blastRadius.mailboxesValue(5, 12))).toBeTruthy();
  });
});

describe('a retraction waiting for approval', () => {
  const awaiting = retraction('awaitingApproval', 0, 5, {
    id: 'r-wait',
    action: 'hardDelete',
    undoable: false,
    requestedBy: OTHER_ADMIN,
    approval: {
      required: true,
      reasons: ['policy requires approval for hardDelete'],
      approvedBy: null,
      approvedAt: null,
      expiresAt: '2999-01-01T00:00:00Z',
    },
  });

  it('tells a second administrator who asked, why, until when, and lets them approve it', async () => {
    const user = userEvent.setup();
    const running = {
      ...awaiting,
      status: 'running' as const,
      approval: { ...awaiting.approval, approvedBy: 'Someone' },
    };
    const api = adminApi({
      listRetractionsOf: vi.fn(async () => ({ items: [awaiting, planned()], nextCursor: null })),
      retractionEvents: eventsById({ 'plan-1': [planned()], 'r-wait': [awaiting] }),
      approveRetraction: vi.fn(async () => running),
    });
    renderPanel(api);
    const approval = await screen.findByTestId('approval-state');
    expect(within(approval).getByText(strings.approval.title)).toBeTruthy();
    expect(within(approval).getByText(strings.approval.requestedBy('admin2@contoso.com'))).toBeTruthy();
    expect(within(approval).getByText('policy requires approval for hardDelete')).toBeTruthy();
    expect(
      within(approval).getByText(strings.approval.expires(new Date('2999-01-01T00:00:00Z').toLocaleString())),
    ).toBeTruthy();
    // No second retraction is offered while this one waits.
    expect(screen.queryByRole('button', { name: strings.admin.retract })).toBeNull();
    expect(screen.queryByText(strings.progress.etaUnknown)).toBeNull();

    await user.click(within(approval).getByRole('button', { name: strings.approval.approve }));
    expect(api.approveRetraction).toHaveBeenCalledWith('r-wait');
    await waitFor(() => expect(screen.queryByTestId('approval-state')).toBeNull());
    expect(screen.getByText(strings.approval.approvedBy('Someone'))).toBeTruthy();
  });

  it('does not offer the requester to approve their own retraction', async () => {
    const own = {
      ...awaiting,
      requestedBy: { id: ADMIN.oid, name: 'someone@contoso.com', kind: 'user' as const },
    };
    const api = adminApi({
      listRetractionsOf: vi.fn(async () => ({ items: [own], nextCursor: null })),
      retractionEvents: eventsById({ 'plan-1': [planned()], 'r-wait': [own] }),
    });
    renderPanel(api);
    const approval = await screen.findByTestId('approval-state');
    expect(within(approval).getByText(strings.approval.ownRequest)).toBeTruthy();
    expect(within(approval).queryByRole('button', { name: strings.approval.approve })).toBeNull();
    const link = screen.getByRole('link', { name: strings.admin.retractionConsoleLink });
    expect(link.getAttribute('href')).toBe('admin.html#/retractions/r-wait');
  });
});

describe('after a retraction ran', () => {
  const withErrors = retraction('completedWithErrors', 5, 9, {
    id: 'r-done',
    counts: { total: 9, pending: 0, done: 5, alreadyInTarget: 0, notFound: 0, failed: 3, skipped: 1 },
  });
  const row = (mailbox: string, state: 'failed' | 'skipped', reason: string) => ({
    mailbox,
    mailboxId: mailbox,
    state,
    reason,
    copies: [],
    updatedAt: '2026-11-20T09:01:00Z',
  });

  it('groups the mailboxes it failed on or skipped by reason', async () => {
    const api = adminApi({
      listRetractionsOf: vi.fn(async () => ({ items: [withErrors], nextCursor: null })),
      retractionEvents: eventsById({ 'plan-1': [planned()], 'r-done': [withErrors] }),
      retractionMailboxes: vi.fn(async (_id: string, filter: { state?: string } = {}) => ({
        items:
          filter.state === 'failed'
            ? [
                row('u1@contoso.com', 'failed', '429 TooManyRequests'),
                row('u2@contoso.com', 'failed', '503 ServiceUnavailable'),
                row('u3@contoso.com', 'failed', '429 TooManyRequests'),
              ]
            : [row('shared@contoso.com', 'skipped', 'outOfScope')],
        nextCursor: null,
      })),
    });
    renderPanel(api);
    const failures = await screen.findByTestId('failures-by-reason');
    const groups = await within(failures).findAllByRole('listitem');
    expect(groups.map((g) => g.textContent)).toEqual([
      `${strings.failures.failedLabel}${strings.failures.statusReasons[429]}${strings.failures.count(2)}429 TooManyRequestsu1@contoso.com, u3@contoso.com`,
      `${strings.failures.failedLabel}${strings.failures.statusReasons[503]}${strings.failures.count(1)}503 ServiceUnavailableu2@contoso.com`,
      `${strings.failures.skippedLabel}${strings.failures.reasons.outOfScope}${strings.failures.count(1)}shared@contoso.com`,
    ]);
    expect(api.retractionMailboxes).toHaveBeenCalledWith('r-done', { state: 'failed', limit: 500 });
    expect(api.retractionMailboxes).toHaveBeenCalledWith('r-done', { state: 'skipped', limit: 500 });
  });

  it('undoes a move on request and follows the undo to its end', async () => {
    const user = userEvent.setup();
    const done = retraction('completed', 5, 5, { id: 'r-done' });
    const undo = retraction('running', 0, 5, { id: 'u-1', kind: 'undo', undoOf: 'r-done', undoable: false });
    const api = adminApi({
      listRetractionsOf: vi.fn(async () => ({ items: [done], nextCursor: null })),
      retractionEvents: eventsById({
        'plan-1': [planned()],
        'r-done': [done],
        'u-1': [undo, { ...undo, status: 'completed', counts: { ...undo.counts, pending: 0, done: 5 } }],
      }),
      undoRetraction: vi.fn(async () => undo),
    });
    renderPanel(api);
    await user.click(await screen.findByRole('button', { name: strings.undo.button }));
    const dialog = await findDialog();
    expect(within(dialog).getByText(strings.undo.body('moveToJunk'))).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: strings.undo.confirm, hidden: true }));
    expect(api.undoRetraction).toHaveBeenCalledWith('r-done');
    const undoProgress = await screen.findByRole('group', { name: strings.undo.progressLabel });
    expect(await within(undoProgress).findByText(strings.statusNames.completed)).toBeTruthy();
    expect(within(undoProgress).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
    expect(screen.queryByRole('button', { name: strings.undo.button })).toBeNull();
  });

  it('says why an undo was refused, and a second try clears the message and starts it', async () => {
    const user = userEvent.setup({ delay: null });
    const done = retraction('completed', 5, 5, { id: 'r-done' });
    const undo = retraction('running', 0, 5, { id: 'u-1', kind: 'undo', undoOf: 'r-done', undoable: false });
    const refusal = 'the copies are still being moved';
    const api = adminApi({
      listRetractionsOf: vi.fn(async () => ({ items: [done], nextCursor: null })),
      retractionEvents: eventsById({ 'plan-1': [planned()], 'r-done': [done], 'u-1': [undo] }),
      undoRetraction: vi
        .fn()
        .mockRejectedValueOnce(new ApiError(409, 'conflict', 'Conflict', refusal))
        .mockResolvedValueOnce(undo),
    });
    renderPanel(api);
    const confirmUndo = async () => {
      await user.click(await screen.findByRole('button', { name: strings.undo.button }));
      await user.click(
        within(await findDialog()).getByRole('button', { name: strings.undo.confirm, hidden: true }),
      );
    };

    await confirmUndo();
    expect((await screen.findByRole('alert')).textContent).toBe(refusal);
    expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull();
    expect(screen.getByRole('button', { name: strings.undo.button }).hasAttribute('disabled')).toBe(false);

    await confirmUndo();
    expect(await screen.findByRole('group', { name: strings.undo.progressLabel })).toBeTruthy();
    expect(screen.queryByText(refusal)).toBeNull();
    expect(api.undoRetraction).toHaveBeenCalledTimes(2);
  });

  it('offers no undo after a hard delete, and says so', async () => {
    const purged = retraction('completed', 5, 5, { id: 'r-done', action: 'hardDelete', undoable: false });
    const api = adminApi({
      listRetractionsOf: vi.fn(async () => ({ items: [purged], nextCursor: null })),
      retractionEvents: eventsById({ 'plan-1': [planned()], 'r-done': [purged] }),
    });
    renderPanel(api);
    expect(await screen.findByText(strings.undo.none)).toBeTruthy();
    expect(screen.queryByRole('button', { name: strings.undo.button })).toBeNull();
    // It has ended: another retraction may be asked for.
    expect(screen.getByRole('heading', { name: strings.admin.newRetractionHeading })).toBeTruthy();
  });
});
