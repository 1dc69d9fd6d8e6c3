// Report and retract through the local Outlook harness, in Chromium against the real stack: alice
// reports a fresh message and is offered no retract controls (the API refuses her too); admin opens
// the same message, sees its blast radius, moves every copy to Junk Email with live progress to
// 100 %, and undoes it, while the sandbox shows where each copy really is. A hard delete waits for a
// second administrator, who approves it from their own task pane.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copiesOf, deliverMessage } from '../../helpers/retractions.js';
import { onboardTenant } from '../../helpers/tenant.js';
import { RESULTS, startConsoleStack, type ConsoleStack } from '../console-fixtures.js';

const RECIPIENTS = ['alice@contoso.com', 'admin@contoso.com', 'admin2@contoso.com', 'bob@contoso.com'];
const SLOW = { timeout: 60_000 };

let stack: ConsoleStack;

beforeAll(async () => {
  stack = await startConsoleStack();
  await onboardTenant(stack.api);
});
afterAll(async () => {
  await stack?.close();
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function openHarness(): Promise<Page & { errors: string[] }> {
  const page = Object.assign(await stack.context.newPage(), { errors: [] as string[] });
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(`${stack.origin}/harness.html`);
  return page;
}

async function signIn(page: Page, upn: string) {
  const signOut = page.getByRole('button', { name: 'Sign out', exact: true });
  if (await signOut.count()) await signOut.click();
  await page.getByRole('combobox', { name: 'Demo user', exact: true }).selectOption(upn);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: `Mailbox of ${upn}` }).waitFor();
}

/** Demo people of the seeded tenant, by the name the task pane greets them with. */
const DISPLAY_NAMES: Record<string, string> = {
  'alice@contoso.com': 'Alice Smith',
  'admin@contoso.com': 'Adele Vance',
  'admin2@contoso.com': 'Alex Wilber',
};

/** Opens the message in the task pane and waits until the pane knows who is signed in. */
async function openMessage(page: Page, subject: string, upn: string): Promise<Locator> {
  await page
    .getByRole('button', { name: new RegExp(escape(subject)) })
    .first()
    .click();
  const pane = page.getByTestId('task-pane');
  await pane.getByTestId('message-subject').filter({ hasText: subject }).waitFor();
  await pane.getByText(DISPLAY_NAMES[upn]!, { exact: true }).waitFor();
  await pane.getByRole('heading', { name: 'Your recent reports' }).waitFor();
  return pane;
}

const shoot = (page: Page, name: string) =>
  page.screenshot({ path: join(RESULTS, `addin-${name}.png`), fullPage: true });
/** The task pane scrolls like Outlook's: a picture of it with `part` at the top. */
async function shootPane(pane: Locator, part: Locator, name: string) {
  await part.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await pane.screenshot({ path: join(RESULTS, `addin-${name}.png`) });
}

/** Runs a scenario and keeps a screenshot and the page's errors when it fails. */
async function scenario(page: Page & { errors: string[] }, name: string, run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    await shoot(page, `${name}-failure`).catch(() => undefined);
    throw new Error(`${(error as Error).message}\npage errors: ${page.errors.join('\n') || 'none'}`, {
      cause: error,
    });
  }
}

const foldersOf = async (internetMessageId: string) =>
  Object.fromEntries((await copiesOf(stack.api, internetMessageId)).map((c) => [c.mailbox, c.folder]));

