// The admin console's browser tests share this stack: a test sandbox, the real API listening on
// HTTPS with the sandbox's localhost certificate and serving the sandbox build of addin/dist (built
// first when missing or older than its sources), and Debian's Chromium. Requests may go to the API
// and to the sandbox (the admin-consent page, as Entra's would); anything else is refused and kept.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ADDIN_DIST, ADDIN_ROOT, buildAddin } from '../helpers/addin-build.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { launchChromium } from '../helpers/chromium.js';

export const RESULTS = join(process.cwd(), 'test-results');
export const CAMPAIGN_SUBJECT = 'Action required: your password expires today';

export interface ConsoleStack {
  sandbox: TestSandbox;
  api: TestApi;
  origin: string;
  browser: Browser;
  context: BrowserContext;
  /** Requests the pages made to anywhere but the API and the sandbox. */
  foreignRequests: string[];
  close(): Promise<void>;
}

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** The sandbox build, rebuilt only when a source is newer than it (or it is a production build). */
export async function ensureSandboxBuild(): Promise<void> {
  const built = join(ADDIN_DIST, 'admin.html');
  const sandboxBuild = existsSync(join(ADDIN_DIST, 'harness.html'));
  const sources = [
    join(ADDIN_ROOT, 'src'),
    join(ADDIN_ROOT, 'vite.config.ts'),
    ...['admin.html', 'taskpane.html', 'harness.html'].map((page) => join(ADDIN_ROOT, page)),
    join(ADDIN_ROOT, '..', 'shared', 'src'),
  ].filter(existsSync);
  if (existsSync(built) && sandboxBuild && Math.max(...sources.map(newestChange)) <= statSync(built).mtimeMs)
    return;
  await buildAddin('sandbox');
}

export async function startConsoleStack(): Promise<ConsoleStack> {
  await ensureSandboxBuild();
  const sandbox = await startTestSandbox();
  const api = await startTestApi(sandbox, {
    directorySyncCron: null,
    tls: {
      cert: readFileSync(sandbox.localhostCertPath, 'utf8'),
      key: readFileSync(sandbox.localhostKeyPath, 'utf8'),
    },
  });
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const origin = `https://localhost:${(api.app.server.address() as { port: number }).port}`;
  const browser = await launchChromium();
  // The sandbox's CA is not in Chromium's store; the certificates themselves are checked by the API tests.
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1360, height: 1000 },
  });
  const foreignRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith(sandbox.url)) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  mkdirSync(RESULTS, { recursive: true });
  return {
    sandbox,
    api,
    origin,
    browser,
    context,
    foreignRequests,
    async close() {
      await context.close();
      await browser.close();
      await api.close();
      await sandbox.close();
    },
  };
}

/** Opens the console and signs in as a demo user with the sandbox's picker (tokens as Teams gets them). */
export async function openConsoleAs(stack: ConsoleStack, upn: string, path = '/admin.html'): Promise<Page> {
  const page = await stack.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${stack.origin}${path}`);
  await signIn(page, upn);
  return page;
}

export async function signIn(page: Page, upn: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Demo user', exact: true }).selectOption(upn);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByText(`Signed in as `, { exact: false }).waitFor();
}

export async function signOutAndIn(page: Page, upn: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, upn);
}

export async function openSection(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Console sections' })
    .getByRole('tab', { name, exact: true })
    .click();
  await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
}

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(RESULTS, `console-${name}.png`), fullPage: true });
}

/** Runs a scenario and keeps a screenshot and the page's errors when it fails. */
export async function scenario(page: Page, name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    await page
      .screenshot({ path: join(RESULTS, `console-${name}-failure.png`), fullPage: true })
      .catch(() => undefined);
    const errors = (page as Page & { errors?: string[] }).errors ?? [];
    throw new Error(`${(error as Error).message}\npage errors: ${errors.join('\n') || 'none'}`, {
      cause: error,
    });
  }
}
