// The triage → retract → undo loop in the console, in Chromium against the real stack (contoso.com
// published and synced, alice and bob have reported the demo phishing campaign): an admin edits
// the auto-retraction policy and the edit survives a reload; secops sets MALICIOUS on the campaign
// and the policy's retraction appears and completes; an admin undoes it; a Security Reader sees
// everything without a single action button.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClient } from '../helpers/graph.js';
import { copyOf, report } from '../helpers/reports.js';
import { copiesOf } from '../helpers/retractions.js';
import { onboardTenant } from '../helpers/tenant.js';
import {
  CAMPAIGN_SUBJECT,
  openConsoleAs,
  openSection,
  scenario,
  shoot,
  signIn,
  startConsoleStack,
  type ConsoleStack,
} from './console-fixtures.js';

let stack: ConsoleStack;
let internetMessageId: string;

beforeAll(async () => {
  stack = await startConsoleStack();
  await onboardTenant(stack.api);
  const graph = graphClient(stack.sandbox);
  for (const user of ['alice@contoso.com', 'bob@contoso.com']) {
    const copy = await copyOf(graph, user, { subject: CAMPAIGN_SUBJECT });
    internetMessageId = copy.internetMessageId;
    const response = await report(stack.api, user, { itemId: copy.id });
    expect(response.statusCode, response.body).toBe(201);
  }
});
afterAll(async () => {
  await stack?.close();
});

const folders = async () =>
  [...new Set((await copiesOf(stack.api, internetMessageId)).map((c) => c.folder))].sort();

async function openCampaign(page: Page) {
  await openSection(page, 'Reports');
  await page.getByRole('table', { name: 'Campaigns' }).getByRole('link', { name: CAMPAIGN_SUBJECT }).click();
  await page.getByRole('heading', { name: CAMPAIGN_SUBJECT }).waitFor();
}

