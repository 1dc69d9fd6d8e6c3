// The add-in only (XML) manifest, for what the unified manifest cannot do in production yet: Outlook's
// integrated spam reporting (ReportPhishingCommandSurface). It carries the same ribbon commands, so
// it is a complete Outlook add-in on its own.
//
// Two levels of VersionOverrides: V1_0 (Mailbox 1.3) gives older clients the ribbon; V1_1 (Mailbox
// 1.14, where integrated spam reporting starts) repeats the ribbon and adds the spam-reporting
// surface and the runtime that serves both. Both carry WebApplicationInfo for Office single sign-on,
// which the function commands use; the task pane's nested app authentication needs nothing here (it
// uses the app registration's brk-multihub:// redirect URI).
import { PAGES, outlookIconPath } from '../names.js';
import { urlFor, type ResolvedOptions } from '../options.js';
import { STRINGS } from '../strings.js';
import { ResourceTable } from './resources.js';
import { COMMANDS_URL_ID, functionFile, messageReadSurface, reportPhishingSurface } from './surfaces.js';
import { el, serializeXml, type XmlElement } from './writer.js';

export const SPAM_REPORTING_MIN_VERSION = '1.14';
export const COMMANDS_MIN_VERSION = '1.3';

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  mailappor: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.0',
  overrides10: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  overrides11: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
};

export function renderXmlManifest(options: ResolvedOptions): string {
  const url = (path: string) => urlFor(options, path);
  const root = el(
    'OfficeApp',
    {
      xmlns: NS.app,
      'xmlns:xsi': NS.xsi,
      'xmlns:bt': NS.bt,
      'xmlns:mailappor': NS.mailappor,
      'xsi:type': 'MailApp',
    },
    el('Id', {}, options.xmlAddinId),
    el('Version', {}, `${options.appVersion}.0`),
    el('ProviderName', {}, options.appName),
    el('DefaultLocale', {}, 'en-US'),
    el('DisplayName', { DefaultValue: options.appName }),
    el('Description', { DefaultValue: STRINGS.shortDescription }),
    el('IconUrl', { DefaultValue: url(outlookIconPath(64)) }),
    el('HighResolutionIconUrl', { DefaultValue: url(outlookIconPath(128)) }),
    el('SupportUrl', { DefaultValue: url(PAGES.console) }),
    el('AppDomains', {}, el('AppDomain', {}, options.origin)),
    el('Hosts', {}, el('Host', { Name: 'Mailbox' })),
    el('Requirements', {}, el('Sets', {}, el('Set', { Name: 'Mailbox', MinVersion: '1.1' }))),
    el(
      'FormSettings',
      {},
      el(
        'Form',
        { 'xsi:type': 'ItemRead' },
        el(
          'DesktopSettings',
          {},
          el('SourceLocation', { DefaultValue: url(PAGES.taskPane) }),
          el('RequestedHeight', {}, '250'),
        ),
      ),
    ),
    el('Permissions', {}, 'ReadWriteItem'),
    el(
      'Rule',
      { 'xsi:type': 'RuleCollection', Mode: 'Or' },
      el('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Read' }),
    ),
    el('DisableEntityHighlighting', {}, 'false'),
    versionOverrides10(options),
  );
  return serializeXml(root);
}

function mailboxRequirement(minVersion: string): XmlElement {
  return el(
    'Requirements',
    {},
    el('bt:Sets', { DefaultMinVersion: minVersion }, el('bt:Set', { Name: 'Mailbox' })),
  );
}

function versionOverrides10(options: ResolvedOptions): XmlElement {
  const res = new ResourceTable();
  const host = el(
    'Host',
    { 'xsi:type': 'MailHost' },
    el('DesktopFormFactor', {}, functionFile(res, options), messageReadSurface(res, options)),
  );
  return el(
    'VersionOverrides',
    { xmlns: NS.overrides10, 'xsi:type': 'VersionOverridesV1_0' },
    mailboxRequirement(COMMANDS_MIN_VERSION),
    el('Hosts', {}, host),
    res.toElement(),
    versionOverrides11(options),
    webApplicationInfo(options),
  );
}

function versionOverrides11(options: ResolvedOptions): XmlElement {
  const res = new ResourceTable();
  // One runtime for the function commands and the spam-reporting handler: the page in browsers and
  // new Outlook, the import-free script in classic Outlook on Windows.
  const runtimes = el(
    'Runtimes',
    {},
    el(
      'Runtime',
      { resid: res.url(COMMANDS_URL_ID, urlFor(options, PAGES.commands)) },
      el('Override', {
        type: 'javascript',
        resid: res.url('Commands.Js', urlFor(options, PAGES.commandsScript)),
      }),
    ),
  );
  const host = el(
    'Host',
    { 'xsi:type': 'MailHost' },
    runtimes,
    el(
      'DesktopFormFactor',
      {},
      functionFile(res, options),
      messageReadSurface(res, options),
      reportPhishingSurface(res, options),
    ),
  );
  return el(
    'VersionOverrides',
    { xmlns: NS.overrides11, 'xsi:type': 'VersionOverridesV1_1' },
    mailboxRequirement(SPAM_REPORTING_MIN_VERSION),
    el('Hosts', {}, host),
    res.toElement(),
    webApplicationInfo(options),
  );
}

// The function commands get their tokens from Office single sign-on (getAccessToken), which reads
// this; both levels carry it, and it must be the last child of its VersionOverrides.
function webApplicationInfo(options: ResolvedOptions): XmlElement {
  return el(
    'WebApplicationInfo',
    {},
    el('Id', {}, options.clientId),
    el('Resource', {}, options.apiIdUri),
    el('Scopes', {}, el('Scope', {}, 'openid'), el('Scope', {}, 'profile')),
  );
}
