// Entra directory roles Clawback recognises, by template id (the same in every tenant), and what
// each lets a caller do in Clawback.

export const ROLE_TEMPLATE_IDS = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  privilegedAuthenticationAdministrator: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  securityOperator: '5f2222b1-57c3-48ba-8ad5-d4759f1fde6f',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
} as const;

export type RoleName = keyof typeof ROLE_TEMPLATE_IDS;

export const ROLE_DISPLAY_NAMES: Record<RoleName, string> = {
  globalAdministrator: 'Global Administrator',
  privilegedRoleAdministrator: 'Privileged Role Administrator',
  privilegedAuthenticationAdministrator: 'Privileged Authentication Administrator',
  securityAdministrator: 'Security Administrator',
  securityOperator: 'Security Operator',
  securityReader: 'Security Reader',
};

export const CAPABILITIES = [
  'report',
  'readReports',
  'setVerdicts',
  'retract',
  'approve',
  'editPolicies',
  'publishDomains',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

const READERS: RoleName[] = [
  'securityReader',
  'securityOperator',
  'securityAdministrator',
  'privilegedRoleAdministrator',
  'globalAdministrator',
];
const VERDICT_SETTERS: RoleName[] = [
  'securityOperator',
  'securityAdministrator',
  'privilegedRoleAdministrator',
  'globalAdministrator',
];
const RETRACTORS: RoleName[] = ['privilegedRoleAdministrator', 'globalAdministrator'];

/**
 * Capabilities from roles, as the architecture's Roles table says. Publishing a domain needs
 * Privileged Role Administrator and Privileged Authentication Administrator together (seed 001),
 * or Global Administrator. Reporting needs a member account; guests are refused by the caller.
 */
export function capabilitiesFor(roles: readonly RoleName[], options: { isGuest: boolean }): Capability[] {
  const has = (role: RoleName) => roles.includes(role);
  const any = (list: RoleName[]) => list.some(has);
  const capabilities: Capability[] = [];
  if (!options.isGuest) capabilities.push('report');
  if (any(READERS)) capabilities.push('readReports');
  if (any(VERDICT_SETTERS)) capabilities.push('setVerdicts');
  if (any(RETRACTORS)) capabilities.push('retract', 'approve', 'editPolicies');
  if (
    has('globalAdministrator') ||
    (has('privilegedRoleAdministrator') && has('privilegedAuthenticationAdministrator'))
  )
    capabilities.push('publishDomains');
  return capabilities;
}

export function roleNameForTemplate(templateId: string): RoleName | null {
  for (const [name, id] of Object.entries(ROLE_TEMPLATE_IDS)) if (id === templateId) return name as RoleName;
  return null;
}