describe('the console loop', () => {
  it("round-trips an admin's policy edit through a reload", async () => {
    const page = await openConsoleAs(stack, 'admin@contoso.com');
    await scenario(page, 'policy', async () => {
      await openSection(page, 'Policies');
      const malicious = page.getByRole('combobox', { name: 'When the verdict is Malicious' });
      expect(await malicious.inputValue()).toBe('moveToDeletedItems');
      await malicious.selectOption('moveToJunk');
      await page.getByRole('button', { name: 'Save policy' }).click();
      await page.getByText('The policy is saved', { exact: false }).waitFor();

      await page.reload();
      await signIn(page, 'admin@contoso.com');
      await openSection(page, 'Policies');
      expect(await page.getByRole('combobox', { name: 'When the verdict is Malicious' }).inputValue()).toBe(
        'moveToJunk',
      );
      await page.getByText(/^Last changed by admin@contoso\.com/).waitFor();
      await shoot(page, 'policies');
    });
    const stored = (
      await stack.api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/policies/auto-retraction' })
    ).json();
    expect(stored.policy.actions.MALICIOUS).toBe('moveToJunk');
    await page.close();
  });

  it("runs the policy's retraction when secops sets MALICIOUS on the campaign, to the end", async () => {
    const page = await openConsoleAs(stack, 'secops@contoso.com');
    await scenario(page, 'verdict', async () => {
      await openCampaign(page);
      // secops triages but may not retract by hand.
      expect(await page.getByRole('button', { name: 'Plan a retraction' }).count()).toBe(0);
      await page.getByRole('combobox', { name: 'Verdict' }).selectOption('MALICIOUS');
      await page.getByRole('button', { name: 'Set verdict' }).click();
      await page.getByText('Verdict set: Malicious.').waitFor();
      await page.getByRole('link', { name: 'Follow the retraction' }).click();

      const progress = page.getByRole('region', { name: 'Progress' });
      await progress.getByText('Done', { exact: true }).waitFor({ timeout: 60_000 });
      const total = (await copiesOf(stack.api, internetMessageId)).length;
      await progress.getByText(`${total} of ${total} mailboxes`).waitFor();
      const table = page.getByRole('table', { name: 'Mailboxes of this retraction' });
      await table.getByRole('cell', { name: 'Retracted', exact: true }).first().waitFor();
      await shoot(page, 'policy-retraction-done');

      await openSection(page, 'Retractions');
      const row = page
        .getByRole('table', { name: 'Retractions' })
        .getByRole('row', { name: /Auto-retraction policy/ });
      await row.getByText('Move to Junk Email').waitFor();
      await row.getByText('Done').waitFor();
    });
    expect(await folders()).toEqual(['junkemail']);
    await page.close();
  });

  it('lets an admin undo the retraction, moving every copy back', async () => {
    const page = await openConsoleAs(stack, 'admin@contoso.com');
    await scenario(page, 'undo', async () => {
      await openSection(page, 'Retractions');
      await page
        .getByRole('table', { name: 'Retractions' })
        .getByRole('link', { name: CAMPAIGN_SUBJECT })
        .first()
        .click();
      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Move every copy back?' });
      await dialog.getByRole('button', { name: 'Undo now' }).click();
      await page.getByText('Undo of Move to Junk Email').first().waitFor();
      await page
        .getByRole('region', { name: 'Progress' })
        .getByText('Done', { exact: true })
        .waitFor({ timeout: 60_000 });
      await shoot(page, 'undo-done');
    });
    expect(await folders()).toEqual(['inbox']);
    await page.close();
  });

  it('shows a Security Reader every page without an action button', async () => {
    const page = await openConsoleAs(stack, 'reader@contoso.com');
    const noButton = async (name: string | RegExp) =>
      expect(await page.getByRole('button', { name }).count(), String(name)).toBe(0);
    await scenario(page, 'reader', async () => {
      await openCampaign(page);
      for (const name of ['Set verdict', 'Plan a retraction', 'Add note', 'Save']) await noButton(name);
      expect(await page.getByRole('combobox', { name: 'Verdict' }).count()).toBe(0);

      await openSection(page, 'Reports');
      await page.getByRole('table', { name: 'Campaigns' }).waitFor();
      expect(await page.getByRole('checkbox').count()).toBe(0);

      await openSection(page, 'Retractions');
      await page.getByRole('table', { name: 'Retractions' }).getByRole('link').first().click();
      await page.getByRole('button', { name: 'Download CSV' }).waitFor();
      for (const name of ['Approve', 'Cancel retraction', 'Undo', 'Search again now']) await noButton(name);
      await shoot(page, 'reader-retraction');

      await openSection(page, 'Search and retract');
      await page.getByRole('textbox', { name: 'Message id' }).fill(internetMessageId);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByRole('list', { name: 'Messages found' }).getByText(CAMPAIGN_SUBJECT).waitFor();
      await noButton(/Plan/);

      await openSection(page, 'Policies');
      await page.getByRole('combobox', { name: 'When the verdict is Malicious' }).waitFor();
      expect(await page.getByRole('combobox', { name: 'When the verdict is Malicious' }).isDisabled()).toBe(
        true,
      );
      for (const name of ['Save policy', 'Save settings']) await noButton(name);

      await openSection(page, 'Directory');
      await page.getByRole('table', { name: 'Domains' }).waitFor();
      for (const name of [/Authorize/, /Publish/, /Unpublish/, 'Sync now']) await noButton(name);

      await openSection(page, 'Collections');
      await page.getByText('No data sources yet.').waitFor();
      await noButton('New data source');
      await shoot(page, 'reader-collections');
    });
    await page.close();
  });

  it('draws the overview from what happened', async () => {
    const page = await openConsoleAs(stack, 'admin@contoso.com');
    await scenario(page, 'overview', async () => {
      await page
        .getByRole('group', { name: 'Reports, last 14 days' })
        .getByText('2', { exact: true })
        .waitFor();
      await page.getByRole('group', { name: 'Retractions' }).getByText('1', { exact: true }).waitFor();
      await page.getByRole('region', { name: 'Reports per day' }).locator('svg').first().waitFor();
      await page.getByRole('region', { name: 'How retractions ended' }).locator('svg').first().waitFor();
      await shoot(page, 'overview');
    });
    expect(stack.foreignRequests).toEqual([]);
    await page.close();
  });
});
