// The admin console's frame: who is signed in, what they may do, and the sections later work
// fills in. Sections a caller cannot use will be hidden here; the API refuses them anyway.
import { useId, useState } from 'react';
import {
  Badge,
  Button,
  Caption1,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ROLE_DISPLAY_NAMES } from '@clawback/shared';
import type { ApiClient } from '../api/client.js';
import { strings } from '../strings.js';
import { ErrorState, LoadingState } from '../ui/StateViews.js';
import { useAsync } from '../ui/use-async.js';

export const CONSOLE_SECTIONS = [
  'overview',
  'reports',
  'retractions',
  'policies',
  'directory',
  'collections',
  'audit',
  'health',
] as const;
export type ConsoleSection = (typeof CONSOLE_SECTIONS)[number];

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, 14rem) 1fr',
    gridTemplateRows: 'auto 1fr',
    minHeight: '100vh',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    gridColumn: '1 / -1',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  who: {
    marginInlineStart: 'auto',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  nav: { padding: tokens.spacingVerticalM },
  content: { padding: tokens.spacingHorizontalXL, backgroundColor: tokens.colorNeutralBackground1 },
});

export function ConsoleShell({ api, onSignOut }: { api: ApiClient; onSignOut?: () => void }) {
  const styles = useStyles();
  const panelId = useId();
  const me = useAsync(() => api.me(), [api]);
  const [section, setSection] = useState<ConsoleSection>('overview');

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">{strings.console.title}</Title3>
        <div className={styles.who}>
          {me.status === 'ready' ? (
            <>
              <Text>{strings.console.signedInAs(me.data.displayName ?? me.data.upn ?? me.data.oid)}</Text>
              {me.data.roles.length ? (
                me.data.roles.map((role) => (
                  <Badge key={role} appearance="tint">
                    {ROLE_DISPLAY_NAMES[role]}
                  </Badge>
                ))
              ) : (
                <Caption1>{strings.console.noRoles}</Caption1>
              )}
            </>
          ) : null}
          {onSignOut ? (
            <Button size="small" onClick={onSignOut}>
              {strings.common.signOut}
            </Button>
          ) : null}
        </div>
      </header>
      <nav className={styles.nav} aria-label={strings.console.navLabel}>
        <TabList
          vertical
          selectedValue={section}
          onTabSelect={(_, data) => setSection(data.value as ConsoleSection)}
        >
          {CONSOLE_SECTIONS.map((name) => (
            <Tab key={name} value={name} aria-controls={panelId}>
              {strings.console.nav[name]}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main id={panelId} role="tabpanel" className={styles.content} aria-label={strings.console.nav[section]}>
        <h2>{strings.console.nav[section]}</h2>
        {me.status === 'loading' ? <LoadingState /> : null}
        {me.status === 'error' ? <ErrorState error={me.error} onRetry={me.reload} /> : null}
        {me.status === 'ready' ? (
          <>
            <Text as="p">{strings.console.pending(strings.console.nav[section])}</Text>
            <Caption1 block>
              {strings.console.capabilities}: {me.data.capabilities.join(', ')}
            </Caption1>
          </>
        ) : null}
      </main>
    </div>
  );
}
