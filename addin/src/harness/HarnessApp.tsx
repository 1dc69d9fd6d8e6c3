// harness.html (sandbox builds only): a local Outlook. Sign in as a demo user, pick a message of
// their mailbox, and the real task pane and commands run on it through the harness adapter and the
// real API, with tokens from the sandbox.
import { useMemo, useState } from 'react';
import {
  Caption1,
  FluentProvider,
  Select,
  Text,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { createApiClient } from '../api/client.js';
import { createHarnessMailHost, type HarnessNotification } from '../host/harness-adapter.js';
import { createHarnessApi, type DemoUser, type HarnessMessage } from '../sandbox/harness-api.js';
import { SignInPicker } from '../sandbox/SignInPicker.js';
import { createSandboxTokenProvider } from '../sandbox/token-provider.js';
import { strings } from '../strings.js';
import { TaskPaneApp } from '../taskpane/TaskPaneApp.js';
import type { ThemeName } from '../ui/theme.js';
import { Mailbox } from './Mailbox.js';
import { Ribbon } from './Ribbon.js';

const useStyles = makeStyles({
  page: {
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(16rem, 24rem) minmax(22rem, 1fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
  },
  reading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pane: {
    width: '350px',
    height: 'max(640px, calc(100vh - 12rem))',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export function HarnessApp() {
  const styles = useStyles();
  const harnessApi = useMemo(() => createHarnessApi(), []);
  const [user, setUser] = useState<DemoUser | null>(null);
  const [message, setMessage] = useState<HarnessMessage | null>(null);
  const [notification, setNotification] = useState<HarnessNotification | null>(null);
  const [themeName, setThemeName] = useState<ThemeName>('light');

  const api = useMemo(
    () =>
      user ? createApiClient({ tokens: createSandboxTokenProvider(harnessApi, user.upn, 'outlook') }) : null,
    [harnessApi, user],
  );
  const host = useMemo(
    () =>
      user && message
        ? createHarnessMailHost({ api: harnessApi, upn: user.upn, message, onNotify: setNotification })
        : null,
    [harnessApi, user, message],
  );

  function signIn(next: DemoUser | null) {
    setUser(next);
    setMessage(null);
    setNotification(null);
  }

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <header className={styles.bar}>
          <Title2 as="h1">{strings.harness.title}</Title2>
          <Select
            aria-label={strings.harness.theme}
            value={themeName}
            onChange={(_, data) => setThemeName(data.value as ThemeName)}
          >
            {(Object.keys(strings.harness.themes) as ThemeName[]).map((name) => (
              <option key={name} value={name}>
                {strings.harness.themes[name]}
              </option>
            ))}
          </Select>
        </header>
        <Text as="p">{strings.harness.intro}</Text>
        {!user || !api ? (
          <SignInPicker api={harnessApi} onSignIn={signIn} />
        ) : (
          <div className={styles.grid}>
            <Mailbox
              api={harnessApi}
              user={user}
              selectedId={message?.id ?? null}
              onSelect={(next) => {
                setMessage(next);
                setNotification(null);
              }}
              onSignOut={() => signIn(null)}
            />
            <div className={styles.reading}>
              {host ? (
                <>
                  <Ribbon host={host} api={api} notification={notification} />
                  <div className={styles.pane} data-testid="task-pane">
                    <TaskPaneApp
                      key={message?.id}
                      host={host}
                      api={api}
                      themeName={themeName}
                      consoleUrl="admin.html"
                    />
                  </div>
                </>
              ) : (
                <Caption1>{strings.harness.pickMessage}</Caption1>
              )}
            </div>
          </div>
        )}
      </div>
    </FluentProvider>
  );
}
