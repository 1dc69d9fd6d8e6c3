// Two-person approval: a hard delete (by default policy) waits for a second Privileged Role
// Administrator; the requester cannot approve; approvals expire; policy changes can need approval too.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../helpers/api.js';
import { copiesOf, deliverMessage, requestRetraction, waitFor } from '../../helpers/retractions.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { onboardTenant } from '../../helpers/tenant.js';

let sandbox: TestSandbox;
let api: TestApi;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = await startTestApi(sandbox);
  await onboardTenant(api);
});
afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

async function hardDeleteRequest() {
  const message = await deliverMessage(api, ['bob@contoso.com', 'alice@contoso.com']);
  const response = await requestRetraction(api, 'admin@contoso.com', {
    internetMessageId: message.internetMessageId,
    action: 'hardDelete',
    scope: { allPublished: true },
  });
  const waiting = await waitFor(api, response.json().id, ['awaitingApproval']);
  return { message, waiting };
}

describe('approval', () => {
  it('holds a hard delete until a second admin approves; the requester cannot', async () => {
    const { message, waiting } = await hardDeleteRequest();
    expect(waiting.approval).toMatchObject({
      required: true,
      reasons: [expect.stringContaining('hardDelete')],
      approvedBy: null,
    });
    expect((await copiesOf(api, message.internetMessageId)).every((c) => c.folder === 'inbox')).toBe(true);

    const self = await api.as('admin@contoso.com', {
      method: 'POST',
      url: `/api/v1/retractions/${waiting.id}/approve`,
    });
    expect(self.statusCode).toBe(403);
    const analyst = await api.as('secops@contoso.com', {
      method: 'POST',
      url: `/api/v1/retractions/${waiting.id}/approve`,
    });
    expect(analyst.statusCode).toBe(403);

    const approved = await api.as('admin2@contoso.com', {
      method: 'POST',
      url: `/api/v1/retractions/${waiting.id}/approve`,
    });
    expect(approved.statusCode).toBe(200);
    const done = await waitFor(api, waiting.id);
    expect(done).toMatchObject({ status: 'completed', approval: { approvedBy: 'admin2@contoso.com' } });
    expect(
      (await copiesOf(api, message.internetMessageId)).every((c) => c.folder === 'recoverableitemspurges'),
    ).toBe(true);
  });

  it('refuses an expired approval and cancels the request', async () => {
    const { message, waiting } = await hardDeleteRequest();
    await api.app.database.db.execute(
      sql`update retractions set approval_expires_at = now() - interval '1 minute' where id = ${waiting.id}`,
    );
    const late = await api.as('admin2@contoso.com', {
      method: 'POST',
      url: `/api/v1/retractions/${waiting.id}/approve`,
    });
    expect(late.statusCode).toBe(409);
    expect((await waitFor(api, waiting.id)).status).toBe('cancelled');
    expect((await copiesOf(api, message.internetMessageId)).every((c) => c.folder === 'inbox')).toBe(true);
  });

  it('lets a cancel stop a request waiting for approval', async () => {
    const { waiting } = await hardDeleteRequest();
    const cancelled = await api.as('admin@contoso.com', {
      method: 'POST',
      url: `/api/v1/retractions/${waiting.id}/cancel`,
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', counts: { pending: 0 } });
  });
});

describe('policy changes', () => {
  it('round-trip, and wait for a second admin once the tenant asks for that', async () => {
    const current = (
      await api.as('admin@contoso.com', { method: 'GET', url: '/api/v1/policies/auto-retraction' })
    ).json().policy;
    const strict = { ...current, requireApprovalForPolicyChanges: true };
    expect(
      (
        await api.as('admin@contoso.com', {
          method: 'PUT',
          url: '/api/v1/policies/auto-retraction',
          payload: strict,
        })
      ).statusCode,
    ).toBe(200);
    const proposed = await api.as('admin@contoso.com', {
      method: 'PUT',
      url: '/api/v1/policies/auto-retraction',
      payload: { ...strict, actions: { ...strict.actions, SPOOF: 'softDelete' } },
    });
    expect(proposed.statusCode).toBe(202);
    expect(proposed.json()).toMatchObject({
      policy: { actions: { SPOOF: null } },
      pending: { requestedBy: 'admin@contoso.com' },
    });
    expect(
      (await api.as('admin@contoso.com', { method: 'POST', url: '/api/v1/policies/auto-retraction/approve' }))
        .statusCode,
    ).toBe(403);
    const approved = await api.as('admin2@contoso.com', {
      method: 'POST',
      url: '/api/v1/policies/auto-retraction/approve',
    });
    expect(approved.json()).toMatchObject({ policy: { actions: { SPOOF: 'softDelete' } }, pending: null });
  });

  it('refuses a policy with an unknown action or disposition, naming the field', async () => {
    const current = (
      await api.as('admin@contoso.com', { method: 'GET', url: '/api/v1/policies/auto-retraction' })
    ).json().policy;
    const bad = await api.as('admin@contoso.com', {
      method: 'PUT',
      url: '/api/v1/policies/auto-retraction',
      payload: { ...current, actions: { PHISHY: 'moveToJunk' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('actions');
  });

  it('is not editable by a security operator', async () => {
    const current = (
      await api.as('admin@contoso.com', { method: 'GET', url: '/api/v1/policies/auto-retraction' })
    ).json().policy;
    expect(
      (
        await api.as('secops@contoso.com', {
          method: 'PUT',
          url: '/api/v1/policies/auto-retraction',
          payload: current,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('verdicts', () => {
  it('start the policy retraction for the disposition, requested by whoever set the verdict', async () => {
    const message = await deliverMessage(api, ['sales@contoso.com']);
    const secops = {
      kind: 'user' as const,
      tenantId: sandbox.tenantId,
      oid: 'secops',
      upn: 'secops@contoso.com',
      displayName: null,
      isGuest: false,
      clientId: 'x',
    };
    const started = await api.app.verdicts.onVerdict({
      tenantId: sandbox.tenantId,
      campaignId: null,
      internetMessageId: message.internetMessageId,
      disposition: 'SPAM',
      caller: secops,
    });
    expect(started).not.toBeNull();
    const view = await waitFor(api, started!.retractionId, [
      'completed',
      'completedWithErrors',
      'awaitingApproval',
    ]);
    expect(view).toMatchObject({ source: 'policy', action: 'moveToJunk' });
    expect(
      await api.app.verdicts.onVerdict({
        tenantId: sandbox.tenantId,
        campaignId: null,
        internetMessageId: message.internetMessageId,
        disposition: 'CLEAN',
        caller: secops,
      }),
    ).toBeNull();
  });
});
