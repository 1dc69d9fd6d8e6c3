// The harness in Debian's Chromium against a real API over HTTPS (serving the sandbox build of the
// add-in, as `npm start` does) and a test sandbox: alice opens the phishing campaign's copy and
// sees the task pane without retract controls; admin@ sees the admin panel.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin } from '../../helpers/addin-build.js';
import { startTestApi, type TestApi } from '../../helpers/api.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { launchChromium } from '../../helpers/chromium.js';

const CAMPAIGN_SUBJECT = 'Action required: your password expires today';
const RESULTS = join(process.cwd(), 'test-results');

let sandbox: TestSandbox;
let api: TestApi;
let browser: Browser;
let context: BrowserContext;
let origin: string;
/** Every request the pages made that did not go to our own origin. */
const foreignRequests: string[] = [];

beforeAll(async () => {
  // The API serves addin/dist, so the build comes first.
  await buildAddin('sandbox');
  sandbox = await startTestSandbox();
  api = await startTestApi(sandbox, {
    tls: {
      cert: readFileSync(sandbox.localhostCertPath, 'utf8'),
      key: readFileSync(sandbox.localhostKeyPath, 'utf8'),
    },
  });
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  origin = `https://localhost:${(api.app.server.address() as { port: number }).port}`;
  browser = await launchChromium();
  // The sandbox's CA is not in Chromium's store; the certificate itself is checked by the API tests.
  context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 960 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  mkdirSync(RESULTS, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await api?.close();
  await sandbox?.close();
});

async function signIn(page: Page, upn: string) {
  await page.getByRole('combobox', { name: 'Demo user', exact: true }).selectOption(upn);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: `Mailbox of ${upn}` }).waitFor();
}

async function openMessage(page: Page, subject: string) {
  await page
    .getByRole('button', { name: new RegExp(subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
    .first()
    .click();
  const pane = page.getByTestId('task-pane');
  await pane.getByTestId('message-subject').waitFor();
  return pane;
}

describe('Outlook harness', () => {
  it('shows alice the campaign message without retract controls, and admin the admin panel', async () => {
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(`${origin}/harness.html`);
    try {
      await run(page);
    } catch (error) {
      await page.screenshot({ path: join(RESULTS, 'addin-harness-failure.png'), fullPage: true });
      throw new Error(`${(error as Error).message}\nconsole errors: ${consoleErrors.join('\n') || 'none'}`, {
        cause: error,
      });
    }
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors.filter((e) => !/404|Not Found/i.test(e))).toEqual([]);
    await page.close();
  });
});

async function run(page: Page) {
  await signIn(page, 'alice@contoso.com');
  const alicePane = await openMessage(page, CAMPAIGN_SUBJECT);
  expect(await alicePane.getByTestId('message-subject').textContent()).toBe(CAMPAIGN_SUBJECT);
  await alicePane.getByRole('button', { name: 'Report', exact: true }).waitFor();
  // The caller is known (GET /me answered) before we conclude there is no admin panel.
  await alicePane.getByText(/alice/i).first().waitFor();
  await alicePane.getByRole('heading', { name: 'Your recent reports' }).waitFor();
  expect(await alicePane.getByRole('heading', { name: 'Retract this message' }).count()).toBe(0);
  expect(await alicePane.getByRole('button', { name: 'Retract…' }).count()).toBe(0);
  await page.screenshot({ path: join(RESULTS, 'addin-harness-alice.png'), fullPage: true });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'admin@contoso.com');
  const hasCampaign = (await page.getByRole('button', { name: new RegExp(CAMPAIGN_SUBJECT) }).count()) > 0;
  const adminPane = hasCampaign
    ? await openMessage(page, CAMPAIGN_SUBJECT)
    : await (async () => {
        await page.getByRole('listitem').getByRole('button').first().click();
        const pane = page.getByTestId('task-pane');
        await pane.getByTestId('message-subject').waitFor();
        return pane;
      })();
  await adminPane.getByRole('heading', { name: 'Retract this message' }).waitFor();
  // The actions show once the pane has checked for a retraction of the message under way.
  await adminPane.getByRole('radio', { name: /Hard delete/ }).waitFor();
  expect(await adminPane.getByRole('radio', { name: /Hard delete/ }).count()).toBe(1);
  await adminPane.getByText('There is no undo', { exact: false }).first().waitFor();
  await page.screenshot({ path: join(RESULTS, 'addin-harness-admin.png'), fullPage: true });
  // The pane scrolls like Outlook's: keep a picture of the admin panel itself too.
  await adminPane.getByRole('heading', { name: 'Retract this message' }).scrollIntoViewIfNeeded();
  await adminPane.screenshot({ path: join(RESULTS, 'addin-harness-admin-panel.png') });
}
