// The local Outlook harness in Debian's Chromium (never a downloaded browser), signed in as one
// demo user, timing the ribbon's Report phishing command from the click to the confirmation in
// the item's notification bar, the way a user sees it: the click event's own time stamp in the page
// to the first animation frame whose DOM holds the confirmation.
import { type Page, type Request } from 'playwright-core';
import { strings } from '../../addin/src/strings.js';
import { launchChromium } from '../helpers/chromium.js';

const STEP_TIMEOUT_MS = 30_000;
/** The demo people of the seeded tenant, by the name the task pane greets them with. */
const DISPLAY_NAMES: Record<string, string> = { 'alice@contoso.com': 'Alice Smith' };

export const CONFIRMATION = strings.commands.reported('phishing');

export interface RibbonSample {
  /** Click to the frame that shows the confirmation. */
  clickToConfirmationMs: number;
  /** The POST /api/v1/reports request alone, as the browser's network stack timed it. */
  reportRequestMs: number;
}

export interface HarnessSession {
  chromiumVersion: string;
  /** Opens the message, waits for the task pane to settle, then clicks Report phishing and times it. */
  reportPhishing(subject: string): Promise<RibbonSample>;
  /** Requests to anywhere but the API's origin (refused). */
  foreignRequests: string[];
  /** Uncaught errors in the page. */
  pageErrors: string[];
  close(): Promise<void>;
}

interface PageTiming {
  clickedAt: number;
  shownAt: number;
}

export async function openHarness(options: {
  origin: string;
  harnessUrl: string;
  upn: string;
}): Promise<HarnessSession> {
  const browser = await launchChromium();
  try {
    const foreignRequests: string[] = [];
    // The sandbox's CA is not in Chromium's store; the API tests check the certificate itself.
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 960 },
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(options.origin)) return route.continue();
      foreignRequests.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const inFlight = trackApiRequests(page);
    await page.goto(options.harnessUrl);
    await signIn(page, options.upn);
    return {
      chromiumVersion: browser.version(),
      foreignRequests,
      pageErrors: errors,
      async reportPhishing(subject) {
        try {
          await openMessage(page, subject, options.upn);
          await inFlight.quiet();
          return await timeReportPhishing(page);
        } catch (error) {
          throw new Error(`${(error as Error).message}\npage errors: ${errors.join('\n') || 'none'}`, {
            cause: error,
          });
        }
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

async function signIn(page: Page, upn: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Demo user', exact: true }).selectOption(upn);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: `Mailbox of ${upn}` }).waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** Opens the message and waits until the task pane knows who is signed in and what they reported. */
async function openMessage(page: Page, subject: string, upn: string): Promise<void> {
  const escaped = subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.getByRole('button', { name: new RegExp(escaped) }).click({ timeout: STEP_TIMEOUT_MS });
  const pane = page.getByTestId('task-pane');
  const settled = { timeout: STEP_TIMEOUT_MS };
  await pane.getByTestId('message-subject').filter({ hasText: subject }).waitFor(settled);
  await pane.getByText(DISPLAY_NAMES[upn] ?? upn, { exact: true }).waitFor(settled);
  await pane.getByRole('heading', { name: strings.recent.heading }).waitFor(settled);
}

async function timeReportPhishing(page: Page): Promise<RibbonSample> {
  await page.evaluate(watchForConfirmation, CONFIRMATION);
  const answered = page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/v1/reports',
    { timeout: STEP_TIMEOUT_MS },
  );
  // Awaited below; if the click itself fails, its error is the one to see.
  answered.catch(() => undefined);
  await page
    .getByRole('button', { name: strings.harness.reportMenu.phishing, exact: true })
    .click({ timeout: STEP_TIMEOUT_MS });
  const response = await answered;
  const body = (await response.json()) as { duplicate?: boolean };
  // Only a new report is the workload: a failure or a duplicate would time something else.
  if (response.status() !== 201 || body.duplicate !== false)
    throw new Error(`the report answered ${response.status()}: ${JSON.stringify(body)}`);
  await page.getByTestId('notification-bar').getByText(CONFIRMATION).waitFor({ timeout: STEP_TIMEOUT_MS });
  const timing = await page.evaluate(
    () => (window as unknown as { confirmation: Promise<PageTiming> }).confirmation,
  );
  await response.finished();
  return {
    clickToConfirmationMs: timing.shownAt - timing.clickedAt,
    reportRequestMs: response.request().timing().responseEnd,
  };
}

/**
 * Runs in the page: notes the next click's time stamp and resolves window.confirmation at the
 * first animation frame after the notification bar shows `expected`.
 */
function watchForConfirmation(expected: string): void {
  const bar = document.querySelector('[data-testid="notification-bar"]');
  if (!bar) throw new Error('the harness shows no notification bar');
  const confirmation = new Promise<PageTiming>((resolve) => {
    let clickedAt: number | null = null;
    document.addEventListener(
      'click',
      (event) => {
        clickedAt = event.timeStamp;
      },
      { capture: true, once: true },
    );
    const observer = new MutationObserver(() => {
      if (clickedAt === null || !bar.textContent?.includes(expected)) return;
      observer.disconnect();
      const clicked = clickedAt;
      requestAnimationFrame(() => resolve({ clickedAt: clicked, shownAt: performance.now() }));
    });
    observer.observe(bar, { childList: true, subtree: true, characterData: true });
  });
  (window as unknown as { confirmation: Promise<PageTiming> }).confirmation = confirmation;
}

/**
 * The page's API requests under way, so a click waits until the task pane has loaded what it
 * loads for a newly opened message (a user reads the message before they report it).
 */
function trackApiRequests(page: Page): { quiet(): Promise<void> } {
  const open = new Set<Request>();
  const isApi = (request: Request) =>
    new URL(request.url()).pathname.startsWith('/api/v1/') &&
    request.headers()['accept'] !== 'text/event-stream';
  page.on('request', (request) => isApi(request) && open.add(request));
  page.on('requestfinished', (request) => open.delete(request));
  page.on('requestfailed', (request) => open.delete(request));
  return {
    async quiet() {
      const deadline = Date.now() + STEP_TIMEOUT_MS;
      for (let idle = 0; idle < 3;) {
        if (Date.now() > deadline)
          throw new Error(`API requests still open: ${[...open].map((r) => r.url())}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        idle = open.size === 0 ? idle + 1 : 0;
      }
    },
  };
}
