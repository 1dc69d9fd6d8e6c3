// The host theme mapping and the harness's mail host.
import { describe, expect, it, vi } from 'vitest';
import { createHarnessMailHost } from '../../../addin/src/host/harness-adapter.js';
import { isDark, themeNameForHost } from '../../../addin/src/ui/theme.js';

describe('theme', () => {
  it('follows the host: dark background, light background, high contrast first', () => {
    expect(isDark('#1f1f1f')).toBe(true);
    expect(isDark('#fff')).toBe(false);
    expect(themeNameForHost({ bodyBackgroundColor: '#292929', isHighContrast: false })).toBe('dark');
    expect(themeNameForHost({ bodyBackgroundColor: '#ffffff', isHighContrast: false })).toBe('light');
    expect(themeNameForHost({ bodyBackgroundColor: '#ffffff', isHighContrast: true })).toBe('highContrast');
    expect(themeNameForHost(null, true)).toBe('dark');
  });
});

describe('harness mail host', () => {
  const message = {
    id: 'AAMk-1',
    internetMessageId: '<1@x>',
    subject: 'Hello',
    from: { name: 'Eve', address: 'eve@x.example' },
    receivedDateTime: '2026-11-20T08:00:00Z',
    isRead: false,
    folder: 'inbox',
  };

  it('opens the picked message, gets its MIME from the sandbox, and shows notifications', async () => {
    const mime = vi.fn(async () => 'RU1M');
    const onNotify = vi.fn();
    const host = createHarnessMailHost({ api: { mime }, upn: 'alice@contoso.com', message, onNotify });
    expect(await host.getItem()).toEqual({
      itemId: 'AAMk-1',
      internetMessageId: '<1@x>',
      subject: 'Hello',
      from: { name: 'Eve', address: 'eve@x.example' },
      receivedDateTime: '2026-11-20T08:00:00Z',
    });
    expect(await host.getItemAsEml()).toBe('RU1M');
    expect(mime).toHaveBeenCalledWith('alice@contoso.com', 'AAMk-1');
    await host.notify('Reported', 'info');
    expect(onNotify).toHaveBeenCalledWith({ message: 'Reported', kind: 'info' });
  });
});
