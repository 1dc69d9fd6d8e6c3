// The real Office adapter against office-addin-mock: EWS ids become REST ids, every failed
// asyncResult rejects, and requirement sets guard each call.
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it, vi } from 'vitest';
import { createOfficeMailHost, officeReady } from '../../../addin/src/host/office-adapter.js';
import { HostError, HostUnsupportedError } from '../../../addin/src/host/mail-host.js';

interface MockOptions {
  mailboxVersions?: string[];
  hostName?: string;
  fail?: { getAsFileAsync?: boolean; replaceAsync?: boolean };
  item?: Record<string, unknown> | null;
}

function officeMock(options: MockOptions = {}) {
  const versions = new Set(options.mailboxVersions ?? ['1.1', '1.3', '1.5', '1.14']);
  const replaced: { key: string; details: Record<string, unknown> }[] = [];
  const handlers: { type: string; handler: () => void }[] = [];
  const result = (failed: boolean | undefined, value?: unknown) =>
    failed
      ? { status: 'failed', error: { code: 9002, message: 'Internal error', name: 'InternalError' } }
      : { status: 'succeeded', value };
  const item =
    options.item === null
      ? null
      : {
          itemId: 'AAMkAGI2TG93AAA=/ews+id',
          internetMessageId: '<8f2a@mail.c0ntoso.com>',
          subject: 'Action required: your password expires today',
          from: { displayName: 'IT Support', emailAddress: 'it-support@c0ntoso.com' },
          dateTimeCreated: new Date('2026-11-20T08:00:00Z'),
          getAsFileAsync: (callback: (r: unknown) => void) =>
            callback(result(options.fail?.getAsFileAsync, 'RnJvbTogaXQtc3VwcG9ydA==')),
          notificationMessages: {
            replaceAsync: (key: string, details: Record<string, unknown>, callback: (r: unknown) => void) => {
              replaced.push({ key, details });
              callback(result(options.fail?.replaceAsync));
            },
          },
          ...options.item,
        };
  const office = new OfficeMockObject(
    {
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      EventType: { ItemChanged: 'olkItemSelectedChanged' },
      MailboxEnums: {
        RestVersion: { v2_0: 'v2.0' },
        ItemNotificationMessageType: {
          InformationalMessage: 'informationalMessage',
          ErrorMessage: 'errorMessage',
        },
      },
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => name === 'Mailbox' && versions.has(version),
        },
        mailbox: {
          diagnostics: { hostName: options.hostName ?? 'Outlook' },
          convertToRestId: (id: string, version: string) =>
            `rest(${version}):${id.replace(/[/+]/g, (c) => (c === '/' ? '-' : '_'))}`,
          addHandlerAsync: (type: string, handler: () => void, callback: (r: unknown) => void) => {
            handlers.push({ type, handler });
            callback(result(false));
          },
          removeHandlerAsync: (_type: string, callback: (r: unknown) => void) => callback(result(false)),
          ...(item ? { item } : {}),
        },
      },
    },
    'outlook' as never,
  ) as unknown as typeof Office;
  return { office, replaced, handlers };
}

describe('Office adapter', () => {
  it('gives the selected message with its EWS id converted to a REST id', async () => {
    const { office } = officeMock();
    const item = await createOfficeMailHost(office).getItem();
    expect(item).toEqual({
      itemId: 'rest(v2.0):AAMkAGI2TG93AAA=-ews_id',
      internetMessageId: '<8f2a@mail.c0ntoso.com>',
      subject: 'Action required: your password expires today',
      from: { name: 'IT Support', address: 'it-support@c0ntoso.com' },
      receivedDateTime: '2026-11-20T08:00:00.000Z',
    });
  });

  it('keeps the id as it is on Outlook mobile, which already gives REST ids', async () => {
    const { office } = officeMock({ hostName: 'OutlookIOS' });
    expect((await createOfficeMailHost(office).getItem())?.itemId).toBe('AAMkAGI2TG93AAA=/ews+id');
  });

  it('refuses to convert ids where Mailbox 1.3 is missing', async () => {
    const { office } = officeMock({ mailboxVersions: ['1.1'] });
    await expect(createOfficeMailHost(office).getItem()).rejects.toBeInstanceOf(HostUnsupportedError);
  });

  it('answers null when no message is open', async () => {
    const { office } = officeMock({ item: null });
    expect(await createOfficeMailHost(office).getItem()).toBeNull();
  });

  it('gets the EML through getAsFileAsync, and rejects when Outlook reports a failure', async () => {
    expect(await createOfficeMailHost(officeMock().office).getItemAsEml()).toBe('RnJvbTogaXQtc3VwcG9ydA==');
    const failing = createOfficeMailHost(officeMock({ fail: { getAsFileAsync: true } }).office);
    const error = await failing.getItemAsEml().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ operation: 'getAsFileAsync', hostCode: 9002 });
  });

  it('needs Mailbox 1.14 for getAsFileAsync', async () => {
    const host = createOfficeMailHost(officeMock({ mailboxVersions: ['1.1', '1.3', '1.5'] }).office);
    await expect(host.getItemAsEml()).rejects.toThrow(/Mailbox 1\.14/);
  });

  it('shows notifications in the item bar, replacing its own, within 150 characters', async () => {
    const { office, replaced } = officeMock();
    const host = createOfficeMailHost(office);
    await host.notify('Reported. Thank you.');
    await host.notify('x'.repeat(200), 'error');
    expect(replaced[0]).toEqual({
      key: 'clawback',
      details: {
        type: 'informationalMessage',
        message: 'Reported. Thank you.',
        icon: 'Icon.16',
        persistent: false,
      },
    });
    expect(replaced[1]?.details.type).toBe('errorMessage');
    expect(String(replaced[1]?.details.message)).toHaveLength(150);
  });

  it('rejects a notification Outlook refused', async () => {
    const host = createOfficeMailHost(officeMock({ fail: { replaceAsync: true } }).office);
    await expect(host.notify('hello')).rejects.toBeInstanceOf(HostError);
  });

  it('follows selection changes where Mailbox 1.5 is supported', async () => {
    const { office, handlers } = officeMock();
    const changed = vi.fn();
    createOfficeMailHost(office).onItemChanged(changed);
    await Promise.resolve();
    expect(handlers).toHaveLength(1);
    handlers[0]!.handler();
    expect(changed).toHaveBeenCalledOnce();
    const old = officeMock({ mailboxVersions: ['1.1', '1.3'] });
    createOfficeMailHost(old.office).onItemChanged(changed);
    expect(old.handlers).toHaveLength(0);
  });

  it('reads the Office theme and high contrast', () => {
    const { office } = officeMock();
    (office.context as { officeTheme?: unknown }).officeTheme = { bodyBackgroundColor: '#1f1f1f' };
    expect(createOfficeMailHost(office, { forcedColors: () => true }).theme()).toEqual({
      bodyBackgroundColor: '#1f1f1f',
      isHighContrast: true,
    });
  });

  it('waits for Office.onReady, and answers null outside Office', async () => {
    expect(await officeReady(undefined)).toBeNull();
    const office = {
      onReady: (callback: (info: { host: string | null }) => void) => callback({ host: 'Outlook' }),
    };
    expect(await officeReady(office as unknown as typeof Office)).toBe(office);
    const never = { onReady: () => undefined };
    expect(await officeReady(never as unknown as typeof Office, 10)).toBeNull();
  });
});
