// Seed 001's onboarding in the console, in Chromium against the real stack: on a tenant that has
// consented to nothing, a Global Administrator authorizes mail access (the sandbox's admin-consent
// page opens in a new tab, as Entra's would, and sends the browser back to the console), sees
// directory scanning authorized by the same grant, publishes contoso.com and watches the directory
// sync finish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openConsoleAs,
  openSection,
  scenario,
  shoot,
  startConsoleStack,
  type ConsoleStack,
} from './console-fixtures.js';

let stack: ConsoleStack;

beforeAll(async () => {
  stack = await startConsoleStack();
  // Roles are read from Graph with Clawback's own grant (cached for minutes): read them while the
  // grant is there, then take every permission away, as on a tenant that has not consented yet.
  for (const user of ['ga@contoso.com', 'reader@contoso.com'])
    expect((await stack.api.as(user, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
  await stack.sandbox.control.put('/app', { permissions: [] });
});
afterAll(async () => {
  await stack?.close();
});

describe('domain onboarding in the Directory page', () => {
  it('authorizes mail access through admin consent, publishes contoso.com and syncs it', async () => {
    const page = await openConsoleAs(stack, 'ga@contoso.com');
    await scenario(page, 'onboarding', async () => {
      await openSection(page, 'Directory');
      const steps = page.getByRole('list').filter({ hasText: 'Authorize mail access' }).first();
      await steps.getByText('Not authorized').first().waitFor();
      await page.getByRole('combobox', { name: 'Domain to onboard' }).fill('contoso.com');
      await expect(page.getByRole('button', { name: 'Publish domain' }).isDisabled()).resolves.toBe(true);
      await shoot(page, 'onboarding-start');

      // Step 1: the consent page opens in a new tab; the administrator accepts there.
      const [consent] = await Promise.all([
        stack.context.waitForEvent('page'),
        steps.getByRole('button', { name: 'Authorize access' }).first().click(),
      ]);
      await consent.waitForLoadState();
      expect(consent.url().startsWith(`${stack.sandbox.url}/`)).toBe(true);
      await consent.getByRole('heading', { name: /Permissions requested/ }).waitFor();
      await consent.getByRole('link', { name: /ga@contoso\.com/ }).click();
      // Entra sends the browser back to the console, which says how it went.
      await consent.waitForURL(`${stack.origin}/admin.html**`);
      await consent.getByText('Mail access is authorized.', { exact: false }).waitFor();
      expect(new URL(consent.url()).search).toBe('');
      await consent.screenshot({ path: 'test-results/console-onboarding-consent-returned.png' });
      await consent.close();

      // The console notices by itself; the same app registration also covers directory scanning.
      await page
        .getByText('Waiting for the consent', { exact: false })
        .waitFor({ state: 'detached', timeout: 20_000 });
      await expect(steps.getByText('Authorized', { exact: true }).count()).resolves.toBe(2);

      // Step 3: publish, which starts the directory sync.
      await page.getByRole('button', { name: 'Publish domain' }).click();
      await page.getByText('contoso.com is published.', { exact: false }).waitFor();
      const domains = page.getByRole('table', { name: 'Domains' });
      await domains
        .getByRole('row', { name: /contoso\.com/ })
        .getByText('Synced')
        .waitFor({ timeout: 60_000 });
      await page
        .getByRole('region', { name: 'Directory sync' })
        .getByText('Synced', { exact: true })
        .waitFor();
      await shoot(page, 'onboarding-published');
    });

    const published = (
      await stack.api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/domains' })
    ).json();
    expect(published.items.find((d: { name: string }) => d.name === 'contoso.com')).toMatchObject({
      published: true,
      publishedBy: 'ga@contoso.com',
      state: 'synced',
    });
    const audit = (
      await stack.api.as('reader@contoso.com', {
        method: 'GET',
        url: '/api/v1/audit?action=directory.authorization.*',
      })
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['directory.authorization.started', 'directory.authorization.granted']),
    );
    expect(stack.foreignRequests).toEqual([]);
    await page.close();
  });
});
