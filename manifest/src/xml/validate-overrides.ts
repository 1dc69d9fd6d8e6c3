// Checks on the VersionOverrides levels: resources and every resid that points at them, the ribbon
// commands and the spam-reporting surface wired to Clawback's pages and function names, requirement
// sets, and single sign-on.
import { FUNCTION_NAMES, PAGES, REPORT_COMMANDS, SPAM_REPORT_HANDLER } from '../names.js';
import { urlProblem } from '../urls.js';
import { isGuid, type Report } from './validate-base.js';
import { childNamed, childrenNamed, label, type XmlTree } from './tree.js';

const LEVELS = [
  { type: 'VersionOverridesV1_0', xmlns: 'http://schemas.microsoft.com/office/mailappversionoverrides' },
  { type: 'VersionOverridesV1_1', xmlns: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1' },
];
const RESOURCE_GROUPS = {
  'bt:Images': { item: 'bt:Image', max: Infinity, url: true },
  'bt:Urls': { item: 'bt:Url', max: Infinity, url: true },
  'bt:ShortStrings': { item: 'bt:String', max: 125, url: false },
  'bt:LongStrings': { item: 'bt:String', max: 250, url: false },
};

interface Level {
  node: XmlTree;
  path: string;
  resources: Map<string, string>;
  elements: { node: XmlTree; path: string }[];
}

export function checkOverrides(root: XmlTree, baseUrl: string, report: Report) {
  const levels: Level[] = [];
  let parent: XmlTree | undefined = root;
  let path = 'OfficeApp';
  for (const expected of LEVELS) {
    const node: XmlTree | undefined = parent && childNamed(parent, 'VersionOverrides');
    path = `${path}/VersionOverrides`;
    if (!node) {
      report(path, `is missing (${expected.type})`);
      break;
    }
    if (node.attributes['xsi:type'] !== expected.type || node.attributes.xmlns !== expected.xmlns)
      report(path, `must be xsi:type="${expected.type}" with xmlns="${expected.xmlns}"`);
    levels.push(readLevel(node, `${path}[${expected.type}]`, baseUrl, report));
    parent = node;
  }
  const used = new Set<string>();
  for (const level of levels) {
    checkLevel(level, baseUrl, report);
    for (const { node } of level.elements) if (node.name === 'FunctionName') used.add(node.text.trim());
  }
  for (const name of FUNCTION_NAMES)
    if (!used.has(name)) report('OfficeApp/VersionOverrides', `must run the function "${name}"`);
  for (const level of levels) checkWebApplicationInfo(level, baseUrl, report);
  const v11 = levels[1];
  if (v11) {
    checkSpamSurface(v11, baseUrl, report);
    checkMinVersion(v11, '1.14', report);
  }
}

/** A level's own elements (not its nested VersionOverrides) and its resources by id. */
function readLevel(node: XmlTree, path: string, baseUrl: string, report: Report): Level {
  const elements: Level['elements'] = [];
  const walk = (parent: XmlTree, parentPath: string) => {
    for (const child of parent.children) {
      if (child.name === 'VersionOverrides') continue;
      const childPath = `${parentPath}/${label(child)}`;
      elements.push({ node: child, path: childPath });
      walk(child, childPath);
    }
  };
  walk(node, path);
  const table = childNamed(node, 'Resources');
  if (!table) report(`${path}/Resources`, 'is missing');
  return { node, path, resources: readResources(table, `${path}/Resources`, baseUrl, report), elements };
}

/** Resource values by id, checking ids, lengths and URLs on the way. */
function readResources(table: XmlTree | undefined, path: string, baseUrl: string, report: Report) {
  const resources = new Map<string, string>();
  for (const [groupName, group] of Object.entries(RESOURCE_GROUPS)) {
    const groupNode = table && childNamed(table, groupName);
    for (const entry of groupNode ? childrenNamed(groupNode, group.item) : []) {
      const where = `${path}/${groupName}`;
      const id = entry.attributes.id ?? '';
      const value = entry.attributes.DefaultValue ?? '';
      if (!id || id.length > 32) report(where, `id "${id}" must be 1 to 32 characters`);
      if (resources.has(id)) report(where, `id "${id}" is defined twice`);
      if (value.length > group.max) report(where, `"${id}" must be at most ${group.max} characters`);
      if (group.url) {
        const problem = urlProblem(value, baseUrl);
        if (problem) report(`${where}/${group.item}[${id}]`, problem);
      }
      resources.set(id, value);
    }
  }
  return resources;
}

function checkLevel(level: Level, baseUrl: string, report: Report) {
  checkReferences(level, report);
  checkRibbon(level, baseUrl, report);
  checkMinVersion(level, '1.3', report);
}

/** Every resid resolves, function names are Clawback's, control ids are unique, icons complete. */
function checkReferences(level: Level, report: Report) {
  const controlIds = new Set<string>();
  for (const { node, path } of level.elements) {
    const resid = node.attributes.resid;
    if (resid !== undefined && !level.resources.has(resid))
      report(path, `resid "${resid}" is not defined in this level's Resources`);
    if (node.name === 'FunctionName' && !FUNCTION_NAMES.includes(node.text.trim()))
      report(path, `"${node.text.trim()}" is not a Clawback command (${FUNCTION_NAMES.join(', ')})`);
    if ((node.name === 'Control' || node.name === 'Item') && node.attributes.id) {
      if (controlIds.has(node.attributes.id)) report(path, `id "${node.attributes.id}" is used twice`);
      controlIds.add(node.attributes.id);
    }
    if (node.name === 'Icon') {
      const sizes = childrenNamed(node, 'bt:Image').map((image) => image.attributes.size);
      for (const size of ['16', '32', '80'])
        if (!sizes.includes(size)) report(path, `must have a ${size}-pixel image`);
    }
  }
}

/** The function file and the read-mode ribbon: the three report commands and the task pane button. */
function checkRibbon(level: Level, baseUrl: string, report: Report) {
  const url = (page: string) => `${baseUrl}${page}`;
  const resolved = (node: XmlTree | undefined) =>
    node ? level.resources.get(node.attributes.resid ?? '') : undefined;
  const functionFile = level.elements.find(({ node }) => node.name === 'FunctionFile');
  if (resolved(functionFile?.node) !== url(PAGES.commands))
    report(`${level.path}/…/DesktopFormFactor/FunctionFile`, `must point at ${url(PAGES.commands)}`);
  const ribbon = level.elements.find(
    ({ node }) =>
      node.name === 'ExtensionPoint' && node.attributes['xsi:type'] === 'MessageReadCommandSurface',
  );
  if (!ribbon) return report(`${level.path}/…/DesktopFormFactor`, 'must have a MessageReadCommandSurface');
  const inRibbon = level.elements.filter(({ path }) => path.startsWith(ribbon.path));
  const names = inRibbon
    .filter(({ node }) => node.name === 'FunctionName')
    .map(({ node }) => node.text.trim());
  for (const name of Object.values(REPORT_COMMANDS))
    if (!names.includes(name)) report(ribbon.path, `must offer the "${name}" command`);
  const pane = inRibbon.find(
    ({ node }) => node.name === 'Action' && node.attributes['xsi:type'] === 'ShowTaskpane',
  );
  if (resolved(pane && childNamed(pane.node, 'SourceLocation')) !== url(PAGES.taskPane))
    report(ribbon.path, `must have a ShowTaskpane action for ${url(PAGES.taskPane)}`);
}

function checkSpamSurface(level: Level, baseUrl: string, report: Report) {
  const surface = level.elements.find(
    ({ node }) =>
      node.name === 'ExtensionPoint' && node.attributes['xsi:type'] === 'ReportPhishingCommandSurface',
  );
  if (!surface)
    return report(`${level.path}/…/DesktopFormFactor`, 'must have a ReportPhishingCommandSurface');
  const at = `${surface.path}/ReportPhishingCustomization`;
  const custom = childNamed(surface.node, 'ReportPhishingCustomization');
  if (!custom) return report(at, 'is missing');
  const control = childNamed(custom, 'Control');
  const action = control && childNamed(control, 'Action');
  if (control?.attributes['xsi:type'] !== 'Button' || action?.attributes['xsi:type'] !== 'ExecuteFunction')
    report(`${at}/Control`, 'must be a Button whose Action is ExecuteFunction');
  if (action && childNamed(action, 'FunctionName')?.text.trim() !== SPAM_REPORT_HANDLER)
    report(`${at}/Control/Action`, `must run "${SPAM_REPORT_HANDLER}"`);
  checkDialog(childNamed(custom, 'PreProcessingDialog'), `${at}/PreProcessingDialog`, report);
  const commands = `${baseUrl}${PAGES.commands}`;
  if (level.resources.get(childNamed(custom, 'SourceLocation')?.attributes.resid ?? '') !== commands)
    report(`${at}/SourceLocation`, `must point at ${commands}`);
  const runtime = level.elements.find(({ node }) => node.name === 'Runtime');
  if (!runtime || level.resources.get(runtime.node.attributes.resid ?? '') !== commands)
    report(`${level.path}/Hosts/Host/Runtimes/Runtime`, `must run ${commands}`);
  else if (!childrenNamed(runtime.node, 'Override').some((o) => o.attributes.type === 'javascript'))
    report(runtime.path, 'must have a javascript Override for classic Outlook on Windows');
}

/** Outlook's pre-processing dialog: title, description, up to five options, free text, a more-info link. */
function checkDialog(dialog: XmlTree | undefined, at: string, report: Report) {
  if (!dialog) return report(at, 'is missing');
  for (const name of ['Title', 'Description', 'ReportingOptions', 'FreeTextLabel', 'MoreInfo'])
    if (!childNamed(dialog, name)) report(`${at}/${name}`, 'is missing');
  const reportingOptions = childNamed(dialog, 'ReportingOptions');
  const options = reportingOptions ? childrenNamed(reportingOptions, 'Option') : [];
  if (reportingOptions && (options.length < 1 || options.length > 5))
    report(`${at}/ReportingOptions`, `must have 1 to 5 options (has ${options.length})`);
  const moreInfo = childNamed(dialog, 'MoreInfo');
  if (moreInfo && (!childNamed(moreInfo, 'MoreInfoText') || !childNamed(moreInfo, 'MoreInfoUrl')))
    report(`${at}/MoreInfo`, 'must have MoreInfoText and MoreInfoUrl');
}

function checkMinVersion(level: Level, minimum: string, report: Report) {
  const sets = level.elements.find(({ node }) => node.name === 'bt:Sets');
  const mailbox = sets?.node.children.find((s) => s.attributes.Name === 'Mailbox');
  const version = mailbox?.attributes.MinVersion ?? sets?.node.attributes.DefaultMinVersion;
  if (!mailbox || !version)
    return report(`${level.path}/Requirements`, `must require Mailbox ${minimum} or later`);
  const [major, minor] = version.split('.').map(Number);
  const [needMajor, needMinor] = minimum.split('.').map(Number);
  if (major! < needMajor! || (major === needMajor && minor! < needMinor!))
    report(`${level.path}/Requirements`, `must require Mailbox ${minimum} or later (has ${version})`);
}

/** Office single sign-on, which the function commands rely on, at every level. */
function checkWebApplicationInfo(level: Level, baseUrl: string, report: Report) {
  const info = level.elements.find(({ node }) => node.name === 'WebApplicationInfo');
  if (!info)
    return report(
      `${level.path}/WebApplicationInfo`,
      'is missing (the function commands use Office single sign-on)',
    );
  if (level.node.children.at(-1) !== info.node)
    report(info.path, 'must be the last child of its VersionOverrides');
  const id = childNamed(info.node, 'Id')?.text.trim() ?? '';
  const resource = childNamed(info.node, 'Resource')?.text.trim() ?? '';
  if (!isGuid(id)) report(`${info.path}/Id`, `must be the client id, a GUID (got "${id}")`);
  const expected = `api://${new URL(baseUrl).host}/${id}`;
  if (resource.toLowerCase() !== expected.toLowerCase())
    report(`${info.path}/Resource`, `must be ${expected}`);
  if (!childNamed(info.node, 'Scopes')?.children.length)
    report(`${info.path}/Scopes`, 'must list at least one Scope');
}
