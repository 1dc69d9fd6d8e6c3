// The Teams host adapter: the only module that touches TeamsJS. The library is loaded only when
// the page is framed or opened by another window, because loading it fetches Microsoft's list of
// valid origins, and a page opened on its own in a browser is not in Teams anyway. What a host
// cannot do (pages.config outside a configurable tab's settings) is left undefined.
import type * as TeamsJsModule from '@microsoft/teams-js';

/** What Teams saves as a channel tab: the console itself, under the name people see. */
export interface TabRegistration {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

export interface TeamsHost {
  hostName: string;
  /** 'content' for a tab, 'settings' while a channel tab is configured, 'authentication' in Teams' sign-in window. */
  frameContext?: string;
  theme: string | undefined;
  userPrincipalName: string | undefined;
  getAuthToken(): Promise<string>;
  onThemeChange(handler: (theme: string) => void): void;
  /** Channel tab configuration: Save is enabled at once and saves `tab`. Absent outside settings. */
  configureTab?(tab: TabRegistration): void;
  /** Opens a page (the admin-consent URL) in Teams' authentication window. */
  authenticate?(url: string): Promise<string>;
  /** In Teams' authentication window: tells the tab that opened it how it went. */
  notifyAuthenticationResult?(ok: boolean, result: string): void;
}

type TeamsJs = typeof TeamsJsModule;

export interface DetectTeamsOptions {
  timeoutMs?: number;
  /** The page's window: only whether it is framed or opened by another window matters. */
  window?: { self: unknown; top: unknown; opener: unknown };
  load?: () => Promise<TeamsJs>;
}

export async function detectTeams(options: DetectTeamsOptions = {}): Promise<TeamsHost | null> {
  const win = options.window ?? window;
  if (win.self === win.top && !win.opener) return null;
  const teams = await (options.load ?? (() => import('@microsoft/teams-js')))();
  // Outside Teams, initialize rejects at once without a parent, but waits 60 s inside a foreign frame.
  const initialized = await withTimeout(teams.app.initialize(), options.timeoutMs ?? 5_000);
  if (!initialized) return null;
  const context = await teams.app.getContext();
  const frameContext: string | undefined = context.page?.frameContext;
  return {
    hostName: context.app.host.name,
    frameContext,
    theme: context.app.theme,
    userPrincipalName: context.user?.userPrincipalName,
    getAuthToken: () => teams.authentication.getAuthToken(),
    onThemeChange: (handler) => teams.app.registerOnThemeChangeHandler(handler),
    ...(frameContext === 'settings' && teams.pages.config.isSupported()
      ? { configureTab: (tab: TabRegistration) => configureTab(teams, tab) }
      : {}),
    authenticate: (url) => teams.authentication.authenticate({ url, width: 600, height: 640 }),
    ...(frameContext === 'authentication'
      ? {
          notifyAuthenticationResult: (ok: boolean, result: string) =>
            ok ? teams.authentication.notifySuccess(result) : teams.authentication.notifyFailure(result),
        }
      : {}),
  };
}

function configureTab(teams: TeamsJs, tab: TabRegistration): void {
  teams.pages.config.registerOnSaveHandler((save) => {
    teams.pages.config.setConfig(tab).then(
      () => save.notifySuccess(),
      (error: unknown) => save.notifyFailure(error instanceof Error ? error.message : String(error)),
    );
  });
  // Nothing to choose: the tab is the console, so Save can be pressed straight away.
  teams.pages.config.setValidityState(true);
}

async function withTimeout(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
