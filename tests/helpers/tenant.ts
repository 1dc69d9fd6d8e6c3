// Onboarding as an admin would do it: publish the demo domain, then sync the directory and wait.
import { expect } from 'vitest';
import type { TestApi } from './api.js';

export async function onboardTenant(api: TestApi, domain = 'contoso.com', timeoutMs = 60_000): Promise<void> {
  const published = await api.as('ga@contoso.com', {
    method: 'POST',
    url: `/api/v1/domains/${domain}/publish`,
  });
  expect([200, 409]).toContain(published.statusCode);
  const started = Date.now();
  const sync = await api.as('admin@contoso.com', { method: 'POST', url: '/api/v1/directory/sync' });
  expect(sync.statusCode).toBe(202);
  for (;;) {
    const status = (
      await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/directory/status' })
    ).json();
    const finished = status.phases.every(
      (phase: { finishedAt: string | null }) =>
        phase.finishedAt !== null && Date.parse(phase.finishedAt) >= started,
    );
    if (finished && status.state !== 'syncing') return;
    if (Date.now() - started > timeoutMs)
      throw new Error(`directory sync did not finish: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
