/// <reference types="vite/client" />
// The admin console's host and sign-in: Teams SSO inside Teams; outside it, the demo sign-in
// picker in sandbox builds, or a Microsoft sign-in (MSAL popup) in production builds.
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { Button, FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { createApiClient } from '../api/client.js';
import { createNaaTokenProvider } from '../auth/naa.js';
import { buildAuthSettings } from '../auth/settings.js';
import { createTeamsSsoTokenProvider } from '../auth/teams-sso.js';
import type { TokenProvider } from '../auth/token-provider.js';
import { strings } from '../strings.js';
import { ErrorState, LoadingState } from '../ui/StateViews.js';
import { mediaMatches, officeTheme, teamsTheme, themeNameForHost } from '../ui/theme.js';
import { ConsoleShell } from './ConsoleShell.js';
import { detectTeams, type TeamsHost } from './teams-host.js';

// Production builds replace the flag with false and drop the import with the sandbox code.
const SandboxSignIn = import.meta.env.CLAWBACK_SANDBOX
  ? lazy(() => import('../sandbox/SandboxSignIn.js'))
  : null;

const useStyles = makeStyles({
  centre: { padding: tokens.spacingHorizontalXXL, minHeight: '100vh', boxSizing: 'border-box' },
});

type HostState = { step: 'detecting' } | { step: 'teams'; host: TeamsHost } | { step: 'browser' };

export function AdminApp({ detect = detectTeams }: { detect?: () => Promise<TeamsHost | null> }) {
  const styles = useStyles();
  const [hostState, setHostState] = useState<HostState>({ step: 'detecting' });
  const [teamsThemeName, setTeamsThemeName] = useState<string | undefined>(undefined);
  const [tokenProvider, setTokenProvider] = useState<TokenProvider | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    detect().then(
      (host) => {
        if (!current) return;
        if (!host) return setHostState({ step: 'browser' });
        setHostState({ step: 'teams', host });
        setTeamsThemeName(host.theme);
        host.onThemeChange(setTeamsThemeName);
        setTokenProvider(createTeamsSsoTokenProvider(host.getAuthToken));
      },
      () => current && setHostState({ step: 'browser' }),
    );
    return () => {
      current = false;
    };
  }, [detect]);

  const api = useMemo(
    () => (tokenProvider ? createApiClient({ tokens: tokenProvider }) : null),
    [tokenProvider],
  );
  const theme =
    hostState.step === 'teams'
      ? teamsTheme(teamsThemeName)
      : officeTheme(
          themeNameForHost(
            mediaMatches('(forced-colors: active)')
              ? { bodyBackgroundColor: '', isHighContrast: true }
              : null,
            mediaMatches('(prefers-color-scheme: dark)'),
          ),
        );

  async function signInWithMicrosoft() {
    setError(null);
    try {
      const provider = createNaaTokenProvider(buildAuthSettings());
      await provider.getToken();
      setTokenProvider(provider);
    } catch (failure) {
      setError(failure);
    }
  }

  let body;
  if (api)
    body = (
      <ConsoleShell
        api={api}
        {...(SandboxSignIn && hostState.step === 'browser'
          ? { onSignOut: () => setTokenProvider(null) }
          : {})}
      />
    );
  else if (hostState.step === 'detecting') body = <LoadingState label={strings.console.detectingHost} />;
  else if (SandboxSignIn)
    body = (
      <Suspense fallback={<LoadingState />}>
        <SandboxSignIn client="teams" onSignedIn={(provider) => setTokenProvider(provider)} />
      </Suspense>
    );
  else
    body = (
      <>
        <Button appearance="primary" onClick={() => void signInWithMicrosoft()}>
          {strings.signIn.button}
        </Button>
        {error ? <ErrorState error={error} /> : null}
      </>
    );

  return (
    <FluentProvider theme={theme}>
      {api ? body : <main className={styles.centre}>{body}</main>}
    </FluentProvider>
  );
}
