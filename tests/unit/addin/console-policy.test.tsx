// @vitest-environment jsdom
// The auto-retraction policy form round-trips: what the API gives is what the form shows, what the
// admin changes is exactly what is sent (checked with the API's own schema), a reload shows the
// saved policy, a change that needs a second admin says so, and bad values are not sent.
//
// Speed (jsdom re-renders the whole Fluent form on every keystroke and recomputes styles for every
// query after a change): no delay between simulated keys, long texts pasted rather than typed,
// and fields looked up by label inside the policy form rather than across the page.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import {
  autoRetractionPolicySchema,
  DEFAULT_AUTO_RETRACTION_POLICY,
  DEFAULT_RETRACTION_NOTICE,
  type AutoRetractionPolicy,
} from '@clawback/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { PoliciesPage } from '../../../addin/src/console/pages/policies/PoliciesPage.js';
import {
  fromDraft,
  toDraft,
  type PolicyChange,
} from '../../../addin/src/console/pages/policies/policy-draft.js';
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
      put: async (change) => {
        sent.push(change);
        const policy = autoRetractionPolicySchema.parse(change);
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

/** The policy form, once it is there (the page also holds the user-reported settings). */
async function policyForm() {
  // Waiting on a text is cheap; a role query on every poll would compute styles for the whole page.
  await screen.findByText(t.save);
  return screen.getByRole('form', { name: t.autoHeading });
}
const field = <E extends HTMLElement = HTMLInputElement>(form: HTMLElement, label: string) =>
  within(form).getByLabelText(label) as E;
const select = (form: HTMLElement, label: string) => field<HTMLSelectElement>(form, label);
const saveButton = (form: HTMLElement) => within(form).getByRole('button', { name: t.save });

const {
  notify: _notify,
  notifyRecipients: _on,
  notifyFrom: _from,
  ...policyFields
} = DEFAULT_AUTO_RETRACTION_POLICY;
const defaultChange: PolicyChange = { ...policyFields, notify: DEFAULT_RETRACTION_NOTICE };

describe('policy drafts', () => {
  it('turn a policy into form values and back without change', () => {
    const change: PolicyChange = {
      ...defaultChange,
      actions: {
        MALICIOUS: 'hardDelete',
        SUSPICIOUS: null,
        SPOOF: 'softDelete',
        SPAM: 'moveToJunk',
        BULK: null,
      },
      notify: {
        enabled: true,
        fromMailbox: 'security@contoso.com',
        subject: 'Removed: {{subject}}',
        body: '{{sender}} sent it; it was {{action}} because {{reason}} ({{mailbox}}).',
      },
    };
    expect(fromDraft(toDraft(autoRetractionPolicySchema.parse(change)))).toEqual({
      ok: true,
      policy: change,
    });
  });

  it('name the field that is wrong, inside the notice too', () => {
    const draft = toDraft(DEFAULT_AUTO_RETRACTION_POLICY);
    const result = fromDraft({
      ...draft,
      armedHours: '1000',
      approvalExpiryHours: '',
      notify: { ...draft.notify, enabled: true, body: 'Hello {{recipient}}' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.keys(result.errors).sort()).toEqual([
        'approvalExpiryHours',
        'armedHours',
        'notify.body',
        'notify.fromMailbox',
      ]);
  });
});

describe('the policy form', () => {
  it('shows the stored policy, sends exactly the edits and shows them again after a reload', async () => {
    const user = userEvent.setup({ delay: null });
    const { api, sent } = policyServer();
    renderConsole(<PoliciesPage />, { me: admin(), api });
    let form = await policyForm();
    expect(select(form, t.whenVerdict('Malicious')).value).toBe('moveToDeletedItems');
    expect(select(form, t.whenVerdict('Spam')).value).toBe('moveToJunk');
    expect(field(form, t.threshold).value).toBe('5000');

    await user.selectOptions(select(form, t.whenVerdict('Malicious')), 'hardDelete');
    await user.selectOptions(select(form, t.whenVerdict('Spoofed sender')), 'softDelete');
    await user.selectOptions(select(form, t.whenVerdict('Spam')), '');
    await user.click(field(form, strings.actionNames.softDelete));
    await user.clear(field(form, t.threshold));
    await user.type(field(form, t.threshold), '250');
    await user.clear(field(form, t.rescanMinutes));
    await user.type(field(form, t.rescanMinutes), '10, 60');
    await user.click(saveButton(form));

    await screen.findByText(t.applied);
    const expected: PolicyChange = {
      ...defaultChange,
      actions: { MALICIOUS: 'hardDelete', SUSPICIOUS: null, SPOOF: 'softDelete', SPAM: null, BULK: null },
      requireApproval: ['hardDelete', 'softDelete'],
      approvalMailboxThreshold: 250,
      rescanMinutes: [10, 60],
    };
    expect(sent).toEqual([expected]);
    expect(autoRetractionPolicySchema.parse(sent[0])).toEqual(autoRetractionPolicySchema.parse(expected));

    cleanup();
    renderConsole(<PoliciesPage />, { me: admin(), api });
    await screen.findByText(/^Last changed by admin@contoso\.com/);
    form = await policyForm();
    expect(select(form, t.whenVerdict('Malicious')).value).toBe('hardDelete');
    expect(select(form, t.whenVerdict('Spam')).value).toBe('');
    expect(field(form, t.threshold).value).toBe('250');
    expect(field(form, t.rescanMinutes).value).toBe('10, 60');
    expect(field(form, strings.actionNames.softDelete).checked).toBe(true);
  });

  it('turns on the notice to recipients with its sender and texts, and sends no older notify fields', async () => {
    const user = userEvent.setup({ delay: null });
    const { api, sent } = policyServer();
    renderConsole(<PoliciesPage />, { me: admin(), api });
    let form = await policyForm();
    expect(field(form, t.notifyRecipients).checked).toBe(false);
    expect(field(form, t.noticeSubject).value).toBe(DEFAULT_RETRACTION_NOTICE.subject);
    expect(field<HTMLTextAreaElement>(form, t.noticeBody).value).toBe(DEFAULT_RETRACTION_NOTICE.body);
    // Every placeholder the API accepts is explained where the text is edited.
    for (const name of ['subject', 'sender', 'reason', 'action', 'mailbox'])
      expect(within(form).getByText(`{{${name}}}`)).toBeTruthy();

    const subject = 'Removed from {{mailbox}}: {{subject}}';
    const body = 'The message from {{sender}} was {{action}}.\nWhy: {{reason}}';
    await user.click(field(form, t.notifyRecipients));
    await user.click(field(form, t.notifyFrom));
    await user.paste('security@contoso.com');
    await user.clear(field(form, t.noticeSubject));
    await user.click(field(form, t.noticeSubject));
    await user.paste(subject);
    await user.clear(field(form, t.noticeBody));
    await user.click(field(form, t.noticeBody));
    await user.paste(body);
    await user.click(saveButton(form));

    await screen.findByText(t.applied);
    expect(sent).toEqual([
      { ...defaultChange, notify: { enabled: true, fromMailbox: 'security@contoso.com', subject, body } },
    ]);
    expect(sent[0]).not.toHaveProperty('notifyRecipients');
    expect(sent[0]).not.toHaveProperty('notifyFrom');

    cleanup();
    renderConsole(<PoliciesPage />, { me: admin(), api });
    await screen.findByText(/^Last changed by admin@contoso\.com/);
    form = await policyForm();
    expect(field(form, t.notifyRecipients).checked).toBe(true);
    expect(field(form, t.notifyFrom).value).toBe('security@contoso.com');
    expect(field(form, t.noticeSubject).value).toBe(subject);
    expect(field<HTMLTextAreaElement>(form, t.noticeBody).value).toBe(body);
  });

  it('does not turn notices on without a sender or with an unknown placeholder, and marks both', async () => {
    const user = userEvent.setup({ delay: null });
    const { api, sent } = policyServer();
    renderConsole(<PoliciesPage />, { me: admin(), api });
    const form = await policyForm();
    await user.click(field(form, t.notifyRecipients));
    await user.click(field(form, t.noticeSubject));
    await user.paste(' {{recipient}}');
    await user.click(saveButton(form));

    await screen.findByText(t.fixErrors);
    expect(field(form, t.notifyFrom).getAttribute('aria-invalid')).toBe('true');
    expect(field(form, t.noticeSubject).getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText(/unknown placeholder \{\{recipient\}\}/)).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('says when the change waits for a second administrator and keeps the policy in force', async () => {
    const user = userEvent.setup({ delay: null });
    const { api, sent } = policyServer({ needsApproval: true });
    renderConsole(<PoliciesPage />, { me: admin(), api });
    const form = await policyForm();
    await user.selectOptions(select(form, t.whenVerdict('Bulk mail')), 'moveToJunk');
    await user.click(saveButton(form));
    await screen.findByText(t.pendingSaved);
    expect(sent).toHaveLength(1);
    expect(screen.getByText(t.pendingOwn, { exact: false })).toBeTruthy();
    // The requester is not offered the approval of their own change.
    expect(screen.queryByRole('button', { name: t.approveChange })).toBeNull();
    expect(select(await policyForm(), t.whenVerdict('Bulk mail')).value).toBe('');
  });

  it('does not send a policy with bad values, and marks the fields', async () => {
    const user = userEvent.setup({ delay: null });
    const { api, sent } = policyServer();
    renderConsole(<PoliciesPage />, { me: admin(), api });
    const armed = field(await policyForm(), t.armedHours);
    await user.clear(armed);
    await user.type(armed, '5000');
    await user.click(saveButton(await policyForm()));
    await screen.findByText(t.fixErrors);
    await waitFor(() => expect(armed.getAttribute('aria-invalid')).toBe('true'));
    expect(sent).toEqual([]);
  });
});