describe('retract from the task pane', () => {
  it('alice reports, admin sees the blast radius, moves every copy to Junk Email and undoes it', async () => {
    const subject = `Payroll update ${Date.now().toString(36)}`;
    const message = await deliverMessage(stack.api, RECIPIENTS, subject);
    const page = await openHarness();

    await scenario(page, 'retract-alice', async () => {
      await signIn(page, 'alice@contoso.com');
      const pane = await openMessage(page, subject, 'alice@contoso.com');
      await pane.getByRole('button', { name: 'Report', exact: true }).click();
      await pane.getByText('Your phishing report reached the security team', { exact: false }).waitFor();
      expect(await pane.getByRole('heading', { name: 'Retract this message' }).count()).toBe(0);
      expect(await pane.getByRole('button', { name: 'Retract…' }).count()).toBe(0);
      expect(await pane.getByTestId('blast-radius').count()).toBe(0);
      await shoot(page, 'retract-alice-reported');
    });

    // Hidden controls are not the guard: the API refuses her a retraction, and even a plan.
    for (const dryRun of [false, true]) {
      const refused = await stack.api.as('alice@contoso.com', {
        method: 'POST',
        url: '/api/v1/retractions',
        payload: { internetMessageId: message.internetMessageId, action: 'moveToJunk', dryRun },
      });
      expect(refused.statusCode).toBe(403);
    }
    const before = await foldersOf(message.internetMessageId);
    expect(Object.keys(before).sort()).toEqual([...RECIPIENTS].sort());

    await scenario(page, 'retract-admin', async () => {
      await signIn(page, 'admin@contoso.com');
      const pane = await openMessage(page, subject, 'admin@contoso.com');

      // The blast radius, before anything is touched, matches what the sandbox holds.
      const radius = pane.getByTestId('blast-radius');
      await radius.getByText(`${RECIPIENTS.length} of ${RECIPIENTS.length} searched`).waitFor(SLOW);
      const copies = await copiesOf(stack.api, message.internetMessageId);
      const read = copies.filter((c) => c.isRead).length;
      await radius.getByText(`${read} read · ${copies.length - read} unread`).waitFor();
      const folders = radius.getByRole('list', { name: 'Copies by folder' });
      expect(await folders.getByRole('listitem').allTextContents()).toEqual([`Inbox${RECIPIENTS.length}`]);
      expect(await foldersOf(message.internetMessageId)).toEqual(before);
      await shootPane(pane, radius, 'retract-blast-radius');

      await pane.getByRole('radio', { name: /Move to Junk Email/ }).check();
      await pane.getByRole('button', { name: 'Retract…' }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog
        .getByText(`found ${RECIPIENTS.length} copies in ${RECIPIENTS.length} mailboxes`, { exact: false })
        .waitFor();
      await dialog.getByRole('button', { name: 'Retract now' }).click();

      const progress = pane.getByRole('group', { name: 'Retraction progress' });
      await progress.getByText('Done', { exact: true }).waitFor(SLOW);
      await progress.getByText(`${RECIPIENTS.length} of ${RECIPIENTS.length} mailboxes`).waitFor();
      expect(await progress.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
      await shootPane(pane, progress, 'retract-done');

      expect(await foldersOf(message.internetMessageId)).toEqual(
        Object.fromEntries(RECIPIENTS.map((upn) => [upn, 'junkemail'])),
      );
      const link = pane.getByRole('link', { name: 'Open this retraction in the admin console' });
      expect(await link.getAttribute('href')).toMatch(/^admin\.html#\/retractions\/[0-9a-f-]{36}$/);

      await pane.getByRole('button', { name: 'Undo', exact: true }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Move them back' }).click();
      const undo = pane.getByRole('group', { name: 'Undo progress' });
      await undo.getByText('Done', { exact: true }).waitFor(SLOW);
      expect(await undo.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
      await shootPane(pane, undo, 'retract-undone');
      await shoot(page, 'retract-undone-page');
    });
    expect(await foldersOf(message.internetMessageId)).toEqual(before);
    expect(stack.foreignRequests).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('a hard delete waits for a second administrator, who approves it from their task pane', async () => {
    const subject = `Shared document ${Date.now().toString(36)}`;
    const message = await deliverMessage(stack.api, RECIPIENTS, subject);
    const page = await openHarness();

    await scenario(page, 'approval-admin', async () => {
      await signIn(page, 'admin@contoso.com');
      const pane = await openMessage(page, subject, 'admin@contoso.com');
      await pane
        .getByTestId('blast-radius')
        .getByText(`of ${RECIPIENTS.length} searched`, { exact: false })
        .waitFor(SLOW);
      await pane.getByRole('radio', { name: /Hard delete/ }).check();
      await pane.getByRole('button', { name: 'Retract…' }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByText('This cannot be undone.').waitFor();
      await dialog.getByRole('button', { name: 'Retract now' }).click();

      const approval = pane.getByTestId('approval-state');
      await approval.getByText('Waiting for a second administrator').waitFor(SLOW);
      await approval.getByText('policy requires approval for hardDelete').waitFor();
      await approval.getByText('You asked for it', { exact: false }).waitFor();
      expect(await approval.getByRole('button', { name: 'Approve and run' }).count()).toBe(0);
      expect(await pane.getByRole('button', { name: 'Retract…' }).count()).toBe(0);
      await shootPane(pane, approval, 'approval-requested');
    });
    expect(Object.values(await foldersOf(message.internetMessageId))).toEqual(RECIPIENTS.map(() => 'inbox'));

    await scenario(page, 'approval-admin2', async () => {
      await signIn(page, 'admin2@contoso.com');
      const pane = await openMessage(page, subject, 'admin2@contoso.com');
      const approval = pane.getByTestId('approval-state');
      await approval.getByText('admin@contoso.com asked for this retraction.').waitFor(SLOW);
      await approval.getByText('The request expires', { exact: false }).waitFor();
      await shootPane(pane, approval, 'approval-second-admin');
      await approval.getByRole('button', { name: 'Approve and run' }).click();

      const progress = pane.getByRole('group', { name: 'Retraction progress' });
      await progress.getByText('Done', { exact: true }).waitFor(SLOW);
      await pane.getByText('Approved by admin2@contoso.com.').waitFor();
      await pane.getByText('A hard delete has no undo.').waitFor();
      expect(await pane.getByRole('button', { name: 'Undo', exact: true }).count()).toBe(0);
      await shootPane(pane, progress, 'approval-done');
    });
    expect(Object.values(await foldersOf(message.internetMessageId))).toEqual(
      RECIPIENTS.map(() => 'recoverableitemspurges'),
    );
    expect(stack.foreignRequests).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
