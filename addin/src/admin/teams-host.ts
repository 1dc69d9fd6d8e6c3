// The Teams host adapter: the only module that touches TeamsJS. The library is loaded only when
// the page is framed or opened by another window, because loading it fetches Microsoft's list of
// valid origins, and a page opened on its own in a browser is not in Teams anyway.
import type * as TeamsJsModule from '@microsoft/teams-js';

export interface TeamsHost {
  hostName: string;
  theme: string | undefined;
  userPrincipalName: string | undefined;
  getAuthToken(): Promise<string>;
  onThemeChange(handler: (theme: string) => void): void;
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
  return {
    hostName: context.app.host.name,
    theme: context.app.theme,
    userPrincipalName: context.user?.userPrincipalName,
    getAuthToken: () => teams.authentication.getAuthToken(),
    onThemeChange: (handler) => teams.app.registerOnThemeChangeHandler(handler),
  };
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
