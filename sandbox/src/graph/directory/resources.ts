// Directory objects as Graph sends them: the full property set of a user, group and directory role
// built from the tenant's records, and which of those properties Graph returns without $select.
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import type { TenantState } from '../../state/tenant.js';
import type { SandboxDirectoryRole, SandboxGroup, SandboxUser } from '../../state/types.js';

export type ObjectKind = 'user' | 'group' | 'directoryRole';

export const ODATA_TYPE: Record<ObjectKind, string> = {
  user: '#microsoft.graph.user',
  group: '#microsoft.graph.group',
  directoryRole: '#microsoft.graph.directoryRole',
};

/** Microsoft 365 E5: what a licensed user mailbox carries in assignedLicenses. */
const E5_SKU_ID = '06ebc4ee-1bb5-47dd-8120-11324bc54e06';

/** GET /users without $select returns only these [S38]; everything else needs $select. */
export const USER_DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

export function userResource(user: SandboxUser): Record<string, unknown> {
  const guest = user.userType === 'Guest';
  const resource: MicrosoftGraph.User = {
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: user.officeLocation,
    preferredLanguage: null,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
    accountEnabled: user.accountEnabled,
    ageGroup: null,
    assignedLicenses:
      user.licensed && user.mailboxType === 'user' ? [{ disabledPlans: [], skuId: E5_SKU_ID }] : [],
    city: null,
    companyName: null,
    country: null,
    createdDateTime: user.createdDateTime,
    creationType: guest ? 'Invitation' : null,
    deletedDateTime: null,
    department: user.department,
    employeeId: null,
    externalUserState: guest ? 'Accepted' : null,
    imAddresses: [],
    mailNickname: user.userPrincipalName.split('@')[0]!.replace(/#EXT#$/i, ''),
    onPremisesSyncEnabled: null,
    otherMails: guest && user.mail ? [user.mail] : [],
    proxyAddresses: [...user.proxyAddresses],
    showInAddressList: null,
    state: null,
    usageLocation: guest ? null : 'US',
    userType: user.userType,
  };
  return resource as Record<string, unknown>;
}

/** GET /groups returns every property, so the default set is the full one. */
export function groupResource(group: SandboxGroup, tenant: TenantState | null): Record<string, unknown> {
  const unified = group.groupTypes.includes('Unified');
  // The typings lag the v1.0 wire, which also carries the two *Options collections.
  const resource: MicrosoftGraph.Group &
    Record<'resourceBehaviorOptions' | 'resourceProvisioningOptions', string[]> = {
    id: group.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: group.createdDateTime,
    description: group.description,
    displayName: group.displayName,
    expirationDateTime: null,
    groupTypes: [...group.groupTypes],
    isAssignableToRole: tenant && holdsRole(tenant, group.id) ? true : null,
    mail: group.mail,
    mailEnabled: group.mailEnabled,
    mailNickname: group.mailNickname,
    membershipRule: null,
    membershipRuleProcessingState: null,
    onPremisesDomainName: null,
    onPremisesLastSyncDateTime: null,
    onPremisesNetBiosName: null,
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesSyncEnabled: null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: [...group.proxyAddresses],
    renewedDateTime: group.createdDateTime,
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: unified ? ['Team'] : [],
    securityEnabled: group.securityEnabled,
    securityIdentifier: securityIdentifier(group.id),
    theme: null,
    visibility: unified ? 'Private' : null,
    onPremisesProvisioningErrors: [],
    serviceProvisioningErrors: [],
  };
  return resource as Record<string, unknown>;
}

export function roleResource(role: SandboxDirectoryRole): Record<string, unknown> {
  const resource: MicrosoftGraph.DirectoryRole = {
    id: role.id,
    deletedDateTime: null,
    description: role.description,
    displayName: role.displayName,
    roleTemplateId: role.roleTemplateId,
  };
  return resource as Record<string, unknown>;
}

function holdsRole(tenant: TenantState, principalId: string): boolean {
  for (const role of tenant.roles.values()) if (role.memberIds.includes(principalId)) return true;
  return false;
}

/** Entra's SID for a cloud object: S-1-12-1 followed by the GUID's bytes as four little-endian words. */
function securityIdentifier(id: string): string {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) return 'S-1-12-1-0-0-0-0';
  const bytes = Buffer.from(guidBytes(id));
  const words = [0, 4, 8, 12].map((offset) => bytes.readUInt32LE(offset));
  return `S-1-12-1-${words.join('-')}`;
}

/** A GUID's bytes in .NET order (first three groups little-endian), as Entra encodes ids. */
export function guidBytes(id: string): Uint8Array {
  const hex = id.replace(/-/g, '');
  const raw = Buffer.from(hex, 'hex');
  const out = Buffer.alloc(16);
  out.writeUInt32LE(raw.readUInt32BE(0), 0);
  out.writeUInt16LE(raw.readUInt16BE(4), 4);
  out.writeUInt16LE(raw.readUInt16BE(6), 6);
  raw.copy(out, 8, 8, 16);
  return out;
}

/** Lower-cased property name → Graph's spelling, for case-insensitive $select and $filter. */
function propertyNames(sample: Record<string, unknown>): ReadonlyMap<string, string> {
  return new Map(Object.keys(sample).map((name) => [name.toLowerCase(), name]));
}

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

export const USER_PROPERTIES = propertyNames(
  userResource({
    id: SAMPLE_ID,
    userPrincipalName: 'sample@example.com',
    displayName: '',
    givenName: null,
    surname: null,
    mail: null,
    proxyAddresses: [],
    accountEnabled: true,
    userType: 'Member',
    jobTitle: null,
    department: null,
    officeLocation: null,
    mailboxType: 'none',
    licensed: false,
    createdDateTime: '',
    seq: 0,
  }),
);

export const GROUP_PROPERTIES = propertyNames(
  groupResource(
    {
      id: SAMPLE_ID,
      displayName: '',
      description: null,
      mail: null,
      mailNickname: '',
      mailEnabled: false,
      securityEnabled: false,
      groupTypes: [],
      proxyAddresses: [],
      memberIds: [],
      createdDateTime: '',
      seq: 0,
    },
    null,
  ),
);

export const ROLE_PROPERTIES = propertyNames(
  roleResource({ id: SAMPLE_ID, roleTemplateId: SAMPLE_ID, displayName: '', description: '', memberIds: [] }),
);

/** Properties of any directory object a membership list may hold. */
export const DIRECTORY_OBJECT_PROPERTIES: ReadonlyMap<string, string> = new Map([
  ...ROLE_PROPERTIES,
  ...GROUP_PROPERTIES,
  ...USER_PROPERTIES,
]);
