// Offline validation of the add-in only (XML) manifest: well-formed, every element Outlook requires
// of a mail add-in, every URL https under the deployment, Clawback's pages and function names. The
// official XSDs are not distributed in a form that can be shipped here, so these checks stand in.
import { OUTPUT_FILES, PAGES } from '../names.js';
import { baseUrlFrom, urlProblem } from '../urls.js';
import { parseXml } from './tree.js';
import {
  checkAppDomains,
  checkFormSettings,
  checkRoot,
  checkTopLevel,
  taskPaneUrl,
} from './validate-base.js';
import { checkOverrides } from './validate-overrides.js';

/** The deployment's base URL as the task pane form names it, when no base URL is given. */
export function xmlBaseUrl(xml: string): string | null {
  const parsed = parseXml(xml);
  return parsed.ok ? baseUrlFrom(taskPaneUrl(parsed.root), PAGES.taskPane) : null;
}

export function validateXmlManifest(
  xml: string,
  context: { baseUrl?: string; file?: string } = {},
): string[] {
  const file = context.file ?? OUTPUT_FILES.xml;
  const parsed = parseXml(xml);
  if (!parsed.ok) return [`${file}: is not well-formed XML: ${parsed.error}`];
  const problems: string[] = [];
  const report = (path: string, message: string) => problems.push(`${file}: ${path} ${message}`);
  const { root } = parsed;
  if (!checkRoot(root, report)) return problems;
  checkTopLevel(root, report);
  const baseUrl = context.baseUrl ?? baseUrlFrom(taskPaneUrl(root), PAGES.taskPane);
  if (!baseUrl) {
    report('OfficeApp/FormSettings', `must name the task pane (…${PAGES.taskPane}), or pass the base URL`);
    return problems;
  }
  checkFormSettings(root, baseUrl, report);
  checkAppDomains(root, baseUrl, report);
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const value = root.children.find((c) => c.name === name)?.attributes.DefaultValue;
    if (value) {
      const problem = urlProblem(value, baseUrl);
      if (problem) report(`OfficeApp/${name}`, problem);
    }
  }
  checkOverrides(root, baseUrl, report);
  return [...new Set(problems)];
}
