// The demo tenant, contoso.com: named people in the roles Clawback cares about, numbered users,
// nested distribution lists, a shared mailbox, a guest, weeks of ordinary mail and a phishing
// campaign already delivered through a distribution list. The same seed gives the same tenant.
import { Random } from './random.js';
import { ROLE_NAMES, ROLE_TEMPLATES } from './roles.js';
import { TenantState } from './tenant.js';
import { deliver } from './mail.js';
import { seedMail } from './seed-mail.js';
import type { SandboxApp, SandboxUser } from './types.js';

export interface SeedOptions {
  seed?: number;
  /** Numbered users besides the named ones (default 50; up to 100,000 for benchmarks). */
  users?: number;
  /** Extra security groups of ten members each, for directory benchmarks. */
  groups?: number;
  /** Ordinary messages per mailbox; default 20 for tenants up to 1,000 users, else 0. */
  mailPerUser?: number;
  tenantId: string;
  clawbackApp: { clientId: string; clientSecret: string };
}

export const DEMO_DOMAIN = 'contoso.com';
export const SUBSIDIARY_DOMAIN = 'northwindtraders.com';
export const AUTOMATION_APP = {
  clientId: '6f1c2a4e-93b7-4c1d-8e5a-2b9d7f3c1a60',
  clientSecret: 'sandbox-automation-secret',
};
export const CLAWBACK_API_ROLE = 'Clawback.Automation';
export const CAMPAIGN_SENDER = { name: 'IT Service Desk', address: 'it-support@c0ntoso.com' };

/**
 * Every application permission Clawback's functions ask for (seed 001 tables, plus Calendars.Read
 * for collection and Calendars.ReadWrite for removing meeting-invitation events in retractions).
 */
export const CLAWBACK_PERMISSIONS = [
  'Calendars.Read',
  'Calendars.ReadWrite',
  'Directory.Read.All',
  'Domain.Read.All',
  'Group.Read.All',
  'GroupMember.Read.All',
  'Mail.ReadWrite',
  'Mail.Send',
  'Organization.Read.All',
  'RoleManagement.Read.Directory',
  'User.Read.All',
];

interface NamedPerson {
  alias: string;
  displayName: string;
  roles: (keyof typeof ROLE_TEMPLATES)[];
  jobTitle: string;
}

const NAMED_PEOPLE: NamedPerson[] = [
  {
    alias: 'admin',
    displayName: 'Adele Vance',
    roles: ['privilegedRoleAdministrator'],
    jobTitle: 'Security Engineer',
  },
  {
    alias: 'admin2',
    displayName: 'Alex Wilber',
    roles: ['privilegedRoleAdministrator'],
    jobTitle: 'Security Engineer',
  },
  {
    alias: 'authadmin',
    displayName: 'Pradeep Gupta',
    roles: ['privilegedAuthenticationAdministrator'],
    jobTitle: 'Identity Administrator',
  },
  { alias: 'ga', displayName: 'Megan Bowen', roles: ['globalAdministrator'], jobTitle: 'IT Director' },
  { alias: 'secops', displayName: 'Isaiah Langer', roles: ['securityOperator'], jobTitle: 'SOC Analyst' },
  {
    alias: 'secadmin',
    displayName: 'Lynne Robbins',
    roles: ['securityAdministrator'],
    jobTitle: 'Security Manager',
  },
  { alias: 'reader', displayName: 'Lee Gu', roles: ['securityReader'], jobTitle: 'Auditor' },
  { alias: 'alice', displayName: 'Alice Smith', roles: [], jobTitle: 'Account Manager' },
  { alias: 'bob', displayName: 'Bob Jones', roles: [], jobTitle: 'Engineer' },
];

