// @vitest-environment jsdom
// The auto-retraction policy form round-trips: what the API gives is what the form shows, what the
// admin changes is exactly what is sent (checked with the API's own schema), a reload shows the
// saved policy, a change that needs a second admin says so, and bad values are not sent.
import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import {
  autoRetractionPolicySchema,
  DEFAULT_AUTO_RETRACTION_POLICY,
  type AutoRetractionPolicy,
} from '@clawback/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { PoliciesPage } from '../../../addin/src/console/pages/policies/PoliciesPage.js';
import { fromDraft, toDraft } from '../../../addin/src/console/pages/policies/policy-draft.js';
import { strings } from '../../../addin/src/strings.js';
import { admin, fakeConsoleApi, renderConsole } from './console-fixtures.js';
import { installDomShims } from './fixtures.js';

installDomShims();
afterEach(cleanup);

const t = strings.console.policies;

/** A policy store behind the fake API: PUT replaces it (or parks it as pending), GET reads it. */
function policyServer(options: { needsApproval?: boolean } = {}) {
  let stored = {
    policy: DEFAULT_AUTO_RETRACTION_POLICY,
    updatedBy: null as string | null,
    updatedAt: null as string | null,
    pending: null as { policy: AutoRetractionPolicy; requestedBy: string; requestedAt: string } | null,
  };
  const sent: unknown[] = [];
  const api = fakeConsoleApi({
    policies: {
      get: async () => stored,
      put: async (policy: AutoRetractionPolicy) => {
        sent.push(policy);
        const at = new Date(Date.UTC(2026, 10, 20, 9, sent.length)).toISOString();
        stored = options.needsApproval
          ? { ...stored, pending: { policy, requestedBy: 'admin@contoso.com', requestedAt: at } }
          : { policy, updatedBy: 'admin@contoso.com', updatedAt: at, pending: null };
        return { status: options.needsApproval ? 202 : 200, body: stored };
      },
    },
  });
  return { api, sent };
}

const select = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;
const textbox = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const number = (name: string) => screen.getByRole('spinbutton', { name }) as HTMLInputElement;

describe('policy drafts', () => {
  it('turn a policy into form values and back without change', () => {
    const policy: AutoRetractionPolicy = {
      ...DEFAULT_AUTO_RETRACTION_POLICY,
      actions: {
        MALICIOUS: 'hardDelete',
        SUSPICIOUS: null,
        SPOOF: 'softDelete',
        SPAM: 'moveToJunk',
        BULK: null,
      },
      notifyFrom: 'security@contoso.com',
    };
    expect(fromDraft(toDraft(policy))).toEqual({ ok: true, policy });
  });

  it('name the field that is wrong', () => {
    const draft = { ...toDraft(DEFAULT_AUTO_RETRACTION_POLICY), armedHours: '1000', approvalExpiryHours: '' };
    const result = fromDraft(draft);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['approvalExpiryHours', 'armedHours']);
  });
});

describe('the policy form', () => {
  it('shows the stored policy, sends exactly the edits and shows them again after a reload', async () => {
    const user = userEvent.setup();
    const { api, sent } = policyServer();
    renderConsole(<PoliciesPage />, { me: admin(), api });
    await screen.findByRole('button', { name: t.save });
    expect(select(t.whenVerdict('Malicious')).value).toBe('moveToDeletedItems');
    expect(select(t.whenVerdict('Spam')).value).toBe('moveToJunk');
    expect(number(t.threshold).value).toBe('5000');

    await user.selectOptions(select(t.whenVerdict('Malicious')), 'hardDelete');
    await user.selectOptions(select(t.whenVerdict('Spoofed sender')), 'softDelete');
    await user.selectOptions(select(t.whenVerdict('Spam')), '');
    await user.click(screen.getByRole('checkbox', { name: strings.actionNames.softDelete }));
    await user.clear(number(t.threshold));
    await user.type(number(t.threshold), '250');
    await user.clear(textbox(t.rescanMinutes));
    await user.type(textbox(t.rescanMinutes), '10, 60');
    await user.click(screen.getByRole('switch', { name: t.notifyRecipients }));
    await user.type(textbox(t.notifyFrom), 'security@contoso.com');
    await user.click(screen.getByRole('button', { name: t.save }));

    await screen.findByText(t.applied);
    const expected: AutoRetractionPolicy = {
      ...DEFAULT_AUTO_RETRACTION_POLICY,
      actions: { MALICIOUS: 'hardDelete', SUSPICIOUS: null, SPOOF: 'softDelete', SPAM: null, BULK: null },
      requireApproval: ['hardDelete', 'softDelete'],
      approvalMailboxThreshold: 250,
      rescanMinutes: [10, 60],
      notifyRecipients: true,
      notifyFrom: 'security@contoso.com',
    };
    expect(sent).toEqual([expected]);
    expect(autoRetractionPolicySchema.parse(sent[0])).toEqual(expected);

    cleanup();
    renderConsole(<PoliciesPage />, { me: admin(), api });
    await screen.findByText(/^Last changed by admin@contoso\.com/);
    expect(select(t.whenVerdict('Malicious')).value).toBe('hardDelete');
    expect(select(t.whenVerdict('Spam')).value).toBe('');
    expect(number(t.threshold).value).toBe('250');
    expect(textbox(t.rescanMinutes).value).toBe('10, 60');
    expect(
      (screen.getByRole('checkbox', { name: strings.actionNames.softDelete }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it('says when the change waits for a second administrator and keeps the policy in force', async () => {
    const user = userEvent.setup();
    const { api, sent } = policyServer({ needsApproval: true });
    renderConsole(<PoliciesPage />, { me: admin(), api });
    await user.selectOptions(
      await screen.findByRole('combobox', { name: t.whenVerdict('Bulk mail') }),
      'moveToJunk',
    );
    await user.click(screen.getByRole('button', { name: t.save }));
    await screen.findByText(t.pendingSaved);
    expect(sent).toHaveLength(1);
    expect(screen.getByText(t.pendingOwn, { exact: false })).toBeTruthy();
    // The requester is not offered the approval of their own change.
    expect(screen.queryByRole('button', { name: t.approveChange })).toBeNull();
    expect(select(t.whenVerdict('Bulk mail')).value).toBe('');
  });

  it('does not send a policy with bad values, and marks the fields', async () => {
    const user = userEvent.setup();
    const { api, sent } = policyServer();
    renderConsole(<PoliciesPage />, { me: admin(), api });
    const armed = await screen.findByRole('spinbutton', { name: t.armedHours });
    await user.clear(armed);
    await user.type(armed, '5000');
    await user.click(screen.getByRole('button', { name: t.save }));
    await screen.findByText(t.fixErrors);
    await waitFor(() => expect(armed.getAttribute('aria-invalid')).toBe('true'));
    expect(sent).toEqual([]);
  });
});
