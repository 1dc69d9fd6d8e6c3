// The channel tab's configuration page: Teams shows it when someone adds Clawback to a channel or
// group chat. There is nothing to choose (the tab is the console), so Save is enabled at once and
// saves the console as the tab's content.
import { useEffect } from 'react';
import { Text, Title3 } from '@fluentui/react-components';
import { strings } from '../strings.js';
import type { TabRegistration, TeamsHost } from './teams-host.js';

export function consoleTab(origin: string): TabRegistration {
  const url = `${origin}/admin.html`;
  return {
    entityId: 'console',
    contentUrl: url,
    websiteUrl: url,
    suggestedDisplayName: strings.console.tabConfig.tabName,
  };
}

export function TabConfig({ host, origin }: { host: TeamsHost; origin: string }) {
  useEffect(() => {
    host.configureTab?.(consoleTab(origin));
  }, [host, origin]);
  return (
    <>
      <Title3 as="h1">{strings.console.tabConfig.heading}</Title3>
      <Text as="p">
        {host.configureTab ? strings.console.tabConfig.body : strings.console.tabConfig.unsupported}
      </Text>
    </>
  );
}
