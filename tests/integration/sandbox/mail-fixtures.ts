// Helpers the mail contract tests share: precise fixtures through the control API, paging through
// the Graph SDK the way a client must (following @odata.nextLink whole), and OData literals.
import type { Client } from '@microsoft/microsoft-graph-client';
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import type { TestSandbox } from '../../helpers/sandbox.js';

export const ALICE = 'alice@contoso.com';
export const BOB = 'bob@contoso.com';
export const EXTERNAL_SENDER = 'it-support@c0ntoso.com';

export interface Delivered {
  internetMessageId: string;
  copies: { mailbox: string; id: string }[];
}

export interface Copy {
  mailbox: string;
  folder: string;
  id: string;
}

export interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  '@odata.context'?: string;
}

let counter = 0;

/** A fresh internetMessageId, unique within the run. */
export function uniqueMessageId(tag = 'fixture'): string {
  counter += 1;
  return `<${tag}-${process.pid}-${Date.now().toString(36)}-${counter}@fixtures.contoso.com>`;
}

/** Delivers a message like Exchange would; defaults to one external message to Alice. */
export function deliver(sandbox: TestSandbox, message: Record<string, unknown> = {}): Promise<Delivered> {
  return sandbox.control.post<Delivered>('/deliver', {
    from: EXTERNAL_SENDER,
    to: [ALICE],
    subject: 'Fixture message',
    body: '<html><body><p>Fixture body</p></body></html>',
    internetMessageId: uniqueMessageId(),
    ...message,
  });
}

/** Where every copy of a message is, per the control API (which also sees the dumpster). */
export function copiesOf(sandbox: TestSandbox, internetMessageId: string): Promise<Copy[]> {
  return sandbox.control.get<Copy[]>(`/messages?internetMessageId=${encodeURIComponent(internetMessageId)}`);
}

/** An OData string literal: quotes doubled, then URL-encoded (the SDK does not encode $filter). */
export function literal(value: string): string {
  return `'${encodeURIComponent(value.replace(/'/g, "''"))}'`;
}

export function byInternetMessageId(internetMessageId: string): string {
  return `internetMessageId eq ${literal(internetMessageId)}`;
}

/** Every item of a collection, following each @odata.nextLink as given. */
export async function collectAll<T>(
  client: Client,
  first: Page<T>,
  onPage?: (page: Page<T>) => Promise<void> | void,
): Promise<T[]> {
  const items: T[] = [];
  let page: Page<T> | undefined = first;
  while (page) {
    await onPage?.(page);
    items.push(...page.value);
    page = page['@odata.nextLink']
      ? ((await client.api(page['@odata.nextLink']).get()) as Page<T>)
      : undefined;
  }
  return items;
}

export type Message = MicrosoftGraph.Message & { '@odata.type'?: string; '@odata.etag'?: string };

/** Grants the app other application permissions for the duration of `run`. */
export async function withPermissions<T>(
  sandbox: TestSandbox,
  permissions: string[],
  run: () => Promise<T>,
): Promise<T> {
  const app = await sandbox.control.get<{ permissions: string[] }>('/app');
  await sandbox.control.put('/app', { permissions });
  try {
    return await run();
  } finally {
    await sandbox.control.put('/app', { permissions: app.permissions });
  }
}
