// The task pane with its providers: the host's theme and the services it runs on.
import { FluentProvider } from '@fluentui/react-components';
import type { ApiClient } from '../api/client.js';
import type { MailHost } from '../host/mail-host.js';
import { ServicesProvider } from '../ui/services.js';
import { mediaMatches, officeTheme, themeNameForHost, type ThemeName } from '../ui/theme.js';
import { TaskPane } from './TaskPane.js';

export interface TaskPaneAppProps {
  host: MailHost;
  api: ApiClient;
  consoleUrl?: string;
  /** Overrides the host's theme (the harness's theme switch). */
  themeName?: ThemeName;
}

export function TaskPaneApp({ host, api, consoleUrl, themeName }: TaskPaneAppProps) {
  const name = themeName ?? themeNameForHost(host.theme(), mediaMatches('(prefers-color-scheme: dark)'));
  return (
    <FluentProvider theme={officeTheme(name)} style={{ height: '100%' }}>
      <ServicesProvider value={{ host, api, ...(consoleUrl ? { consoleUrl } : {}) }}>
        <TaskPane />
      </ServicesProvider>
    </FluentProvider>
  );
}
