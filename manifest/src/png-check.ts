// Reads an icon back and says what is wrong with it: not a PNG, the wrong size, or (for the Teams
// outline icon) anything but white on transparent.
import { PNG } from 'pngjs';

export function pngProblems(bytes: Uint8Array, rule: { size: number; whiteOnly?: boolean }): string[] {
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes));
  } catch (error) {
    return [`is not a PNG (${(error as Error).message})`];
  }
  if (png.width !== rule.size || png.height !== rule.size)
    return [`must be ${rule.size}×${rule.size} pixels (is ${png.width}×${png.height})`];
  if (rule.whiteOnly && !whiteOrTransparent(png)) return ['must be white on a transparent background'];
  return [];
}

function whiteOrTransparent(png: PNG): boolean {
  for (let i = 0; i < png.data.length; i += 4) {
    const alpha = png.data[i + 3];
    if (alpha !== 0 && (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255))
      return false;
  }
  return true;
}
