// @vitest-environment jsdom
// The per-mailbox table of a 10,000-mailbox retraction: every row is fetched (pages of 1,000), but
// only a window of rows is in the DOM, the table still announces 10,000 rows, scrolling moves the
// window, and the state filter asks the API again.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { MailboxState } from '@clawback/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROW_HEIGHT, MailboxTable } from '../../../addin/src/console/pages/retractions/MailboxTable.js';
import { RetractionDetail } from '../../../addin/src/console/pages/retractions/RetractionDetail.js';
import type { MailboxRow } from '../../../addin/src/console/pages/retractions/use-mailbox-rows.js';
import { strings } from '../../../addin/src/strings.js';
import { admin, adminRetraction, fakeConsoleApi, renderConsole } from './console-fixtures.js';
import { installDomShims } from './fixtures.js';

installDomShims();
const VIEWPORT = 448;

beforeEach(() => {
  // jsdom lays nothing out: give the scroller the height it has in a browser (28rem).
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(VIEWPORT);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const t = strings.console.retractions;
const upn = (i: number) => `user${String(i).padStart(5, '0')}@contoso.com`;

function rows(count: number, state: MailboxState = 'done'): MailboxRow[] {
  return Array.from({ length: count }, (_, i) => ({
    mailbox: upn(i),
    mailboxId: `id-${i}`,
    state: i % 97 === 0 ? 'failed' : state,
    reason: i % 97 === 0 ? 'ErrorAccessDenied' : null,
    copies: [{ id: `m-${i}`, folder: 'junkemail', isRead: i % 2 === 0, receivedAt: null, outcome: 'done' }],
    updatedAt: '2026-11-20T09:00:00Z',
  }));
}

const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1');

describe('the per-mailbox table', () => {
  it('keeps only a window of 10,000 rows in the DOM and moves it on scroll', () => {
    renderConsole(<MailboxTable rows={rows(10_000)} />, { me: admin() });
    const table = screen.getByRole('table', { name: t.mailboxTable });
    expect(table.getAttribute('aria-rowcount')).toBe('10001');
    const first = bodyRows(table);
    // 448 px of 36 px rows plus the overscan, never thousands.
    expect(first.length).toBeGreaterThan(VIEWPORT / ROW_HEIGHT);
    expect(first.length).toBeLessThan(60);
    expect(first[0]!.getAttribute('aria-rowindex')).toBe('2');
    expect(within(first[0]!).getByText(upn(0))).toBeTruthy();
    expect(within(first[0]!).getByText(t.mailboxStates.failed)).toBeTruthy();

    Object.defineProperty(table, 'scrollTop', { configurable: true, value: 5_000 * ROW_HEIGHT });
    fireEvent.scroll(table);
    const moved = bodyRows(table);
    expect(moved.length).toBeLessThan(60);
    const indexes = moved.map((row) => Number(row.getAttribute('aria-rowindex')));
    expect(Math.min(...indexes)).toBeGreaterThan(4_900);
    expect(screen.getByText(upn(5_005))).toBeTruthy();
    expect(screen.queryByText(upn(0))).toBeNull();
  });
});

describe('the mailboxes of a retraction', () => {
  it('reads every page, shows the count and filters by state through the API', async () => {
    const all = rows(10_000);
    const mailboxes = vi.fn(async (_id: string, query: Record<string, unknown>) => {
      const list = query.state ? all.filter((r) => r.state === query.state) : all;
      const start = query.cursor ? Number(query.cursor) : 0;
      const limit = Number(query.limit);
      const next = start + limit < list.length ? String(start + limit) : null;
      return { items: list.slice(start, start + limit), nextCursor: next };
    });
    const view = adminRetraction('completed', { undoable: true }, 10_000, 10_000);
    const api = fakeConsoleApi({
      retractionEvents: async function* () {
        yield view;
      },
      retractions: { mailboxes },
    });
    const user = userEvent.setup();
    renderConsole(<RetractionDetail id={view.id} />, { me: admin(), api });
    await screen.findByText(t.rowCount('10,000'), {}, { timeout: 10_000 });
    expect(mailboxes).toHaveBeenCalledTimes(10);
    expect(mailboxes.mock.calls.every(([, q]) => q.limit === 1000)).toBe(true);
    const table = screen.getByRole('table', { name: t.mailboxTable });
    expect(bodyRows(table).length).toBeLessThan(60);

    await user.selectOptions(screen.getByRole('combobox', { name: t.stateFilter }), 'failed');
    await screen.findByText(t.rowCount('104'));
    expect(mailboxes).toHaveBeenLastCalledWith(view.id, expect.objectContaining({ state: 'failed' }));
    await waitFor(() =>
      expect(
        bodyRows(screen.getByRole('table', { name: t.mailboxTable })).every((row) =>
          row.textContent?.includes(t.mailboxStates.failed),
        ),
      ).toBe(true),
    );
  });
});
