// Checks on the add-in manifest's top level: the elements Outlook requires of a MailApp, in the
// order its schema sets, with values it accepts.
import { PAGES } from '../names.js';
import { urlProblem } from '../urls.js';
import { childNamed, childrenNamed, type XmlTree } from './tree.js';

export type Report = (path: string, message: string) => void;

export const NS_APP = 'http://schemas.microsoft.com/office/appforoffice/1.1';

/** The OfficeApp children a MailApp may have, in schema order. */
const ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'FormSettings',
  'Permissions',
  'Rule',
  'DisableEntityHighlighting',
  'VersionOverrides',
];

const REQUIRED = ORDER.filter((name) => !['AlternateId', 'DisableEntityHighlighting'].includes(name));
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isGuid = (value: string) => GUID.test(value);

export function checkRoot(root: XmlTree, report: Report): boolean {
  if (root.name !== 'OfficeApp') {
    report(root.name, 'must be OfficeApp (the root of an add-in manifest)');
    return false;
  }
  if (root.attributes.xmlns !== NS_APP) report('OfficeApp', `must declare xmlns="${NS_APP}"`);
  if (root.attributes['xsi:type'] !== 'MailApp') report('OfficeApp', 'must have xsi:type="MailApp"');
  return true;
}

export function checkTopLevel(root: XmlTree, report: Report) {
  checkOrder(root, report);
  const text = (name: string) => childNamed(root, name)?.text.trim() ?? '';
  const value = (name: string) => childNamed(root, name)?.attributes.DefaultValue ?? '';
  const present = (name: string) => childNamed(root, name) !== undefined;

  if (present('Id') && !isGuid(text('Id'))) report('OfficeApp/Id', `must be a GUID (got "${text('Id')}")`);
  if (present('Version') && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text('Version')))
    report('OfficeApp/Version', `must be 1 to 4 dot-separated numbers (got "${text('Version')}")`);
  if (present('ProviderName') && !text('ProviderName')) report('OfficeApp/ProviderName', 'must not be empty');
  if (present('DefaultLocale') && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(text('DefaultLocale')))
    report(
      'OfficeApp/DefaultLocale',
      `must be a language tag such as en-US (got "${text('DefaultLocale')}")`,
    );
  checkLength(report, 'DisplayName', value('DisplayName'), present('DisplayName'), 125);
  checkLength(report, 'Description', value('Description'), present('Description'), 250);
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'])
    if (present(name) && !value(name)) report(`OfficeApp/${name}`, 'must have a DefaultValue URL');

  const hosts = childNamed(root, 'Hosts');
  if (hosts && !childrenNamed(hosts, 'Host').some((h) => h.attributes.Name === 'Mailbox'))
    report('OfficeApp/Hosts', 'must contain <Host Name="Mailbox"/>');
  const sets = childNamed(root, 'Requirements')?.children.find((c) => c.name === 'Sets');
  if (
    present('Requirements') &&
    !sets?.children.some((s) => s.name === 'Set' && s.attributes.Name === 'Mailbox')
  )
    report(
      'OfficeApp/Requirements',
      'must require the Mailbox set (<Sets><Set Name="Mailbox" MinVersion="1.1"/></Sets>)',
    );
  const permissions = text('Permissions');
  if (present('Permissions') && !['ReadWriteItem', 'ReadWriteMailbox'].includes(permissions))
    report('OfficeApp/Permissions', `must be ReadWriteItem or ReadWriteMailbox (got "${permissions}")`);
  const rule = childNamed(root, 'Rule');
  if (rule && !rule.attributes['xsi:type'])
    report('OfficeApp/Rule', 'must have an xsi:type (RuleCollection or ItemIs)');
}

export function checkFormSettings(root: XmlTree, baseUrl: string, report: Report) {
  const form = childNamed(root, 'FormSettings')?.children.find(
    (f) => f.attributes['xsi:type'] === 'ItemRead',
  );
  if (!childNamed(root, 'FormSettings')) return;
  const source = form && childNamed(childNamed(form, 'DesktopSettings') ?? form, 'SourceLocation');
  const expected = `${baseUrl}${PAGES.taskPane}`;
  if (source?.attributes.DefaultValue !== expected)
    report(
      'OfficeApp/FormSettings',
      `must have an ItemRead form whose DesktopSettings/SourceLocation is ${expected}`,
    );
}

/** The task pane URL the form names, for telling the base URL when none is given. */
export function taskPaneUrl(root: XmlTree): string | undefined {
  const form = childNamed(root, 'FormSettings')?.children.find(
    (f) => f.attributes['xsi:type'] === 'ItemRead',
  );
  const settings = form && childNamed(form, 'DesktopSettings');
  return settings && childNamed(settings, 'SourceLocation')?.attributes.DefaultValue;
}

export function checkAppDomains(root: XmlTree, baseUrl: string, report: Report) {
  const domains = childNamed(root, 'AppDomains');
  if (!domains) return;
  const origin = new URL(baseUrl).origin;
  const listed = childrenNamed(domains, 'AppDomain').map((d) => d.text.trim());
  for (const domain of listed) {
    const problem = urlProblem(domain, origin);
    if (problem) report('OfficeApp/AppDomains/AppDomain', problem);
  }
  if (!listed.includes(origin)) report('OfficeApp/AppDomains', `must list ${origin}`);
}

function checkOrder(root: XmlTree, report: Report) {
  for (const name of REQUIRED) if (!childNamed(root, name)) report(`OfficeApp/${name}`, 'is missing');
  let last = -1;
  let lastName = '';
  const seen = new Set<string>();
  for (const child of root.children) {
    const index = ORDER.indexOf(child.name);
    if (index < 0) {
      report(`OfficeApp/${child.name}`, 'is not an element of a mail add-in manifest');
      continue;
    }
    if (seen.has(child.name)) report(`OfficeApp/${child.name}`, 'must appear only once');
    if (index < last) report(`OfficeApp/${child.name}`, `must come before ${lastName}`);
    seen.add(child.name);
    if (index > last) [last, lastName] = [index, child.name];
  }
}

function checkLength(report: Report, name: string, value: string, present: boolean, max: number) {
  if (!present) return;
  if (!value) report(`OfficeApp/${name}`, 'must have a DefaultValue');
  else if (value.length > max) report(`OfficeApp/${name}`, `must be at most ${max} characters`);
}
