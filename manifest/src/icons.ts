// Clawback's mark, drawn in code at build time so no binary files live in the repository: an envelope
// under a curved "take back" arrow. Shapes are described in a unit square and rasterised with 4×4
// supersampling, which keeps the 16-pixel ribbon icon legible.
import { PNG } from 'pngjs';
import { OUTLOOK_ICON_SIZES, type OutlookIconSize } from './names.js';

export const ACCENT_COLOR = '#4b2fa6';

type Rgba = readonly [number, number, number, number];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];
const ACCENT: Rgba = [0x4b, 0x2f, 0xa6, 255];

/** What the mark paints at a point of its unit square: the mark itself, a cut-out in it, or nothing. */
function markAt(x: number, y: number): 'mark' | 'cut' | null {
  const inEnvelope = roundedRect(x, y, 0.12, 0.48, 0.88, 0.88, 0.07);
  if (inEnvelope) {
    const flap = Math.min(segment(x, y, 0.12, 0.48, 0.5, 0.72), segment(x, y, 0.5, 0.72, 0.88, 0.48));
    return flap < 0.045 ? 'cut' : 'mark';
  }
  const arc = Math.abs(Math.hypot(x - 0.5, y - 0.36) - 0.22);
  if (y <= 0.36 && arc < 0.055) return 'mark';
  if (triangle(x, y, [0.14, 0.33], [0.42, 0.33], [0.28, 0.46])) return 'mark';
  return null;
}

interface Style {
  /** Colour behind the mark, and the shape it fills (null: transparent). */
  background: Rgba;
  backgroundShape: (x: number, y: number) => boolean;
  /** The mark's box inside the icon, as a fraction of the side. */
  inset: number;
  mark: Rgba;
  cut: Rgba;
}

const FULL_BLEED = () => true;
const ROUNDED_SQUARE = (x: number, y: number) => roundedRect(x, y, 0, 0, 1, 1, 0.2);

/** The Teams colour icon: the mark on a full-bleed accent background. */
export function colorIcon(size = 192): Buffer {
  return draw(size, {
    background: ACCENT,
    backgroundShape: FULL_BLEED,
    inset: 0.2,
    mark: WHITE,
    cut: ACCENT,
  });
}

/** The Teams outline icon: white on transparent, nothing else. */
export function outlineIcon(size = 32): Buffer {
  return draw(size, { background: CLEAR, backgroundShape: FULL_BLEED, inset: 0.04, mark: WHITE, cut: CLEAR });
}

/** An Outlook ribbon or add-in icon: the mark on an accent rounded square. */
export function outlookIcon(size: OutlookIconSize): Buffer {
  return draw(size, {
    background: ACCENT,
    backgroundShape: ROUNDED_SQUARE,
    inset: 0.14,
    mark: WHITE,
    cut: ACCENT,
  });
}

export function outlookIcons(): Map<OutlookIconSize, Buffer> {
  return new Map(OUTLOOK_ICON_SIZES.map((size) => [size, outlookIcon(size)]));
}

const SAMPLES = 4;

function draw(size: number, style: Style): Buffer {
  const png = new PNG({ width: size, height: size });
  const n = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied sums, so transparent samples do not darken the edges.
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [cr, cg, cb, ca] = colorAt(
            (px + (sx + 0.5) / SAMPLES) / size,
            (py + (sy + 0.5) / SAMPLES) / size,
            style,
          );
          r += (cr * ca) / 255;
          g += (cg * ca) / 255;
          b += (cb * ca) / 255;
          a += ca;
        }
      }
      const offset = (py * size + px) * 4;
      png.data[offset] = a ? Math.round((r * 255) / a) : 0;
      png.data[offset + 1] = a ? Math.round((g * 255) / a) : 0;
      png.data[offset + 2] = a ? Math.round((b * 255) / a) : 0;
      png.data[offset + 3] = Math.round(a / n);
    }
  }
  return PNG.sync.write(png);
}

function colorAt(x: number, y: number, style: Style): Rgba {
  if (!style.backgroundShape(x, y)) return CLEAR;
  const scale = 1 - 2 * style.inset;
  const painted = markAt((x - style.inset) / scale, (y - style.inset) / scale);
  if (painted === 'mark') return style.mark;
  if (painted === 'cut') return style.cut;
  return style.background;
}

function roundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return dx * dx + dy * dy <= r * r;
}

/** Distance from a point to a line segment. */
function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

function triangle(x: number, y: number, a: [number, number], b: [number, number], c: [number, number]) {
  const side = (p: [number, number], q: [number, number]) =>
    (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}
