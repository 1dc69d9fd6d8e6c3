// The admin console's frame: who is signed in and their roles, the section navigation, and the
// page of the current route (kept in the URL's hash). Callers without the analyst role get a
// short explanation instead of sections they could not use; the API refuses them anyway.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
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
import { ROLE_DISPLAY_NAMES, type MeResponse } from '@clawback/shared';
import type { ConsoleApi } from '../api/console-api.js';
import { ConsoleProvider } from '../console/context.js';
import { ConsolePage } from '../console/ConsolePage.js';
import {
  CONSOLE_SECTIONS,
  formatRoute,
  parseRoute,
  route as routeTo,
  type ConsoleSection,
  type Route,
} from '../console/routes.js';
import { strings } from '../strings.js';
import { EmptyState, ErrorState, LoadingState } from '../ui/StateViews.js';
import { useAsync } from '../ui/use-async.js';

export { CONSOLE_SECTIONS, type ConsoleSection };

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, 14rem) minmax(0, 1fr)',
    gridTemplateRows: 'auto 1fr',
    minHeight: '100vh',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
    '@media (max-width: 48rem)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  header: {
    gridColumn: '1 / -1',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: {
    marginInlineStart: 'auto',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  nav: { padding: tokens.spacingVerticalM, '@media (max-width: 48rem)': { overflowX: 'auto' } },
  content: {
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  heading: { ':focus': { outlineOffset: '2px' } },
  skip: {
    position: 'absolute',
    insetInlineStart: '-999px',
    ':focus': { insetInlineStart: tokens.spacingHorizontalS, top: tokens.spacingVerticalS, zIndex: 1 },
  },
});

export interface ConsoleShellProps {
  api: ConsoleApi;
  onSignOut?: () => void;
  /** A message to show above every page (the outcome of an admin consent). */
  banner?: ReactNode;
  initialSection?: ConsoleSection | undefined;
  openExternal?: (url: string) => void;
}

function useHashRoute(initialSection: ConsoleSection | undefined) {
  const [route, setRoute] = useState<Route>(() =>
    initialSection ? routeTo(initialSection) : parseRoute(window.location.hash),
  );
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    window.addEventListener('popstate', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('popstate', follow);
    };
  }, []);
  const navigate = useCallback((next: Route) => {
    setRoute(next);
    window.history.pushState(null, '', formatRoute(next));
  }, []);
  return [route, navigate] as const;
}

function Caller({ me }: { me: MeResponse }) {
  return (
    <>
      <Text>{strings.console.signedInAs(me.displayName ?? me.upn ?? me.oid)}</Text>
      {me.roles.length ? (
        me.roles.map((role) => (
          <Badge key={role} appearance="tint">
            {ROLE_DISPLAY_NAMES[role]}
          </Badge>
        ))
      ) : (
        <Caption1>{strings.console.noRoles}</Caption1>
      )}
    </>
  );
}

export function ConsoleShell({ api, onSignOut, banner, initialSection, openExternal }: ConsoleShellProps) {
  const styles = useStyles();
  const panelId = useId();
  const me = useAsync(() => api.me(), [api]);
  const [route, go] = useHashRoute(initialSection);
  // A link inside a page replaces the page, and the link with it: focus moves to the new page's
  // heading. The section tabs keep focus on the tab list, as tabs do.
  const heading = useRef<HTMLHeadingElement>(null);
  const [focusNext, setFocusNext] = useState(0);
  const navigate = useCallback(
    (next: Route) => {
      go(next);
      setFocusNext((n) => n + 1);
    },
    [go],
  );
  useEffect(() => {
    if (focusNext) heading.current?.focus();
  }, [focusNext]);
  const section = route.section;
  const analyst = me.status === 'ready' && me.data.capabilities.includes('readReports');

  return (
    <div className={styles.root}>
      <a
        className={styles.skip}
        href={`#${panelId}`}
        onClick={(e) => (e.preventDefault(), document.getElementById(panelId)?.focus())}
      >
        {strings.console.skipToContent}
      </a>
      <header className={styles.header}>
        <Title3 as="h1">{strings.console.title}</Title3>
        <div className={styles.who}>
          {me.status === 'ready' ? <Caller me={me.data} /> : null}
          {onSignOut ? (
            <Button size="small" onClick={onSignOut}>
              {strings.common.signOut}
            </Button>
          ) : null}
        </div>
      </header>
      <nav className={styles.nav} aria-label={strings.console.navLabel}>
        {me.status === 'ready' && !analyst ? null : (
          <TabList
            vertical
            selectedValue={section}
            onTabSelect={(_, data) => go(routeTo(data.value as ConsoleSection))}
          >
            {CONSOLE_SECTIONS.map((name) => (
              <Tab key={name} value={name} aria-controls={panelId}>
                {strings.console.nav[name]}
              </Tab>
            ))}
          </TabList>
        )}
      </nav>
      <main
        id={panelId}
        tabIndex={-1}
        role="tabpanel"
        className={styles.content}
        aria-label={strings.console.nav[section]}
      >
        {banner}
        <h2 ref={heading} tabIndex={-1} className={styles.heading}>
          {strings.console.nav[section]}
        </h2>
        {me.status === 'loading' ? <LoadingState /> : null}
        {me.status === 'error' ? <ErrorState error={me.error} onRetry={me.reload} /> : null}
        {me.status === 'ready' && !analyst ? <EmptyState>{strings.console.noAccess}</EmptyState> : null}
        {me.status === 'ready' && analyst ? (
          <ConsoleProvider
            value={{
              api,
              me: me.data,
              route,
              navigate,
              openExternal: openExternal ?? ((url) => window.open(url, '_blank')),
            }}
          >
            <ConsolePage route={route} />
          </ConsoleProvider>
        ) : null}
      </main>
    </div>
  );
}
