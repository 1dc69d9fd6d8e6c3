// @vitest-environment jsdom
// The Teams host adapter with a stubbed TeamsJS (fake app, pages.config and authentication
// objects injected through `load`), and the console page in each Teams frame: the channel tab's
// configuration registers the console and enables Save, the tab follows Teams' theme as it
// changes, and Teams' authentication window reports an admin consent back to the tab.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminApp } from '../../../addin/src/admin/AdminApp.js';
import { detectTeams, type TeamsHost } from '../../../addin/src/admin/teams-host.js';
import { strings } from '../../../addin/src/strings.js';
import { caller } from './console-fixtures.js';
import { installDomShims } from './fixtures.js';

installDomShims();
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const framed = { self: {}, top: {}, opener: null };

/** A stand-in for @microsoft/teams-js: only what the adapter touches. */
function fakeTeams(
  frameContext: string,
  options: { configSupported?: boolean; setConfig?: () => Promise<void> } = {},
) {
  let saveHandler: ((event: { notifySuccess(): void; notifyFailure(reason?: string): void }) => void) | null =
    null;
  const teams = {
    app: {
      initialize: vi.fn(async () => undefined),
      getContext: vi.fn(async () => ({
        app: { host: { name: 'Teams' }, theme: 'default' },
        page: { id: 'console', frameContext },
        user: { userPrincipalName: 'admin@contoso.com' },
      })),
      registerOnThemeChangeHandler: vi.fn(),
    },
    pages: {
      config: {
        isSupported: vi.fn(() => options.configSupported ?? true),
        registerOnSaveHandler: vi.fn((handler: typeof saveHandler) => void (saveHandler = handler)),
        setConfig: vi.fn(options.setConfig ?? (async () => undefined)),
        setValidityState: vi.fn(),
      },
    },
    authentication: {
      getAuthToken: vi.fn(async () => 'teams-sso-token'),
      authenticate: vi.fn(async () => 'granted'),
      notifySuccess: vi.fn(),
      notifyFailure: vi.fn(),
    },
  };
  const save = () => {
    const event = { notifySuccess: vi.fn(), notifyFailure: vi.fn() };
    saveHandler!(event);
    return event;
  };
  return { teams, save, detect: () => detectTeams({ window: framed, load: async () => teams as never }) };
}

const tab = {
  entityId: 'console',
  contentUrl: 'https://clawback.example/admin.html',
  websiteUrl: 'https://clawback.example/admin.html',
  suggestedDisplayName: 'Clawback',
};

describe('the Teams host adapter', () => {
  it('registers the channel tab on Save and enables Save at once in the settings frame', async () => {
    const { teams, save, detect } = fakeTeams('settings');
    const host = (await detect())!;
    expect(host.frameContext).toBe('settings');
    host.configureTab!(tab);
    expect(teams.pages.config.setValidityState).toHaveBeenCalledWith(true);
    const event = save();
    await waitFor(() => expect(event.notifySuccess).toHaveBeenCalled());
    expect(teams.pages.config.setConfig).toHaveBeenCalledWith(tab);
  });

  it('tells Teams why the tab could not be saved', async () => {
    const { save, detect } = fakeTeams('settings', {
      setConfig: async () => Promise.reject(new Error('no channel')),
    });
    (await detect())!.configureTab!(tab);
    const event = save();
    await waitFor(() => expect(event.notifyFailure).toHaveBeenCalledWith('no channel'));
    expect(event.notifySuccess).not.toHaveBeenCalled();
  });

  it('offers tab configuration only in a settings frame whose host supports it', async () => {
    expect((await fakeTeams('content').detect())!.configureTab).toBeUndefined();
    expect((await fakeTeams('settings', { configSupported: false }).detect())!.configureTab).toBeUndefined();
  });

  it("opens pages in Teams' authentication window and reports back from it", async () => {
    const content = fakeTeams('content');
    const host = (await content.detect())!;
    expect(await host.authenticate!('https://login.example/adminconsent')).toBe('granted');
    expect(content.teams.authentication.authenticate).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'https://login.example/adminconsent' }),
    );
    expect(host.notifyAuthenticationResult).toBeUndefined();

    const popup = fakeTeams('authentication');
    const window = (await popup.detect())!;
    window.notifyAuthenticationResult!(true, 'directory');
    window.notifyAuthenticationResult!(false, 'retraction');
    expect(popup.teams.authentication.notifySuccess).toHaveBeenCalledWith('directory');
    expect(popup.teams.authentication.notifyFailure).toHaveBeenCalledWith('retraction');
  });
});