const FIRST = [
  'Nora',
  'Liam',
  'Maya',
  'Omar',
  'Ines',
  'Kenji',
  'Sofia',
  'Tariq',
  'Eva',
  'Jonas',
  'Priya',
  'Mateo',
  'Hana',
  'Lucas',
  'Zara',
  'Felix',
];
const LAST = [
  'Lindqvist',
  'Okafor',
  'Moreau',
  'Haddad',
  'Novak',
  'Tanaka',
  'Rossi',
  'Khan',
  'Berg',
  'Silva',
  'Iyer',
  'Garcia',
  'Sato',
  'Meyer',
  'Ali',
  'Byrne',
];

export function createDemoTenant(options: SeedOptions): TenantState {
  const seed = options.seed ?? 1;
  const random = new Random(seed);
  const tenant = new TenantState(options.tenantId, 'Contoso', seed, random);
  const userCount = options.users ?? 50;
  const now = Date.now();

  addDomains(tenant);
  addRoles(tenant);
  const named = new Map<string, SandboxUser>();
  for (const person of NAMED_PEOPLE)
    named.set(person.alias, addPerson(tenant, person.alias, person.displayName, person.jobTitle, now));
  const numbered: SandboxUser[] = [];
  for (let i = 1; i <= userCount; i += 1) {
    const alias = `user${String(i).padStart(4, '0')}`;
    const domain = i % 25 === 0 ? SUBSIDIARY_DOMAIN : DEMO_DOMAIN;
    numbered.push(
      addPerson(tenant, alias, `${random.pick(FIRST)} ${random.pick(LAST)}`, 'Staff', now, domain),
    );
  }
  for (const person of NAMED_PEOPLE)
    for (const role of person.roles)
      tenant.roles.get(ROLE_TEMPLATES[role])!.memberIds.push(named.get(person.alias)!.id);

  const special = addSpecialAccounts(tenant, now);
  addGroups(tenant, named, numbered, special, options.groups ?? 0, now);
  addApps(tenant, options.clawbackApp);

  const mailPerUser = options.mailPerUser ?? (userCount <= 1000 ? 20 : 0);
  if (mailPerUser > 0) seedMail(tenant, mailPerUser, now);
  deliverCampaign(tenant, userCount, now);
  return tenant;
}

function addDomains(tenant: TenantState): void {
  const services = ['Email', 'OfficeCommunicationsOnline'];
  tenant.addDomain({
    id: DEMO_DOMAIN,
    isVerified: true,
    isDefault: true,
    isInitial: false,
    authenticationType: 'Managed',
    supportedServices: services,
  });
  tenant.addDomain({
    id: 'contoso.onmicrosoft.com',
    isVerified: true,
    isDefault: false,
    isInitial: true,
    authenticationType: 'Managed',
    supportedServices: services,
  });
  tenant.addDomain({
    id: SUBSIDIARY_DOMAIN,
    isVerified: true,
    isDefault: false,
    isInitial: false,
    authenticationType: 'Managed',
    supportedServices: services,
  });
  tenant.addDomain({
    id: 'contoso.net',
    isVerified: false,
    isDefault: false,
    isInitial: false,
    authenticationType: 'Managed',
    supportedServices: [],
  });
}

function addRoles(tenant: TenantState): void {
  for (const [templateId, displayName] of Object.entries(ROLE_NAMES)) {
    tenant.roles.set(templateId, {
      id: tenant.random.guid(),
      roleTemplateId: templateId,
      displayName,
      description: `Built-in role: ${displayName}.`,
      memberIds: [],
    });
  }
  // Keyed by template id for seeding; lookups by object id go through the role's `id`.
}

