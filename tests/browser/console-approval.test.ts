// Search → plan → hard delete with a second administrator, in Chromium against the real stack: an
// admin plans a retraction of a fresh message the index has never seen (the plan searches every
// mailbox), sees its blast radius, picks a hard delete (told there is no undo), confirms; the
// retraction waits for approval and its requester is not offered it (the API refuses them too);
// admin2 approves and every copy is purged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copiesOf, deliverMessage } from '../helpers/retractions.js';
import { onboardTenant } from '../helpers/tenant.js';
import {
  openConsoleAs,
  openSection,
  scenario,
  shoot,
  signOutAndIn,
  startConsoleStack,
  type ConsoleStack,
} from './console-fixtures.js';

let stack: ConsoleStack;
let message: { internetMessageId: string; copies: { mailbox: string }[] };
const SUBJECT = 'Invoice 7731 overdue';
const RECIPIENTS = ['alice@contoso.com', 'bob@contoso.com', 'secops@contoso.com'];

beforeAll(async () => {
  stack = await startConsoleStack();
  await onboardTenant(stack.api);
  message = await deliverMessage(stack.api, RECIPIENTS, SUBJECT);
});
afterAll(async () => {
  await stack?.close();
});

describe('a hard delete', () => {
  it('waits for a second administrator: the requester cannot approve, admin2 does', async () => {
    const page = await openConsoleAs(stack, 'admin@contoso.com');
    let retractionId = '';
    await scenario(page, 'approval', async () => {
      await openSection(page, 'Search and retract');
      await page.getByRole('textbox', { name: 'Message id' }).fill(message.internetMessageId);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByText('No copy of such a message is in the index.').waitFor();
      await page
        .getByRole('button', { name: 'Plan a retraction for this message id (searches every mailbox)' })
        .click();

      // The plan: where it landed, by folder and read state.
      const plan = page.getByRole('region', { name: `Plan: ${message.internetMessageId}` });
      await plan.getByRole('table', { name: 'Copies by folder' }).waitFor({ timeout: 60_000 });
      await plan.getByText(`${RECIPIENTS.length} unread`, { exact: false }).waitFor();
      await shoot(page, 'plan');

      await plan.getByRole('radio', { name: /Hard delete/ }).check();
      await plan.getByText('There is no undo.', { exact: false }).waitFor();
      await plan.getByText('needs a second administrator’s approval', { exact: false }).waitFor();
      await plan.getByRole('button', { name: 'Retract…' }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByText('This cannot be undone.').waitFor();
      await dialog.getByRole('button', { name: 'Retract now' }).click();

      // The retraction waits; its requester is told so and not offered the approval.
      await page.getByText('Waiting for a second administrator').first().waitFor({ timeout: 60_000 });
      await page.getByText('You requested this retraction', { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
      await shoot(page, 'awaiting-approval');
      retractionId = decodeURIComponent(new URL(page.url()).hash.split('/').at(-1)!);
    });

    const own = await stack.api.as('admin@contoso.com', {
      method: 'POST',
      url: `/api/v1/retractions/${retractionId}/approve`,
    });
    expect(own.statusCode).toBe(403);
    expect((await copiesOf(stack.api, message.internetMessageId)).map((c) => c.folder)).toEqual(
      RECIPIENTS.map(() => 'inbox'),
    );

    await scenario(page, 'approval-admin2', async () => {
      await signOutAndIn(page, 'admin2@contoso.com');
      await openSection(page, 'Retractions');
      const row = page.getByRole('table', { name: 'Retractions' }).getByRole('row', { name: /Hard delete/ });
      await row.getByText('Waiting for a second administrator to approve').waitFor();
      await row.getByRole('link').click();
      await page.getByRole('button', { name: 'Approve' }).click();
      const progress = page.getByRole('region', { name: 'Progress' });
      await progress.getByText('Done', { exact: true }).waitFor({ timeout: 60_000 });
      await page.getByText('Approved by admin2@contoso.com', { exact: false }).waitFor();
      await page.getByText('A hard delete has no undo', { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: 'Undo', exact: true }).count()).toBe(0);
      await shoot(page, 'hard-delete-done');
    });
    const folders = (await copiesOf(stack.api, message.internetMessageId)).map((c) => c.folder);
    expect(folders).toEqual(RECIPIENTS.map(() => 'recoverableitemspurges'));
    expect(stack.foreignRequests).toEqual([]);
    await page.close();
  });
});
