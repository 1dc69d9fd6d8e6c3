import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../../manifest/src/cli/run-build.js';
import { renderArtifacts, validateTeamsPackage } from '../../../manifest/src/index.js';
import { BUILD_ARGS, SAMPLE, captureIo, tempDir } from './helpers.js';

const artifacts = renderArtifacts(SAMPLE);

describe('the Teams app package', () => {
  it('holds manifest.json and the two icons at its root, at the sizes Teams requires', async () => {
    const dir = await tempDir();
    expect(await runBuild([...BUILD_ARGS, '--out-dir', dir], captureIo())).toBe(0);
    const entries = unzipSync(new Uint8Array(await readFile(join(dir, 'clawback.zip'))));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.id).toBe(artifacts.unified.id);

    const color = PNG.sync.read(Buffer.from(entries['color.png']!));
    const outline = PNG.sync.read(Buffer.from(entries['outline.png']!));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    // The colour icon is opaque; the outline icon is white on transparent and not empty.
    expect(alphas(color).every((a) => a === 255)).toBe(true);
    const outlineAlphas = alphas(outline);
    expect(outlineAlphas.some((a) => a === 0)).toBe(true);
    expect(outlineAlphas.filter((a) => a === 255).length).toBeGreaterThan(100);
    for (let i = 0; i < outline.data.length; i += 4)
      if (outline.data[i + 3]) expect([...outline.data.subarray(i, i + 3)]).toEqual([255, 255, 255]);
  });

  it('is the same bytes for the same inputs', () => {
    expect(
      Buffer.from(renderArtifacts(SAMPLE).teamsPackage).equals(Buffer.from(artifacts.teamsPackage)),
    ).toBe(true);
  });

  it('writes the Outlook icons at 16, 32, 64, 80 and 128 pixels', async () => {
    const dir = await tempDir();
    expect(await runBuild([...BUILD_ARGS, '--out-dir', dir], captureIo())).toBe(0);
    for (const size of [16, 32, 64, 80, 128]) {
      const png = PNG.sync.read(await readFile(join(dir, 'icons', `icon-${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
    }
  });

  it('writes only the icons with --icons-only, for the image build to serve', async () => {
    const dir = await tempDir();
    expect(await runBuild(['--icons-only', '--out-dir', dir], captureIo())).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['icons']);
    expect((await readdir(join(dir, 'icons'))).sort()).toEqual([
      'icon-128.png',
      'icon-16.png',
      'icon-32.png',
      'icon-64.png',
      'icon-80.png',
    ]);
  });

  it('is refused with an icon of the wrong size, a coloured outline or files in a folder', async () => {
    const entries = unzipSync(artifacts.teamsPackage);
    const broken = zipSync({
      'manifest.json': entries['manifest.json']!,
      'color.png': entries['outline.png']!,
      'outline.png': recolour(entries['outline.png']!),
      'extra/readme.txt': strToU8('hello'),
    });
    expect(await validateTeamsPackage(broken)).toEqual([
      'clawback.zip: extra/readme.txt must be at the root of the package',
      'clawback.zip/color.png: must be 192×192 pixels (is 32×32)',
      'clawback.zip/outline.png: must be white on a transparent background',
    ]);
  });

  it('is refused without a manifest', async () => {
    const entries = unzipSync(artifacts.teamsPackage);
    const broken = zipSync({ 'color.png': entries['color.png']!, 'outline.png': entries['outline.png']! });
    expect(await validateTeamsPackage(broken)).toEqual([
      'clawback.zip: must contain manifest.json at its root',
    ]);
  });
});

function alphas(png: PNG): number[] {
  const result: number[] = [];
  for (let i = 3; i < png.data.length; i += 4) result.push(png.data[i]!);
  return result;
}

/** The same icon with its visible pixels turned red. */
function recolour(bytes: Uint8Array): Uint8Array {
  const png = PNG.sync.read(Buffer.from(bytes));
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i + 3]) png.data[i + 1] = png.data[i + 2] = 0;
  return PNG.sync.write(png);
}
