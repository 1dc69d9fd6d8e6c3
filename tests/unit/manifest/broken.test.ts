import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../../manifest/src/cli/run-build.js';
import { runValidate } from '../../../manifest/src/cli/run-validate.js';
import {
  renderArtifacts,
  validateUnifiedManifest,
  validateXmlManifest,
} from '../../../manifest/src/index.js';
import { BUILD_ARGS, SAMPLE, captureIo, tempDir } from './helpers.js';

const artifacts = renderArtifacts(SAMPLE);
const unified = () => structuredClone(artifacts.unified) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('a broken unified manifest', () => {
  it('names an http content URL as "must be https"', async () => {
    const manifest = unified();
    manifest.staticTabs[0].contentUrl = 'http://clawback.contoso.com/admin.html';
    expect(await validateUnifiedManifest(manifest, { baseUrl: SAMPLE.baseUrl })).toContain(
      'manifest.json: /staticTabs/0/contentUrl must be https (got "http://clawback.contoso.com/admin.html")',
    );
  });

  it('names schema violations by JSON pointer, one readable line each', async () => {
    const manifest = unified();
    delete manifest.id;
    manifest.surprise = true;
    manifest.webApplicationInfo.id = 'not-a-guid';
    manifest.extensions[0].runtimes[1].code.page = 'ftp://clawback.contoso.com/commands.html';
    const problems = await validateUnifiedManifest(manifest);
    expect(problems).toEqual(
      expect.arrayContaining([
        "manifest.json: / must have required property 'id'",
        'manifest.json: / must not have property "surprise"',
        'manifest.json: /webApplicationInfo/id must be a GUID',
        'manifest.json: /extensions/0/runtimes/1/code/page must be https',
      ]),
    );
    for (const line of problems) expect(line).not.toMatch(/\n|Details:/);
  });

  it('catches an extension whose ribbon names a function no runtime declares', async () => {
    const manifest = unified();
    manifest.extensions[0].ribbons[0].tabs[0].groups[0].controls[0].items[1].actionId = 'reportSpam';
    expect(await validateUnifiedManifest(manifest)).toEqual([
      'manifest.json: /extensions/0/ribbons/0/tabs/0/groups/0/controls/0/items/1/actionId names no runtime action ("reportSpam")',
      'manifest.json: /extensions/0/ribbons must offer the "reportJunk" command',
    ]);
  });

  it('catches a URL outside the deployment and a mismatched single sign-on resource', async () => {
    const manifest = unified();
    manifest.developer.privacyUrl = 'https://example.net/privacy';
    manifest.webApplicationInfo.resource = `api://elsewhere.example.net/${SAMPLE.clientId}`;
    expect(await validateUnifiedManifest(manifest)).toEqual([
      'manifest.json: /developer/privacyUrl must be under https://clawback.contoso.com (got "https://example.net/privacy")',
      `manifest.json: /webApplicationInfo/resource must be ${SAMPLE.apiIdUri} (the App ID URI naming this host and client id)`,
    ]);
  });
});

