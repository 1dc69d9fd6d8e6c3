import { describe, expect, it } from 'vitest';
import { assignmentId } from '../../../sandbox/src/graph/directory/role-assignments.js';
import { DirectoryIndex } from '../../../sandbox/src/graph/directory/directory-index.js';
import { USER_FILTER, directoryFilter } from '../../../sandbox/src/graph/directory/filter.js';
import { createDemoTenant } from '../../../sandbox/src/state/seed.js';

const tenant = () =>
  createDemoTenant({
    tenantId: 't',
    clawbackApp: { clientId: 'c', clientSecret: 's' },
    users: 4,
    mailPerUser: 0,
  });

describe('role assignment ids', () => {
  it('encode template and principal GUIDs as Entra does (documented example)', () => {
    expect(assignmentId('62e90394-69f5-4237-9190-012177145e10', 'ace08ec9-aa11-4ada-9145-addf0398233e')).toBe(
      'lAPpYvVpN0KRkAEhdxReEMmO4KwRqtpKkUWt3wOYIz4-1',
    );
  });
});

describe('transitive membership', () => {
  it('expands a membership cycle once and terminates', () => {
    const state = tenant();
    const [u1, u2] = [...state.users.values()];
    const base = {
      description: null,
      mail: null,
      mailEnabled: false,
      securityEnabled: true,
      groupTypes: [],
      proxyAddresses: [],
      createdDateTime: '',
    };
    state.addGroup({ ...base, id: 'a', displayName: 'A', mailNickname: 'a', memberIds: ['b', u1!.id] });
    state.addGroup({
      ...base,
      id: 'b',
      displayName: 'B',
      mailNickname: 'b',
      memberIds: ['a', u1!.id, u2!.id],
    });
    const index = new DirectoryIndex(state, state.directoryVersion);
    expect(index.transitiveMembers('a').map((ref) => ref.id)).toEqual(['b', u1!.id, u2!.id].sort());
    expect(index.transitiveGroupsOf(u2!.id)).toEqual(expect.arrayContaining(['a', 'b']));
  });
});

describe('directory $filter', () => {
  const accepts = (filter: string, advanced = false) => directoryFilter(filter, USER_FILTER, advanced);

  it('needs advanced queries for not, ne and endsWith, and names the operator', () => {
    for (const [filter, operator] of [
      ["not(userType eq 'Guest')", 'not'],
      ["userType ne 'Guest'", 'ne'],
      ["endswith(userPrincipalName,'@contoso.com')", 'endsWith'],
      ["proxyAddresses/any(p:endswith(p,'@contoso.com'))", 'endsWith'],
    ] as const)
      expect(() => accepts(filter), filter).toThrowError(`Operator '${operator}' is not supported`);
    expect(accepts("userType ne 'Guest'", true)).toBeTypeOf('function');
  });

  it('refuses properties and operators Entra does not index', () => {
    for (const filter of [
      "contains(displayName,'a')",
      'userPrincipalName eq null',
      "jobTitle gt 'a'",
      "proxyAddresses eq 'smtp:a@b.c'",
    ])
      expect(() => accepts(filter, true), filter).toThrowError(/Unsupported or invalid query filter clause/);
  });
});
