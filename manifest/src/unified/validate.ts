// Offline validation of the unified manifest: the JSON schema @microsoft/app-manifest ships (never
// fetched), then what the schema cannot know: every URL https and under the deployment's base URL,
// single sign-on naming that host, and the Outlook extension wired to Clawback's pages and commands.
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { OUTPUT_FILES, PAGES, REPORT_COMMANDS, USER_SCOPE } from '../names.js';
import { baseUrlFrom, urlProblem } from '../urls.js';
import { loadBundledSchema } from './schema.js';
import { readableSchemaErrors } from './schema-errors.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export async function validateUnifiedManifest(
  manifest: unknown,
  context: { baseUrl?: string; file?: string } = {},
): Promise<string[]> {
  const file = context.file ?? OUTPUT_FILES.unified;
  if (!isObject(manifest)) return [`${file}: must be a JSON object`];
  const schema = loadBundledSchema();
  const raw = await AppManifestUtils.validateAgainstSchema(
    manifest as unknown as AppManifest,
    schema as never,
  );
  const problems = readableSchemaErrors(raw, file);

  const baseUrl = context.baseUrl ?? unifiedBaseUrl(manifest);
  if (!baseUrl) {
    problems.push(
      `${file}: /staticTabs/0/contentUrl must be the console page (…${PAGES.console}) or pass the base URL`,
    );
    return problems;
  }
  const report = (path: string, message: string) => problems.push(`${file}: ${path} ${message}`);
  checkUrls(manifest, '', baseUrl, report);
  checkTeams(manifest, baseUrl, report);
  if (manifest.extensions !== undefined) checkOutlook(manifest, baseUrl, report);
  return [...new Set(problems)];
}

type Report = (path: string, message: string) => void;

/** The deployment's base URL as the console tab names it, when no base URL is given. */
export function unifiedBaseUrl(manifest: unknown): string | null {
  return isObject(manifest) ? baseUrlFrom(staticTabUrl(manifest), PAGES.console) : null;
}

function staticTabUrl(manifest: Json): unknown {
  const first = list(manifest.staticTabs)[0];
  return isObject(first) ? first.contentUrl : undefined;
}

/** A page URL that is not the expected one, unless it is already reported as a bad URL. */
function misdirected(value: unknown, expected: string, baseUrl: string): boolean {
  if (value === expected) return false;
  return !(typeof value === 'string' && /^https?:\/\//i.test(value) && urlProblem(value, baseUrl));
}

/** Every string that is an http(s) URL, wherever it sits (the $schema reference aside). */
function checkUrls(value: unknown, path: string, baseUrl: string, report: Report) {
  if (typeof value === 'string') {
    if (/^https?:\/\//i.test(value)) {
      const problem = urlProblem(value, baseUrl);
      if (problem) report(path, problem);
    }
    return;
  }
  if (Array.isArray(value)) value.forEach((item, i) => checkUrls(item, `${path}/${i}`, baseUrl, report));
  else if (isObject(value))
    for (const [key, item] of Object.entries(value))
      if (!(path === '' && key === '$schema')) checkUrls(item, `${path}/${key}`, baseUrl, report);
}

function checkTeams(manifest: Json, baseUrl: string, report: Report) {
  const host = new URL(baseUrl).host;
  if (!list(manifest.validDomains).includes(host)) report('/validDomains', `must include ${host}`);
  const consoleUrl = `${baseUrl}${PAGES.console}`;
  list(manifest.staticTabs).forEach((tab, i) => {
    if (isObject(tab) && misdirected(tab.contentUrl, consoleUrl, baseUrl))
      report(`/staticTabs/${i}/contentUrl`, `must be ${consoleUrl}`);
  });
  const sso = manifest.webApplicationInfo;
  if (!isObject(sso)) return report('/webApplicationInfo', `is required for single sign-on (${USER_SCOPE})`);
  const expected = `api://${host}/${String(sso.id)}`;
  if (String(sso.resource).toLowerCase() !== expected.toLowerCase())
    report(
      '/webApplicationInfo/resource',
      `must be ${expected} (the App ID URI naming this host and client id)`,
    );
}

function checkOutlook(manifest: Json, baseUrl: string, report: Report) {
  const extension = list(manifest.extensions)[0];
  if (!isObject(extension)) return report('/extensions/0', 'must describe the Outlook extension');
  const actions = new Map<string, { type: unknown; page: unknown }>();
  list(extension.runtimes).forEach((runtime) => {
    if (!isObject(runtime)) return;
    const page = isObject(runtime.code) ? runtime.code.page : undefined;
    for (const action of list(runtime.actions))
      if (isObject(action) && typeof action.id === 'string')
        actions.set(action.id, { type: action.type, page });
  });
  const commandsPage = `${baseUrl}${PAGES.commands}`;
  for (const name of Object.values(REPORT_COMMANDS)) {
    const action = actions.get(name);
    if (!action) report('/extensions/0/runtimes', `must declare the executeFunction action "${name}"`);
    else if (action.type !== 'executeFunction' || misdirected(action.page, commandsPage, baseUrl))
      report('/extensions/0/runtimes', `action "${name}" must be an executeFunction in ${commandsPage}`);
  }
  const taskPane = `${baseUrl}${PAGES.taskPane}`;
  if (![...actions.values()].some((a) => a.type === 'openPage' && !misdirected(a.page, taskPane, baseUrl)))
    report('/extensions/0/runtimes', `must open the task pane ${taskPane}`);
  checkRibbonActions(extension, actions, report);
}

/** Each ribbon control and menu item must name an action a runtime declares. */
function checkRibbonActions(extension: Json, actions: Map<string, unknown>, report: Report) {
  const used = new Set<string>();
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((item, i) => visit(item, `${path}/${i}`));
    if (!isObject(value)) return;
    if (typeof value.actionId === 'string') {
      used.add(value.actionId);
      if (!actions.has(value.actionId))
        report(`${path}/actionId`, `names no runtime action ("${value.actionId}")`);
    }
    for (const [key, item] of Object.entries(value)) visit(item, `${path}/${key}`);
  };
  visit(extension.ribbons, '/extensions/0/ribbons');
  for (const name of Object.values(REPORT_COMMANDS))
    if (!used.has(name)) report('/extensions/0/ribbons', `must offer the "${name}" command`);
}
