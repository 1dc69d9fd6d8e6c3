// Regression: a verdict read the user-reported settings on a second connection while its own
// transaction held the only one PGlite has, so a verdict given after the settings cache had expired
// hung the whole API (the default store of `npm start`). Settings are now read before the
// transaction opens.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestApi } from '../../helpers/api.js';
import { graphClient } from '../../helpers/graph.js';
import { CAMPAIGN_SUBJECT, copyOf, report, startReportsApi } from '../../helpers/reports.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let sandbox: TestSandbox;
let api: TestApi;
let campaignId: string;
let reportId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startReportsApi(sandbox);
  const graph = graphClient(sandbox);
  const alice = await report(api, 'alice@contoso.com', {
    itemId: (await copyOf(graph, 'alice@contoso.com', { subject: CAMPAIGN_SUBJECT })).id,
  });
  const bob = await report(api, 'bob@contoso.com', {
    itemId: (await copyOf(graph, 'bob@contoso.com', { subject: CAMPAIGN_SUBJECT })).id,
  });
  campaignId = alice.json().campaignId;
  reportId = bob.json().id;
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

/** Fails instead of hanging the suite when the API deadlocks. */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
  );
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

it('answers a verdict on a report and on a campaign with the settings cache cold', async () => {
  for (const url of [`/api/v1/reports/${reportId}/verdict`, `/api/v1/campaigns/${campaignId}/verdict`]) {
    api.app.reports.context.settings.forget(sandbox.tenantId);
    const response = await within(
      10_000,
      api.as('secops@contoso.com', { method: 'POST', url, payload: { disposition: 'SPAM' } }),
    );
    expect(response.statusCode, response.body).toBe(200);
  }
});
