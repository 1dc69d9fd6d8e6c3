/// <reference types="office-js" />
// Entry of taskpane.html inside Outlook: wait for Office.js, then run the task pane on the Office
// adapter with nested app authentication.
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../api/client.js';
import { describeError } from '../api/describe-error.js';
import { createOutlookTokenProvider } from '../auth/outlook-auth.js';
import { buildAuthSettings } from '../auth/settings.js';
import { createOfficeMailHost, officeReady } from '../host/office-adapter.js';
import { mediaMatches } from '../ui/theme.js';
import { NoHost } from './NoHost.js';
import { TaskPaneApp } from './TaskPaneApp.js';

async function start(container: HTMLElement) {
  const root = createRoot(container);
  const office = await officeReady((globalThis as { Office?: typeof Office }).Office);
  if (!office) {
    root.render(<NoHost />);
    return;
  }
  try {
    const host = createOfficeMailHost(office, {
      forcedColors: () => mediaMatches('(forced-colors: active)'),
    });
    const tokens = createOutlookTokenProvider(office, buildAuthSettings());
    root.render(<TaskPaneApp host={host} api={createApiClient({ tokens })} consoleUrl="admin.html" />);
  } catch (error) {
    root.render(<NoHost problem={describeError(error)} />);
  }
}

const container = document.getElementById('root');
if (container) void start(container);
