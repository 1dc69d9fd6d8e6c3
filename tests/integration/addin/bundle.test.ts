// The add-in's production and sandbox builds: the contract's pages, no sandbox code in
// production, no Microsoft host in sandbox pages, a plain-script command bundle, and the size
// budgets (gzip: task pane 300 KB, commands 60 KB).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildAddin, pageWeights, type PageWeight } from '../../helpers/addin-build.js';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const KB = 1024;
let root: string;
let production: string;
let sandbox: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'clawback-addin-'));
  production = await buildAddin('production', join(root, 'production'));
  sandbox = await buildAddin('sandbox', join(root, 'sandbox'));
}, 240_000);
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const textFiles = (dist: string) =>
  [
    ...readdirSync(dist).map((f) => join(dist, f)),
    ...readdirSync(join(dist, 'assets')).map((f) => join(dist, 'assets', f)),
  ]
    .filter((f) => /\.(html|js|css)$/.test(f))
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }));

const weight = (weights: PageWeight[], page: string) => weights.find((w) => w.page === page)!;

describe('production build', () => {
  it('has the contract pages and no harness', () => {
    const pages = readdirSync(production)
      .filter((f) => f.endsWith('.html'))
      .sort();
    expect(pages).toEqual(['admin.html', 'commands.html', 'taskpane.html']);
  });

  it('contains no sandbox code path', () => {
    const offenders = textFiles(production)
      .filter(({ text }) => /\/sandbox\b|createHarnessApi|SandboxSignIn/.test(text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });

  it('loads Office.js from its CDN before the task pane and the commands', () => {
    const taskpane = readFileSync(join(production, 'taskpane.html'), 'utf8');
    expect(taskpane.indexOf(OFFICE_JS)).toBeGreaterThan(-1);
    expect(taskpane.indexOf(OFFICE_JS)).toBeLessThan(taskpane.indexOf('type="module"'));
    const commands = readFileSync(join(production, 'commands.html'), 'utf8');
    expect(commands.indexOf(OFFICE_JS)).toBeLessThan(commands.indexOf('src="commands.js"'));
  });

  it('bundles the commands into one plain script: no imports, no React', () => {
    const script = readFileSync(join(production, 'commands.js'), 'utf8');
    expect(script.trimStart().startsWith('(function')).toBe(true);
    expect(script).not.toMatch(/(^|[;}\s])import\s*[\s{*"'(]/);
    expect(script).not.toMatch(/(^|[;}\s])export\s*[{*]/);
    expect(script).not.toContain('react.production');
    expect(script).not.toContain('__reactFiber');
    expect(script).toContain('onSpamReport');
    expect(script).toContain('reportPhishing');
  });

  it('keeps within the size budgets', () => {
    const weights = pageWeights(production);
    const taskpane = weight(weights, 'taskpane.html');
    const commands = weight(weights, 'commands.html');
    expect(commands.initial).toEqual(['commands.js']);
    expect(commands.totalGzip).toBeLessThanOrEqual(60 * KB);
    expect(taskpane.totalGzip).toBeLessThanOrEqual(300 * KB);
    // MSAL loads when a token is first needed, not before the pane renders.
    expect(taskpane.lazy.some((f) => /msal-/.test(f))).toBe(true);
    expect(taskpane.initial.some((f) => /msal-/.test(f))).toBe(false);
  });
});

describe('commands.js in a runtime without modules', () => {
  /** Just enough of Office.js for the commands: an open message, SSO, the notification bar. */
  function fakeOffice() {
    const handlers = new Map<string, (event: unknown) => void>();
    const notifications: unknown[] = [];
    const succeeded = (value?: unknown) => ({ status: 'succeeded', value });
    const office = {
      actions: {
        associate: (name: string, handler: (event: unknown) => void) => handlers.set(name, handler),
      },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      MailboxEnums: {
        RestVersion: { v2_0: 'v2.0' },
        ItemNotificationMessageType: {
          InformationalMessage: 'informationalMessage',
          ErrorMessage: 'errorMessage',
        },
      },
      auth: { getAccessToken: async () => 'sso-token' },
      context: {
        requirements: { isSetSupported: () => true },
        mailbox: {
          diagnostics: { hostName: 'Outlook' },
          convertToRestId: (id: string) => id.replace(/\//g, '-').replace(/\+/g, '_'),
          item: {
            itemId: 'AAMkAGI2TG93AAA/ews+id',
            internetMessageId: '<8f2a@mail.c0ntoso.com>',
            subject: 'Action required',
            from: { displayName: 'IT Support', emailAddress: 'it-support@c0ntoso.com' },
            getAsFileAsync: (callback: (result: unknown) => void) => callback(succeeded('RnJvbTog')),
            notificationMessages: {
              replaceAsync: (_key: string, details: unknown, callback: (result: unknown) => void) => {
                notifications.push(details);
                callback(succeeded());
              },
            },
          },
        },
      },
    };
    return { office, handlers, notifications };
  }

  it('registers the four handlers, reports and completes each event', async () => {
    const { office, handlers, notifications } = fakeOffice();
    const fetch = vi.fn(async () =>
      Response.json(
        {
          id: '6f1c7c52-3e5b-4f0e-9d1a-2b8f0c4e7a11',
          status: 'new',
          campaignId: '0b7e3d2a-9c41-4f6e-8a55-1d2c3b4a5f66',
          duplicate: false,
          reporterCopy: 'deletedItems',
        },
        { status: 201 },
      ),
    );
    const {
      setTimeout,
      clearTimeout,
      URL,
      URLSearchParams,
      TextDecoder,
      TextEncoder,
      AbortController,
      Response: R,
    } = globalThis;
    const sandbox = createContext({
      Office: office,
      fetch,
      location: { origin: 'https://clawback.example' },
      ...{
        setTimeout,
        clearTimeout,
        URL,
        URLSearchParams,
        TextDecoder,
        TextEncoder,
        AbortController,
        Response: R,
      },
    });
    runInContext(readFileSync(join(production, 'commands.js'), 'utf8'), sandbox);
    expect([...handlers.keys()].sort()).toEqual([
      'onSpamReport',
      'reportJunk',
      'reportNotJunk',
      'reportPhishing',
    ]);

    await new Promise((completed) => handlers.get('reportJunk')!({ completed }));
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://clawback.example/api/v1/reports');
    expect(init.headers).toMatchObject({ authorization: 'Bearer sso-token' });
    expect(JSON.parse(String(init.body))).toEqual({ itemId: 'AAMkAGI2TG93AAA-ews_id', category: 'junk' });
    expect(notifications).toEqual([
      expect.objectContaining({ type: 'informationalMessage', icon: 'Icon.16' }),
    ]);

    const completion = await new Promise((completed) =>
      handlers.get('onSpamReport')!({
        options: [true, false, false, false, false],
        freeText: 'odd link',
        completed,
      }),
    );
    expect(completion).toMatchObject({ onErrorDeleteItem: true, moveItemTo: 'deletedItemsFolder' });
    expect(
      JSON.parse(String((fetch.mock.calls[1] as unknown as [string, RequestInit])[1].body)),
    ).toMatchObject({
      category: 'phishing',
      eml: 'RnJvbTog',
      comment: 'odd link',
    });
  });
});

describe('sandbox build', () => {
  it('adds the harness and never loads anything from a Microsoft host', () => {
    expect(readdirSync(sandbox)).toContain('harness.html');
    const microsoft = textFiles(sandbox)
      .filter(({ path }) => path.endsWith('.html'))
      .filter(({ text }) => /https:\/\/[^"']*(microsoft|office|office365|live)\.(com|net)/.test(text));
    expect(microsoft).toEqual([]);
  });
});
