import { describe, expect, it } from 'vitest';
import { capabilitiesFor, roleNameForTemplate, ROLE_TEMPLATE_IDS } from '@clawback/shared';

describe('capabilities from directory roles', () => {
  it('lets any member report and nothing more', () => {
    expect(capabilitiesFor([], { isGuest: false })).toEqual(['report']);
  });

  it('refuses guests even the report capability', () => {
    expect(capabilitiesFor([], { isGuest: true })).toEqual([]);
  });

  it('gives a Security Reader read access only', () => {
    expect(capabilitiesFor(['securityReader'], { isGuest: false })).toEqual(['report', 'readReports']);
  });

  it('lets a Security Operator set verdicts but not retract', () => {
    const caps = capabilitiesFor(['securityOperator'], { isGuest: false });
    expect(caps).toContain('setVerdicts');
    expect(caps).not.toContain('retract');
  });

  it('lets a Privileged Role Administrator retract, approve and edit policies, but not publish alone', () => {
    const caps = capabilitiesFor(['privilegedRoleAdministrator'], { isGuest: false });
    expect(caps).toEqual(expect.arrayContaining(['retract', 'approve', 'editPolicies']));
    expect(caps).not.toContain('publishDomains');
  });

  it('needs both privileged roles, or Global Administrator, to publish a domain', () => {
    expect(capabilitiesFor(['privilegedAuthenticationAdministrator'], { isGuest: false })).not.toContain(
      'publishDomains',
    );
    expect(
      capabilitiesFor(['privilegedRoleAdministrator', 'privilegedAuthenticationAdministrator'], {
        isGuest: false,
      }),
    ).toContain('publishDomains');
    expect(capabilitiesFor(['globalAdministrator'], { isGuest: false })).toContain('publishDomains');
  });

  it('maps template ids back to role names and ignores unknown ones', () => {
    expect(roleNameForTemplate(ROLE_TEMPLATE_IDS.securityReader)).toBe('securityReader');
    expect(roleNameForTemplate('00000000-0000-0000-0000-000000000000')).toBeNull();
  });
});
