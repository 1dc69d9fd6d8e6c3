// How Graph users and groups become directory rows: addresses, the mailbox-kind rule, group kinds,
// and partial delta objects merged over what is stored.
import { describe, expect, it } from 'vitest';
import { groupKindOf, groupRow, smtpAddresses, userRow } from '../../../api/src/directory/mapping.js';

const ID = '3f2a1c0e-0000-4000-8000-000000000001';

const member = {
  id: ID.toUpperCase(),
  userPrincipalName: 'Alice@Contoso.com',
  displayName: 'Alice Smith',
  mail: 'Alice@Contoso.com',
  proxyAddresses: [
    'SMTP:Alice@Contoso.com',
    'smtp:a.smith@contoso.com',
    'SIP:alice@contoso.com',
    'X500:/o=x',
  ],
  accountEnabled: true,
  userType: 'Member',
  assignedLicenses: [{ skuId: 'e5' }],
};

describe('users', () => {
  it('keeps every SMTP address lower-cased, primary first, and nothing else', () => {
    expect(smtpAddresses(member.mail, member.proxyAddresses)).toEqual([
      'alice@contoso.com',
      'a.smith@contoso.com',
    ]);
    expect(userRow(member, null)).toMatchObject({
      id: ID,
      upnLower: 'alice@contoso.com',
      domain: 'contoso.com',
      mailboxKind: 'user',
    });
  });

  it.each([
    ['a licensed member', {}, 'user'],
    ['a disabled account that keeps its licence', { accountEnabled: false }, 'user'],
    [
      'a disabled, unlicensed account with an address',
      { accountEnabled: false, assignedLicenses: [] },
      'shared',
    ],
    ['a guest', { userType: 'Guest' }, 'none'],
    ['a member without any address', { mail: null, proxyAddresses: [] }, 'none'],
  ])('classifies %s', (_label, change, kind) => {
    expect(userRow({ ...member, ...change }, null).mailboxKind).toBe(kind);
  });

  it('merges a partial delta object over the stored row', () => {
    const stored = userRow(member, null);
    const renamed = userRow({ id: ID, displayName: 'Alice Jones' }, stored);
    expect(renamed).toEqual({ ...stored, displayName: 'Alice Jones' });
    const disabled = userRow({ id: ID, accountEnabled: false, assignedLicenses: [] }, stored);
    expect(disabled.mailboxKind).toBe('shared');
    expect(disabled.addresses).toEqual(stored.addresses);
  });
});

describe('groups', () => {
  it.each([
    [{ groupTypes: ['Unified'], mailEnabled: true, securityEnabled: false }, 'microsoft365'],
    [{ groupTypes: [], mailEnabled: false, securityEnabled: true }, 'security'],
    [{ groupTypes: [], mailEnabled: true, securityEnabled: true }, 'mailEnabledSecurity'],
    [{ groupTypes: [], mailEnabled: true, securityEnabled: false }, 'distributionList'],
  ])('classifies %o as %s', (flags, kind) => {
    expect(groupKindOf(flags)).toBe(kind);
  });

  it('keeps the stored kind when a delta object omits the flags', () => {
    const stored = groupRow(
      {
        id: ID,
        displayName: 'Sales',
        mail: 'sales@contoso.com',
        groupTypes: [],
        mailEnabled: true,
        securityEnabled: false,
        proxyAddresses: ['SMTP:sales@contoso.com'],
      },
      null,
    );
    expect(groupRow({ id: ID, displayName: 'Sales EMEA' }, stored)).toEqual({
      ...stored,
      displayName: 'Sales EMEA',
    });
  });
});