/** A Teams host for the console page, with the theme-change handler it registers exposed. */
function stubHost(frameContext: string, theme = 'default') {
  let onTheme: (theme: string) => void = () => undefined;
  const host: TeamsHost = {
    hostName: 'Teams',
    frameContext,
    theme,
    userPrincipalName: 'admin@contoso.com',
    getAuthToken: vi.fn(async () => 'teams-sso-token'),
    onThemeChange: vi.fn((handler) => void (onTheme = handler)),
    configureTab: vi.fn(),
    authenticate: vi.fn(async () => 'granted'),
    notifyAuthenticationResult: vi.fn(),
  };
  return { host, setTheme: (name: string) => act(() => onTheme(name)) };
}

/** The CSS Fluent writes for the provider: the theme's colours as custom properties. */
const themeCss = () =>
  Array.from(document.head.querySelectorAll('style'))
    .map(
      (style) =>
        style.textContent +
        Array.from(style.sheet?.cssRules ?? [])
          .map((rule) => rule.cssText)
          .join(''),
    )
    .join('\n');

describe('the console in Teams', () => {
  it("registers itself as the channel tab's content in the configuration step, without signing in", async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const { host } = stubHost('settings');
    render(<AdminApp detect={async () => host} />);
    expect(await screen.findByRole('heading', { name: strings.console.tabConfig.heading })).toBeTruthy();
    expect(host.configureTab).toHaveBeenCalledWith({
      entityId: 'console',
      contentUrl: `${window.location.origin}/admin.html`,
      websiteUrl: `${window.location.origin}/admin.html`,
      suggestedDisplayName: strings.console.tabConfig.tabName,
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("uses the Teams SSO token and follows Teams' theme as it changes", async () => {
    const fetch = vi.fn(async () => Response.json(caller('secops@contoso.com', ['securityOperator'])));
    vi.stubGlobal('fetch', fetch);
    const { host, setTheme } = stubHost('content', 'default');
    render(<AdminApp detect={async () => host} />);
    await screen.findByText(strings.console.signedInAs('secops'));
    expect(fetch).toHaveBeenCalledWith(
      '/api/v1/me',
      expect.objectContaining({
        headers: expect.objectContaining({ authorization: 'Bearer teams-sso-token' }),
      }),
    );
    expect(themeCss()).toContain(teamsLightTheme.colorNeutralBackground1);
    setTheme('dark');
    await waitFor(() => expect(themeCss()).toContain(teamsDarkTheme.colorNeutralBackground1));
    setTheme('contrast');
    await waitFor(() => expect(themeCss()).toContain(teamsHighContrastTheme.colorNeutralBackground1));
  });

  it("ends an admin consent in Teams' authentication window by reporting the outcome", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json(caller('ga@contoso.com', ['globalAdministrator']))),
    );
    window.history.replaceState(null, '', '/admin.html?authorization=directory&result=granted');
    const { host } = stubHost('authentication');
    render(<AdminApp detect={async () => host} />);
    await waitFor(() => expect(host.notifyAuthenticationResult).toHaveBeenCalledWith(true, 'directory'));
    // The outcome is read once: a reload does not announce it again.
    expect(window.location.search).toBe('');
  });

  it('outside Teams, shows the outcome of a consent that came back to the console', async () => {
    window.history.replaceState(null, '', '/admin.html?authorization=retraction&result=denied#/directory');
    render(<AdminApp detect={async () => null} />);
    expect(
      await screen.findByText(strings.console.directory.consentReturned('retraction', false)),
    ).toBeTruthy();
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#/directory');
  });
});