describe('a broken XML manifest', () => {
  it('reports missing and misplaced elements Outlook requires', () => {
    const xml = artifacts.xml
      .replace(/\s*<Permissions>ReadWriteItem<\/Permissions>/, '')
      .replace(/<Id>[^<]+<\/Id>/, '<Id>clawback</Id>')
      .replace(/(\s*<SupportUrl [^>]+\/>)(\s*<AppDomains>[\s\S]*?<\/AppDomains>)/, '$2$1');
    expect(validateXmlManifest(xml)).toEqual([
      'outlook.xml: OfficeApp/Permissions is missing',
      'outlook.xml: OfficeApp/SupportUrl must come before AppDomains',
      'outlook.xml: OfficeApp/Id must be a GUID (got "clawback")',
    ]);
  });

  it('reports a permission Outlook would not grant the commands', () => {
    const xml = artifacts.xml.replace(
      '<Permissions>ReadWriteItem</Permissions>',
      '<Permissions>ReadItem</Permissions>',
    );
    expect(validateXmlManifest(xml)).toEqual([
      'outlook.xml: OfficeApp/Permissions must be ReadWriteItem or ReadWriteMailbox (got "ReadItem")',
    ]);
  });

  it('reports XML that is not well-formed, with where', () => {
    const [problem, ...rest] = validateXmlManifest(artifacts.xml.replace('</FormSettings>', ''));
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^outlook\.xml: is not well-formed XML: line \d+, column \d+: .*FormSettings/);
  });

  it('reports a spam-reporting dialog with too many options and an unknown handler', () => {
    const xml = artifacts.xml
      .replace('<FunctionName>onSpamReport</FunctionName>', '<FunctionName>onReport</FunctionName>')
      .replace(
        '<Option resid="Option5.Label"/>',
        '<Option resid="Option5.Label"/>\n<Option resid="Option1.Label"/>',
      );
    const spam =
      'OfficeApp/VersionOverrides/VersionOverrides[VersionOverridesV1_1]/Hosts/Host[MailHost]/DesktopFormFactor/ExtensionPoint[ReportPhishingCommandSurface]/ReportPhishingCustomization';
    expect(validateXmlManifest(xml)).toEqual([
      `outlook.xml: ${spam}/Control[Button]/Action[ExecuteFunction]/FunctionName "onReport" is not a Clawback command (reportPhishing, reportJunk, reportNotJunk, onSpamReport)`,
      'outlook.xml: OfficeApp/VersionOverrides must run the function "onSpamReport"',
      `outlook.xml: ${spam}/Control/Action must run "onSpamReport"`,
      `outlook.xml: ${spam}/PreProcessingDialog/ReportingOptions must have 1 to 5 options (has 6)`,
    ]);
  });

  it('reports missing Office single sign-on, which the function commands need', () => {
    const last = artifacts.xml.lastIndexOf('<WebApplicationInfo>');
    const end = artifacts.xml.indexOf('</WebApplicationInfo>', last) + '</WebApplicationInfo>'.length;
    expect(validateXmlManifest(artifacts.xml.slice(0, last) + artifacts.xml.slice(end))).toEqual([
      'outlook.xml: OfficeApp/VersionOverrides[VersionOverridesV1_0]/WebApplicationInfo is missing (the function commands use Office single sign-on)',
    ]);
  });

  it('reports a resid with no resource and a non-https resource URL', () => {
    const xml = artifacts.xml
      .replace('<Label resid="Pane.Label"/>', '<Label resid="Pane.Lable"/>')
      .replace(
        `DefaultValue="${SAMPLE.baseUrl}/commands.js"`,
        'DefaultValue="http://clawback.contoso.com/commands.js"',
      );
    expect(validateXmlManifest(xml)).toEqual([
      'outlook.xml: OfficeApp/VersionOverrides/VersionOverrides[VersionOverridesV1_1]/Resources/bt:Urls/bt:Url[Commands.Js] must be https (got "http://clawback.contoso.com/commands.js")',
      `outlook.xml: OfficeApp/VersionOverrides[VersionOverridesV1_0]/Hosts/Host[MailHost]/DesktopFormFactor/ExtensionPoint[MessageReadCommandSurface]/OfficeTab/Group/Control[Button]/Label resid "Pane.Lable" is not defined in this level's Resources`,
    ]);
  });
});

describe('manifest:validate on broken files', () => {
  it('exits 1 and prints one line per problem', async () => {
    const dir = await tempDir();
    expect(await runBuild([...BUILD_ARGS, '--out-dir', dir], captureIo())).toBe(0);
    const manifest = unified();
    manifest.staticTabs[0].contentUrl = 'http://clawback.contoso.com/admin.html';
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    await writeFile(join(dir, 'icons', 'icon-80.png'), artifacts.outlookIcons.get(64)!);

    const io = captureIo();
    expect(await runValidate(['--dir', dir], io)).toBe(1);
    expect(io.lines.err).toEqual([
      'manifest.json: /staticTabs/0/contentUrl must be https (got "http://clawback.contoso.com/admin.html")',
      'icons/icon-80.png: must be 80×80 pixels (is 64×64)',
      `manifest:validate: 2 problems in ${dir}`,
    ]);
  });

  it('says which file is missing', async () => {
    const dir = await tempDir();
    const io = captureIo();
    expect(await runValidate(['--dir', dir], io)).toBe(1);
    expect(io.lines.err[0]).toBe(`manifest.json: not found in ${dir} (run npm run manifest:build first)`);
  });
});
