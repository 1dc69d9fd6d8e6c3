// The two Outlook extension points: the read-mode ribbon group (the Report menu running function
// commands, and the button opening the task pane), and ReportPhishingCommandSurface, which puts
// Clawback behind Outlook's own Report button with a pre-processing dialog.
import {
  OUTLOOK_ICON_SIZES,
  PAGES,
  REPORT_COMMANDS,
  SPAM_REPORT_HANDLER,
  outlookIconPath,
} from '../names.js';
import { urlFor, type ResolvedOptions } from '../options.js';
import { STRINGS } from '../strings.js';
import type { ResourceTable } from './resources.js';
import { el, type XmlElement } from './writer.js';

/** Ribbon controls take 16, 32 and 80 pixel images. */
const RIBBON_SIZES = OUTLOOK_ICON_SIZES.filter((size) => size === 16 || size === 32 || size === 80);

export const COMMANDS_URL_ID = 'Commands.Url';

function icon(res: ResourceTable, options: ResolvedOptions): XmlElement {
  return el(
    'Icon',
    {},
    RIBBON_SIZES.map((size) =>
      el('bt:Image', { size, resid: res.image(`Icon.${size}`, urlFor(options, outlookIconPath(size))) }),
    ),
  );
}

function supertip(res: ResourceTable, id: string, title: string, description: string): XmlElement {
  return el(
    'Supertip',
    {},
    el('Title', { resid: res.short(`${id}.Title`, title) }),
    el('Description', { resid: res.long(`${id}.Desc`, description) }),
  );
}

export function functionFile(res: ResourceTable, options: ResolvedOptions): XmlElement {
  return el('FunctionFile', { resid: res.url(COMMANDS_URL_ID, urlFor(options, PAGES.commands)) });
}

export function messageReadSurface(res: ResourceTable, options: ResolvedOptions): XmlElement {
  const item = (key: keyof typeof REPORT_COMMANDS) => {
    const text = STRINGS.reportItems[key];
    const id = REPORT_COMMANDS[key];
    return el(
      'Item',
      { id: `${id}Item` },
      el('Label', { resid: res.short(`${id}.Label`, text.label) }),
      supertip(res, id, text.title, text.description),
      icon(res, options),
      el('Action', { 'xsi:type': 'ExecuteFunction' }, el('FunctionName', {}, id)),
    );
  };
  const menu = el(
    'Control',
    { 'xsi:type': 'Menu', id: 'reportMenu' },
    el('Label', { resid: res.short('Report.Label', STRINGS.reportMenu.label) }),
    supertip(res, 'Report', STRINGS.reportMenu.title, STRINGS.reportMenu.description),
    icon(res, options),
    el('Items', {}, item('phishing'), item('junk'), item('notJunk')),
  );
  const paneButton = el(
    'Control',
    { 'xsi:type': 'Button', id: 'openClawbackButton' },
    el('Label', { resid: res.short('Pane.Label', STRINGS.openPane.label) }),
    supertip(res, 'Pane', STRINGS.openPane.title, STRINGS.openPane.description),
    icon(res, options),
    el(
      'Action',
      { 'xsi:type': 'ShowTaskpane' },
      el('SourceLocation', { resid: res.url('Taskpane.Url', urlFor(options, PAGES.taskPane)) }),
    ),
  );
  return el(
    'ExtensionPoint',
    { 'xsi:type': 'MessageReadCommandSurface' },
    el(
      'OfficeTab',
      { id: 'TabDefault' },
      el(
        'Group',
        { id: 'clawbackGroup' },
        el('Label', { resid: res.short('Group.Label', STRINGS.group) }),
        menu,
        paneButton,
      ),
    ),
  );
}

export function reportPhishingSurface(res: ResourceTable, options: ResolvedOptions): XmlElement {
  const { spam } = STRINGS;
  const button = el(
    'Control',
    { 'xsi:type': 'Button', id: 'spamReportButton' },
    el('Label', { resid: res.short('Spam.Label', spam.button) }),
    supertip(res, 'Spam', spam.buttonTitle, spam.buttonDescription),
    icon(res, options),
    el('Action', { 'xsi:type': 'ExecuteFunction' }, el('FunctionName', {}, SPAM_REPORT_HANDLER)),
  );
  const dialog = el(
    'PreProcessingDialog',
    {},
    el('Title', { resid: res.short('Dialog.Title', spam.dialogTitle) }),
    el('Description', { resid: res.long('Dialog.Desc', spam.dialogDescription) }),
    el(
      'ReportingOptions',
      {},
      el('Title', { resid: res.short('Options.Title', spam.optionsTitle) }),
      spam.options.map((text, i) => el('Option', { resid: res.short(`Option${i + 1}.Label`, text) })),
    ),
    el('FreeTextLabel', { resid: res.short('FreeText.Label', spam.freeText) }),
    el(
      'MoreInfo',
      {},
      el('MoreInfoText', { resid: res.short('MoreInfo.Label', spam.moreInfo) }),
      el('MoreInfoUrl', { resid: res.url('MoreInfo.Url', urlFor(options, PAGES.console)) }),
    ),
  );
  return el(
    'ExtensionPoint',
    { 'xsi:type': 'ReportPhishingCommandSurface' },
    el(
      'ReportPhishingCustomization',
      {},
      button,
      dialog,
      el('SourceLocation', { resid: res.url(COMMANDS_URL_ID, urlFor(options, PAGES.commands)) }),
    ),
  );
}
