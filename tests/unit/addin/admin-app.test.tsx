// @vitest-environment jsdom
// The admin console shell: Teams detection with its timeout, Teams SSO tokens to the API, the
// caller and the section navigation.
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminApp } from '../../../addin/src/admin/AdminApp.js';
import { detectTeams, type TeamsHost } from '../../../addin/src/admin/teams-host.js';
import { strings } from '../../../addin/src/strings.js';
import { installDomShims, me } from './fixtures.js';

installDomShims();
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const teamsHost = (): TeamsHost => ({
  hostName: 'Teams',
  theme: 'dark',
  userPrincipalName: 'secops@contoso.com',
  getAuthToken: vi.fn(async () => 'teams-token'),
  onThemeChange: vi.fn(),
});

describe('admin console', () => {
  it('inside Teams, calls the API with the Teams SSO token and shows the caller and sections', async () => {
    const fetch = vi.fn(async () =>
      Response.json({
        ...me(['report', 'readReports', 'setVerdicts'], ['securityOperator']),
        displayName: 'Sec Ops',
      }),
    );
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    render(<AdminApp detect={async () => teamsHost()} />);
    expect(await screen.findByText(strings.console.signedInAs('Sec Ops'))).toBeTruthy();
    expect(screen.getByText('Security Operator')).toBeTruthy();
    expect(fetch).toHaveBeenCalledWith(
      '/api/v1/me',
      expect.objectContaining({ headers: expect.objectContaining({ authorization: 'Bearer teams-token' }) }),
    );
    const nav = screen.getByRole('navigation', { name: strings.console.navLabel });
    for (const name of Object.values(strings.console.nav)) expect(nav.textContent).toContain(name);
    await user.click(screen.getByRole('tab', { name: strings.console.nav.audit }));
    expect(screen.getByRole('heading', { name: strings.console.nav.audit })).toBeTruthy();
  });

  it('outside Teams in a production build, offers a Microsoft sign-in', async () => {
    render(<AdminApp detect={async () => null} />);
    expect(await screen.findByRole('button', { name: strings.signIn.button })).toBeTruthy();
  });
});

describe('Teams host detection', () => {
  it('does not load TeamsJS in a top-level window', async () => {
    const load = vi.fn();
    const top = {};
    expect(await detectTeams({ window: { self: top, top, opener: null }, load })).toBeNull();
    expect(load).not.toHaveBeenCalled();
  });

  it('gives up after the timeout when the frame is not Teams', async () => {
    const teams = { app: { initialize: () => new Promise(() => undefined) } };
    const host = await detectTeams({
      window: { self: {}, top: {}, opener: null },
      load: async () => teams as never,
      timeoutMs: 20,
    });
    expect(host).toBeNull();
  });

  it('reads the context and wraps getAuthToken inside Teams', async () => {
    const teams = {
      app: {
        initialize: async () => undefined,
        getContext: async () => ({
          app: { host: { name: 'Teams' }, theme: 'contrast' },
          user: { userPrincipalName: 'admin@contoso.com' },
        }),
        registerOnThemeChangeHandler: vi.fn(),
      },
      authentication: { getAuthToken: vi.fn(async () => 'sso') },
    };
    const host = await detectTeams({
      window: { self: {}, top: {}, opener: null },
      load: async () => teams as never,
    });
    expect(host).toMatchObject({
      hostName: 'Teams',
      theme: 'contrast',
      userPrincipalName: 'admin@contoso.com',
    });
    expect(await host!.getAuthToken()).toBe('sso');
  });
});
