// The Outlook part of the unified manifest: two runtimes (the task pane page, and the command page
// whose functions the Report menu runs) and the read-mode ribbon group that uses them.
import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';
import { OUTLOOK_ICON_SIZES, PAGES, REPORT_COMMANDS, outlookIconPath } from '../names.js';
import { urlFor, type ResolvedOptions } from '../options.js';
import { STRINGS } from '../strings.js';

type Extension = TeamsManifestV1D30.ElementExtension;

/** Function commands and the task pane need Mailbox 1.3; newer features are detected at run time. */
export const UNIFIED_MAILBOX_MIN_VERSION = '1.3';
export const OPEN_TASK_PANE_ACTION = 'openClawback';

// Ribbon icon sizes the unified schema accepts (it has no 64 or 128).
const RIBBON_ICON_SIZES = OUTLOOK_ICON_SIZES.filter((size) => size === 16 || size === 32 || size === 80);

export function outlookExtension(options: ResolvedOptions): Extension {
  const icons = RIBBON_ICON_SIZES.map((size) => ({ size, url: urlFor(options, outlookIconPath(size)) }));
  const reportItem = (key: keyof typeof REPORT_COMMANDS) => ({
    id: `${REPORT_COMMANDS[key]}Item`,
    type: 'menuItem' as const,
    label: STRINGS.reportItems[key].label,
    icons,
    supertip: { title: STRINGS.reportItems[key].title, description: STRINGS.reportItems[key].description },
    actionId: REPORT_COMMANDS[key],
  });
  return {
    requirements: {
      scopes: ['mail'],
      capabilities: [{ name: 'Mailbox', minVersion: UNIFIED_MAILBOX_MIN_VERSION }],
    },
    runtimes: [
      {
        id: 'TaskPaneRuntime',
        type: 'general',
        code: { page: urlFor(options, PAGES.taskPane) },
        lifetime: 'short',
        actions: [{ id: OPEN_TASK_PANE_ACTION, type: 'openPage' }],
      },
      {
        id: 'CommandsRuntime',
        type: 'general',
        code: { page: urlFor(options, PAGES.commands) },
        lifetime: 'short',
        actions: Object.values(REPORT_COMMANDS).map((id) => ({ id, type: 'executeFunction' as const })),
      },
    ],
    ribbons: [
      {
        contexts: ['mailRead'],
        tabs: [
          {
            builtInTabId: 'TabDefault',
            groups: [
              {
                id: 'clawbackGroup',
                label: STRINGS.group,
                icons,
                controls: [
                  {
                    id: 'reportMenu',
                    type: 'menu',
                    label: STRINGS.reportMenu.label,
                    icons,
                    supertip: {
                      title: STRINGS.reportMenu.title,
                      description: STRINGS.reportMenu.description,
                    },
                    items: [reportItem('phishing'), reportItem('junk'), reportItem('notJunk')],
                  },
                  {
                    id: 'openClawbackButton',
                    type: 'button',
                    label: STRINGS.openPane.label,
                    icons,
                    supertip: { title: STRINGS.openPane.title, description: STRINGS.openPane.description },
                    actionId: OPEN_TASK_PANE_ACTION,
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}
