// Reporting test helpers: an API with contoso.com published and synced, reports by demo users,
// their copies of the demo campaign, the tenant's settings, and waiting for jobs.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { LightMyRequestResponse } from 'fastify';
import {
  DEFAULT_USER_REPORTED_SETTINGS,
  type CreateReport,
  type UserReportedSettings,
} from '@clawback/shared';
import type { Config } from '../../api/src/config/config.js';
import { startTestApi, type TestApi } from './api.js';
import type { TestSandbox } from './sandbox.js';

export const CAMPAIGN_SUBJECT = 'Action required: your password expires today';

export async function startReportsApi(
  sandbox: TestSandbox,
  overrides: Partial<Config> = {},
): Promise<TestApi> {
  const api = await startTestApi(sandbox, { directorySyncCron: null, ...overrides });
  await publishContoso(api);
  return api;
}

/**
 * Publishes contoso.com through the directory's own API, as a Global Administrator would, and waits
 * for the sync that publishing starts: only then are mailboxes and distribution lists known.
 */
async function publishContoso(api: TestApi, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  const response = await api.as('ga@contoso.com', {
    method: 'POST',
    url: '/api/v1/domains/contoso.com/publish',
  });
  if (response.statusCode !== 200)
    throw new Error(`publishing contoso.com → ${response.statusCode}: ${response.body}`);
  await waitFor(async () => {
    const status = await api.as('reader@contoso.com', { method: 'GET', url: '/api/v1/directory/status' });
    const body = status.json() as { state: string; phases: { finishedAt: string | null }[] };
    return (
      body.state === 'synced' &&
      body.phases.every(
        (phase) => phase.finishedAt !== null && Date.parse(phase.finishedAt) >= started - 1000,
      )
    );
  }, timeoutMs);
}

/** A user's copy of a message, by subject or internetMessageId, with its REST id as Outlook has it. */
export async function copyOf(
  graph: Client,
  upn: string,
  match: { subject?: string; internetMessageId?: string },
): Promise<{ id: string; internetMessageId: string; subject: string }> {
  const filter = match.internetMessageId
    ? `internetMessageId eq '${match.internetMessageId.replace(/'/g, "''")}'`
    : `subject eq '${match.subject!.replace(/'/g, "''")}'`;
  const page = await graph
    .api(`/users/${encodeURIComponent(upn)}/messages`)
    .filter(filter)
    .select('id,internetMessageId,subject')
    .get();
  const copy = page.value[0];
  if (!copy) throw new Error(`${upn} has no message matching ${filter}`);
  return copy;
}

export function report(
  api: TestApi,
  user: string,
  body: Partial<CreateReport> & Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return api.as(user, { method: 'POST', url: '/api/v1/reports', payload: { category: 'phishing', ...body } });
}

/** Replaces the tenant's settings (as admin@, a Privileged Role Administrator) with defaults + change. */
export async function configure(api: TestApi, change: Partial<UserReportedSettings>): Promise<void> {
  const response = await api.as('admin@contoso.com', {
    method: 'PUT',
    url: '/api/v1/settings/user-reported',
    payload: { ...DEFAULT_USER_REPORTED_SETTINGS, ...change },
  });
  if (response.statusCode !== 200) throw new Error(`settings → ${response.statusCode}: ${response.body}`);
}

/** Polls until `check` answers something truthy (jobs run on a one-second poll). */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
