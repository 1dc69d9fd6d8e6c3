// The tenant itself: its domains (verified or not) and the organization resource, whose id is the
// tenant id and whose verifiedDomains say which domain is the default and which the initial one.
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { graphErrors } from '../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import type { TenantState } from '../state/tenant.js';
import type { SandboxDomain } from '../state/types.js';
import { parseSelection, project } from './directory/query.js';
import { odataJson, refuseUnsupported } from './odata.js';
import { PERMISSIONS, type GraphContext, type GraphRoute } from './registry.js';

function domainResource(domain: SandboxDomain): Record<string, unknown> {
  const resource: MicrosoftGraph.Domain = {
    authenticationType: domain.authenticationType,
    availabilityStatus: null,
    id: domain.id,
    isAdminManaged: true,
    isDefault: domain.isDefault,
    isInitial: domain.isInitial,
    isRoot: true,
    isVerified: domain.isVerified,
    passwordNotificationWindowInDays: 14,
    passwordValidityPeriodInDays: 2147483647,
    supportedServices: [...domain.supportedServices],
    state: null,
  };
  return resource as Record<string, unknown>;
}

function organizationResource(tenant: TenantState): Record<string, unknown> {
  const verified = [...tenant.domains.values()].filter((domain) => domain.isVerified);
  const resource: MicrosoftGraph.Organization = {
    id: tenant.tenantId,
    deletedDateTime: null,
    businessPhones: [],
    city: null,
    country: null,
    countryLetterCode: 'US',
    createdDateTime: '2020-01-01T00:00:00Z',
    displayName: tenant.displayName,
    marketingNotificationEmails: [],
    onPremisesLastSyncDateTime: null,
    onPremisesSyncEnabled: null,
    postalCode: null,
    preferredLanguage: 'en',
    securityComplianceNotificationMails: [],
    securityComplianceNotificationPhones: [],
    state: null,
    street: null,
    technicalNotificationMails: [],
    tenantType: 'AAD',
    assignedPlans: [],
    provisionedPlans: [],
    privacyProfile: null,
    verifiedDomains: verified.map((domain) => ({
      capabilities: domain.supportedServices.join(', ') || 'None',
      isDefault: domain.isDefault,
      isInitial: domain.isInitial,
      name: domain.id,
      type: domain.authenticationType,
    })),
  };
  return resource as Record<string, unknown>;
}

const namesOf = (resource: Record<string, unknown>) =>
  new Map(Object.keys(resource).map((name) => [name.toLowerCase(), name]));

function listDomains(request: SandboxRequest, context: GraphContext): SandboxResponse {
  refuseUnsupported(request, []);
  return odataJson(200, {
    '@odata.context': `${context.baseUrl}/$metadata#domains`,
    value: [...context.sandbox.tenant.domains.values()].map(domainResource),
  });
}

function getDomain(request: SandboxRequest, context: GraphContext): SandboxResponse {
  refuseUnsupported(request, []);
  const id = request.params.domainId ?? '';
  const domain = context.sandbox.tenant.domains.get(id.toLowerCase());
  if (!domain) throw graphErrors.resourceNotFound(id);
  return odataJson(200, {
    '@odata.context': `${context.baseUrl}/$metadata#domains/$entity`,
    ...domainResource(domain),
  });
}

function listOrganization(request: SandboxRequest, context: GraphContext): SandboxResponse {
  refuseUnsupported(request, ['$select']);
  const resource = organizationResource(context.sandbox.tenant);
  const selection = parseSelection(request, namesOf(resource), 'microsoft.graph.organization');
  return odataJson(200, {
    '@odata.context': `${context.baseUrl}/$metadata#organization${selection ? `(${selection.raw})` : ''}`,
    value: [project(resource, null, selection)],
  });
}

function getOrganization(request: SandboxRequest, context: GraphContext): SandboxResponse {
  refuseUnsupported(request, ['$select']);
  const tenant = context.sandbox.tenant;
  const id = request.params.organizationId ?? '';
  if (id.toLowerCase() !== tenant.tenantId.toLowerCase()) throw graphErrors.resourceNotFound(id);
  const resource = organizationResource(tenant);
  const selection = parseSelection(request, namesOf(resource), 'microsoft.graph.organization');
  return odataJson(200, {
    '@odata.context': `${context.baseUrl}/$metadata#organization${selection ? `(${selection.raw})` : ''}/$entity`,
    ...project(resource, null, selection),
  });
}

export const routes: GraphRoute[] = [
  { method: 'GET', path: '/domains', permissions: PERMISSIONS.domainRead, handler: listDomains },
  { method: 'GET', path: '/domains/:domainId', permissions: PERMISSIONS.domainRead, handler: getDomain },
  {
    method: 'GET',
    path: '/organization',
    permissions: PERMISSIONS.organizationRead,
    handler: listOrganization,
  },
  {
    method: 'GET',
    path: '/organization/:organizationId',
    permissions: PERMISSIONS.organizationRead,
    handler: getOrganization,
  },
];