function addPerson(
  tenant: TenantState,
  alias: string,
  displayName: string,
  jobTitle: string,
  now: number,
  domain = DEMO_DOMAIN,
): SandboxUser {
  const [givenName, ...rest] = displayName.split(' ');
  const upn = `${alias}@${domain}`;
  return tenant.addUser({
    id: tenant.random.guid(),
    userPrincipalName: upn,
    displayName,
    givenName: givenName ?? null,
    surname: rest.join(' ') || null,
    mail: upn,
    proxyAddresses: [
      `SMTP:${upn}`,
      `smtp:${alias}@contoso.onmicrosoft.com`,
      ...(givenName && rest.length
        ? [`smtp:${givenName.toLowerCase()}.${rest.join('').toLowerCase()}@${domain}`]
        : []),
    ],
    accountEnabled: true,
    userType: 'Member',
    jobTitle,
    department: null,
    officeLocation: null,
    mailboxType: 'user',
    licensed: true,
    createdDateTime: new Date(now - 400 * 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
}

function addSpecialAccounts(tenant: TenantState, now: number) {
  const created = new Date(now - 300 * 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const base = { department: null, officeLocation: null, jobTitle: null, createdDateTime: created };
  const shared = (alias: string, displayName: string) =>
    tenant.addUser({
      ...base,
      id: tenant.random.guid(),
      userPrincipalName: `${alias}@${DEMO_DOMAIN}`,
      displayName,
      givenName: null,
      surname: null,
      mail: `${alias}@${DEMO_DOMAIN}`,
      proxyAddresses: [`SMTP:${alias}@${DEMO_DOMAIN}`],
      // Shared mailboxes are disabled accounts with a mailbox and no licence requirement.
      accountEnabled: false,
      userType: 'Member',
      mailboxType: 'shared',
      licensed: true,
    });
  const helpdesk = shared('helpdesk', 'Helpdesk');
  const reports = shared('phishing-reports', 'Phishing Reports');
  const guest = tenant.addUser({
    ...base,
    id: tenant.random.guid(),
    userPrincipalName: 'partner_fabrikam.com#EXT#@contoso.onmicrosoft.com',
    displayName: 'Pat Partner (Fabrikam)',
    givenName: 'Pat',
    surname: 'Partner',
    mail: 'partner@fabrikam.com',
    proxyAddresses: ['SMTP:partner@fabrikam.com'],
    accountEnabled: true,
    userType: 'Guest',
    mailboxType: 'none',
    licensed: false,
  });
  const former = tenant.addUser({
    ...base,
    id: tenant.random.guid(),
    userPrincipalName: `former.employee@${DEMO_DOMAIN}`,
    displayName: 'Former Employee',
    givenName: 'Former',
    surname: 'Employee',
    mail: `former.employee@${DEMO_DOMAIN}`,
    proxyAddresses: [`SMTP:former.employee@${DEMO_DOMAIN}`],
    accountEnabled: false,
    userType: 'Member',
    mailboxType: 'user',
    licensed: false,
  });
  return { helpdesk, reports, guest, former };
}

function addGroups(
  tenant: TenantState,
  named: Map<string, SandboxUser>,
  numbered: SandboxUser[],
  special: ReturnType<typeof addSpecialAccounts>,
  extraGroups: number,
  now: number,
): void {
  const created = new Date(now - 200 * 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const group = (
    nickname: string,
    displayName: string,
    kind: 'dl' | 'security' | 'mailSecurity' | 'm365',
    memberIds: string[],
  ) =>
    tenant.addGroup({
      id: tenant.random.guid(),
      displayName,
      description: null,
      mail: kind === 'security' ? null : `${nickname}@${DEMO_DOMAIN}`,
      mailNickname: nickname,
      mailEnabled: kind !== 'security',
      securityEnabled: kind === 'security' || kind === 'mailSecurity',
      groupTypes: kind === 'm365' ? ['Unified'] : [],
      proxyAddresses: kind === 'security' ? [] : [`SMTP:${nickname}@${DEMO_DOMAIN}`],
      memberIds,
      createdDateTime: created,
    });
  const ids = (users: (SandboxUser | undefined)[]) =>
    users.filter((u): u is SandboxUser => !!u).map((u) => u.id);
  const platform = group(
    'platform-team',
    'Platform Team',
    'mailSecurity',
    ids(numbered.filter((_, i) => i % 3 === 2)),
  );
  const engineering = group('engineering', 'Engineering', 'dl', [
    ...ids([named.get('bob')]),
    ...ids(numbered.filter((_, i) => i % 3 === 1)),
    platform.id,
  ]);
  const sales = group('sales', 'Sales', 'dl', [
    ...ids([named.get('alice')]),
    ...ids(numbered.filter((_, i) => i % 3 === 0)),
  ]);
  const leadership = ids(
    ['admin', 'admin2', 'authadmin', 'ga', 'secops', 'secadmin', 'reader'].map((a) => named.get(a)),
  );
  group('all-staff', 'All Staff', 'dl', [sales.id, engineering.id, ...leadership, special.helpdesk.id]);
  group('security-team', 'Security Team', 'security', leadership);
  group(
    'project-falcon',
    'Project Falcon',
    'm365',
    ids([named.get('alice'), named.get('bob'), ...numbered.slice(0, 5)]),
  );
  if (numbered.length > 2000) group('pilot-group', 'Pilot Group', 'dl', ids(numbered.slice(0, 1000)));
  for (let i = 1; i <= extraGroups; i += 1) {
    const members = Array.from(
      { length: Math.min(10, numbered.length) },
      () => tenant.random.pick(numbered).id,
    );
    group(`team-${i}`, `Team ${i}`, 'security', [...new Set(members)]);
  }
}

function addApps(tenant: TenantState, clawback: { clientId: string; clientSecret: string }): void {
  const app = (
    clientId: string,
    displayName: string,
    secret: string,
    permissions: string[],
    extra: Partial<SandboxApp> = {},
  ): SandboxApp => {
    const registered: SandboxApp = {
      clientId,
      displayName,
      servicePrincipalId: tenant.random.guid(),
      secrets: [secret],
      certificates: [],
      requiredPermissions: permissions,
      grantedPermissions: new Set(permissions),
      identifierUri: null,
      redirectUris: ['https://localhost:', 'https://127.0.0.1:'],
      apiRoles: {},
      consent: null,
      ...extra,
    };
    tenant.apps.set(clientId, registered);
    return registered;
  };
  app(clawback.clientId, 'Clawback', clawback.clientSecret, CLAWBACK_PERMISSIONS, {
    identifierUri: `api://${clawback.clientId}`,
  });
  app(AUTOMATION_APP.clientId, 'SIEM Connector', AUTOMATION_APP.clientSecret, [], {
    apiRoles: { [clawback.clientId]: [CLAWBACK_API_ROLE] },
  });
}

function deliverCampaign(tenant: TenantState, userCount: number, now: number): void {
  const to = userCount <= 2000 ? `all-staff@${DEMO_DOMAIN}` : `pilot-group@${DEMO_DOMAIN}`;
  const result = deliver(tenant, {
    from: CAMPAIGN_SENDER,
    to: [to],
    subject: 'Action required: your password expires today',
    body:
      '<html><body><p>Dear colleague,</p><p>Your Contoso password expires today. ' +
      'Keep your current password by confirming your account within 24 hours:</p>' +
      '<p><a href="https://c0ntoso-login.example/reset?session=8f2a">Keep my password</a></p>' +
      '<p>IT Service Desk</p></body></html>',
    internetMessageId: `<${tenant.random.bytes(12).toString('hex')}@mail.c0ntoso.com>`,
    receivedDateTime: new Date(now - 2 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    replyTo: [{ name: 'IT Service Desk', address: 'helpdesk-verify@outlook-mail.example' }],
    extraHeaders: [
      {
        name: 'Authentication-Results',
        value:
          'spf=fail (sender IP is 198.51.100.23) smtp.mailfrom=c0ntoso.com; dkim=none (message not signed); dmarc=fail action=none header.from=c0ntoso.com',
      },
      {
        name: 'Received',
        value:
          'from mail.c0ntoso.com (198.51.100.23) by sandbox.protection.outlook.com; ' +
          new Date(now - 2 * 3600_000).toUTCString(),
      },
    ],
  });
  // Some people have already opened it; a few moved it to Junk themselves.
  for (const [index, copy] of result.copies.entries()) {
    const message = tenant.mailbox(copy.userId).messages.get(copy.id)!;
    if (index % 3 === 0) message.isRead = true;
  }
}
