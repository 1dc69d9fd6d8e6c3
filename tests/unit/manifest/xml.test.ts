import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderArtifacts } from '../../../manifest/src/index.js';
import { BASE_URL, CLIENT_ID, SAMPLE } from './helpers.js';

const { xml, options } = renderArtifacts(SAMPLE);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const root = parser.parse(xml).OfficeApp[0] as any;
const v10 = root.VersionOverrides[0];
const v11 = v10.VersionOverrides[0];

/** Every value of an element name anywhere below a node. */
function all(node: unknown, name: string): unknown[] {
  if (Array.isArray(node)) return node.flatMap((item) => all(item, name));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => [
    ...(key === name ? (value as unknown[]) : []),
    ...(key === 'VersionOverrides' ? [] : all(value, name)),
  ]);
}

describe('the XML add-in manifest', () => {
  it('names the function commands the add-in registers, and the spam-reporting handler', () => {
    expect(all(v10, 'FunctionName').sort()).toEqual(['reportJunk', 'reportNotJunk', 'reportPhishing']);
    expect(all(v11, 'FunctionName').sort()).toEqual([
      'onSpamReport',
      'reportJunk',
      'reportNotJunk',
      'reportPhishing',
    ]);
  });

  it('is a mail add-in for read mode with the identity and permission Outlook requires', () => {
    expect(root['@xsi:type']).toBe('MailApp');
    expect(root.Id).toEqual([options.xmlAddinId]);
    expect(root.Version).toEqual(['1.0.0.0']);
    expect(root.Permissions).toEqual(['ReadWriteItem']);
    expect(root.Rule[0].Rule[0]).toMatchObject({ '@ItemType': 'Message', '@FormType': 'Read' });
    expect(root.AppDomains[0].AppDomain).toEqual([BASE_URL]);
  });

  it('offers integrated spam reporting from Mailbox 1.14 with a five-option dialog, free text and a more-info link', () => {
    expect(v11['@xsi:type']).toBe('VersionOverridesV1_1');
    expect(v11.Requirements[0]['bt:Sets'][0]['@DefaultMinVersion']).toBe('1.14');
    const host = v11.Hosts[0].Host[0];
    const surface = host.DesktopFormFactor[0].ExtensionPoint.find(
      (point: Record<string, string>) => point['@xsi:type'] === 'ReportPhishingCommandSurface',
    );
    const dialog = surface.ReportPhishingCustomization[0].PreProcessingDialog[0];
    expect(dialog.ReportingOptions[0].Option).toHaveLength(5);
    expect(dialog.FreeTextLabel).toHaveLength(1);
    expect(dialog.MoreInfo[0].MoreInfoUrl).toHaveLength(1);
    const urls = Object.fromEntries(
      v11.Resources[0]['bt:Urls'][0]['bt:Url'].map((url: Record<string, string>) => [
        url['@id'],
        url['@DefaultValue'],
      ]),
    );
    expect(urls[host.Runtimes[0].Runtime[0]['@resid']]).toBe(`${BASE_URL}/commands.html`);
    expect(urls[host.Runtimes[0].Runtime[0].Override[0]['@resid']]).toBe(`${BASE_URL}/commands.js`);
  });

  it('keeps the plain ribbon for clients older than Mailbox 1.14', () => {
    expect(v10['@xsi:type']).toBe('VersionOverridesV1_0');
    expect(v10.Requirements[0]['bt:Sets'][0]['@DefaultMinVersion']).toBe('1.3');
    const points = v10.Hosts[0].Host[0].DesktopFormFactor[0].ExtensionPoint;
    expect(points.map((point: Record<string, string>) => point['@xsi:type'])).toEqual([
      'MessageReadCommandSurface',
    ]);
  });

  it('declares the API for Office single sign-on at both levels, as the last child', () => {
    for (const level of [v10, v11]) {
      expect(level.WebApplicationInfo[0]).toMatchObject({ Id: [CLIENT_ID], Resource: [SAMPLE.apiIdUri] });
      expect(
        Object.keys(level)
          .filter((key) => !key.startsWith('@'))
          .at(-1),
      ).toBe('WebApplicationInfo');
    }
  });

  it('escapes what it writes', () => {
    const named = renderArtifacts({ ...SAMPLE, appName: 'Claw & <Back>' }).xml;
    expect(named).toContain('<ProviderName>Claw &amp; &lt;Back&gt;</ProviderName>');
    expect(named).toContain('<DisplayName DefaultValue="Claw &amp; &lt;Back&gt;"/>');
  });
});
