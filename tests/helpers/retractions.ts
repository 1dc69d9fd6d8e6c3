// Story helpers for retraction tests: deliver a message, request a retraction, wait for its end.
import type { Retraction } from '@clawback/shared';
import { expect } from 'vitest';
import type { TestApi } from './api.js';

export const TERMINAL = ['completed', 'completedWithErrors', 'failed', 'cancelled'];

/** Delivers a fresh message through the sandbox like Exchange would; returns its id and copies. */
export async function deliverMessage(
  api: TestApi,
  to: string[],
  subject = `Invoice ${Math.random().toString(36).slice(2, 8)}`,
) {
  return api.sandbox.control.post<{ internetMessageId: string; copies: { mailbox: string; id: string }[] }>(
    '/deliver',
    {
      from: { name: 'Billing', address: 'billing@fake-vendor.example' },
      to,
      subject,
      body: '<p>Please pay <a href="https://fake-vendor.example/pay">here</a></p>',
    },
  );
}

export async function copiesOf(api: TestApi, internetMessageId: string) {
  return api.sandbox.control.get<{ mailbox: string; folder: string; id: string; isRead: boolean }[]>(
    `/messages?internetMessageId=${encodeURIComponent(internetMessageId)}`,
  );
}

export async function requestRetraction(
  api: TestApi,
  user: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return api.as(user, { method: 'POST', url: '/api/v1/retractions', payload: body, headers });
}

/** Polls until the retraction reaches one of the statuses (default: any terminal one). */
export async function waitFor(
  api: TestApi,
  id: string,
  statuses: string[] = TERMINAL,
  user = 'admin@contoso.com',
  timeoutMs = 45_000,
): Promise<Retraction> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await api.as(user, { method: 'GET', url: `/api/v1/retractions/${id}` });
    expect(response.statusCode).toBe(200);
    const view = response.json() as Retraction;
    if (statuses.includes(view.status)) return view;
    if (Date.now() > deadline)
      throw new Error(`retraction ${id} is still ${view.status} (${JSON.stringify(view.counts)})`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
