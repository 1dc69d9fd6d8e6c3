/// <reference types="vite/client" />
// The admin console's host and sign-in: Teams SSO inside Teams; outside it, the demo sign-in
// picker in sandbox builds, or a Microsoft sign-in (MSAL popup) in production builds. In a channel
// tab's configuration step it registers the tab instead, and in Teams' authentication window (the
// end of an admin consent) it reports the outcome back to the tab.
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { Button, FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { createConsoleApi } from '../api/console-api.js';
import { createNaaTokenProvider } from '../auth/naa.js';
import { buildAuthSettings } from '../auth/settings.js';
import { createTeamsSsoTokenProvider } from '../auth/teams-sso.js';
import type { TokenProvider } from '../auth/token-provider.js';
import { Outcome } from '../console/components/bits.js';
import { strings } from '../strings.js';
import { ErrorState, LoadingState } from '../ui/StateViews.js';
import { mediaMatches, officeTheme, teamsTheme, themeNameForHost } from '../ui/theme.js';
import { forgetConsentReturn, readConsentReturn, type ConsentReturn } from './consent-return.js';
import { ConsoleShell } from './ConsoleShell.js';
import { TabConfig } from './TabConfig.js';
import { detectTeams, type TeamsHost } from './teams-host.js';

// Production builds replace the flag with false and drop the import with the sandbox code.
const SandboxSignIn = import.meta.env.CLAWBACK_SANDBOX
  ? lazy(() => import('../sandbox/SandboxSignIn.js'))
  : null;

const useStyles = makeStyles({
  centre: {
    padding: tokens.spacingHorizontalXXL,
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

type HostState = { step: 'detecting' } | { step: 'teams'; host: TeamsHost } | { step: 'browser' };

function browserTheme() {
  return officeTheme(
    themeNameForHost(
      mediaMatches('(forced-colors: active)') ? { bodyBackgroundColor: '', isHighContrast: true } : null,
      mediaMatches('(prefers-color-scheme: dark)'),
    ),
  );
}

/** Outside Teams the consent page opens in a new tab (seed 001); the console follows up by polling. */
function openInBrowser(url: string) {
  if (!window.open(url, '_blank')) window.location.assign(url);
}

export function AdminApp({ detect = detectTeams }: { detect?: () => Promise<TeamsHost | null> }) {
  const styles = useStyles();
  const [hostState, setHostState] = useState<HostState>({ step: 'detecting' });
  const [teamsThemeName, setTeamsThemeName] = useState<string | undefined>(undefined);
  const [tokenProvider, setTokenProvider] = useState<TokenProvider | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [consent] = useState<ConsentReturn | null>(() => readConsentReturn(window.location.search));

  useEffect(() => {
    if (consent) forgetConsentReturn();
  }, [consent]);

  useEffect(() => {
    let current = true;
    detect().then(
      (host) => {
        if (!current) return;
        if (!host) return setHostState({ step: 'browser' });
        setHostState({ step: 'teams', host });
        setTeamsThemeName(host.theme);
        host.onThemeChange(setTeamsThemeName);
        if (host.frameContext === 'authentication' && consent)
          host.notifyAuthenticationResult?.(consent.granted, consent.fn);
        setTokenProvider(createTeamsSsoTokenProvider(host.getAuthToken));
      },
      () => current && setHostState({ step: 'browser' }),
    );
    return () => {
      current = false;
    };
  }, [detect, consent]);

  const api = useMemo(
    () => (tokenProvider ? createConsoleApi({ tokens: tokenProvider }) : null),
    [tokenProvider],
  );
  const host = hostState.step === 'teams' ? hostState.host : null;
  const theme = host ? teamsTheme(teamsThemeName) : browserTheme();

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

  const consentNote = consent ? (
    <Outcome intent={consent.granted ? 'success' : 'warning'}>
      {strings.console.directory.consentReturned(consent.fn, consent.granted)}
    </Outcome>
  ) : null;

  let body;
  if (host?.frameContext === 'settings') body = <TabConfig host={host} origin={window.location.origin} />;
  else if (api)
    body = (
      <ConsoleShell
        api={api}
        banner={consentNote}
        initialSection={consent ? 'directory' : undefined}
        openExternal={(url) =>
          host?.authenticate ? void host.authenticate(url).catch(() => undefined) : openInBrowser(url)
        }
        {...(SandboxSignIn && hostState.step === 'browser'
          ? { onSignOut: () => setTokenProvider(null) }
          : {})}
      />
    );
  else if (hostState.step === 'detecting') body = <LoadingState label={strings.console.detectingHost} />;
  else if (SandboxSignIn)
    body = (
      <>
        {consentNote}
        <Suspense fallback={<LoadingState />}>
          <SandboxSignIn client="teams" onSignedIn={(provider) => setTokenProvider(provider)} />
        </Suspense>
      </>
    );
  else
    body = (
      <>
        {consentNote}
        <div>
          <Button appearance="primary" onClick={() => void signInWithMicrosoft()}>
            {strings.signIn.button}
          </Button>
        </div>
        {error ? <ErrorState error={error} /> : null}
      </>
    );

  return (
    <FluentProvider theme={theme}>
      {api && host?.frameContext !== 'settings' ? body : <main className={styles.centre}>{body}</main>}
    </FluentProvider>
  );
}
