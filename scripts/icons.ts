/**
 * Draws the app icons in public/icons/ (PNG, pngjs): a map pin over three zone outlines on the
 * Atlas's blue, at 192 and 512 px, plus a maskable variant (full bleed, motif inside the 80 % safe
 * zone, https://w3c.github.io/manifest/#icon-masks). Deterministic; run after changing the design:
 *
 *   npx tsx scripts/icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
type RGBA = [number, number, number, number];
const BLUE: RGBA = [29, 78, 216, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const AMBER: RGBA = [253, 230, 138, 255];

/** Colour at (x, y) in unit coordinates [0, 1]², or null (transparent). */
function shade(x: number, y: number, maskable: boolean): RGBA | null {
  // Maskable: motif shrunk into the safe zone; "any": rounded square with transparent corners.
  const s = maskable ? 0.72 : 0.92;
  const u = (x - 0.5) / s + 0.5;
  const v = (y - 0.5) / s + 0.5;
  if (!maskable) {
    const r = 0.2;
    const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
    const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
    if (dx * dx + dy * dy > r * r) return null;
  }
  // Three zone outlines (rectangle rings) in the lower half.
  const ring = (x0: number, y0: number, x1: number, y1: number, w: number) =>
    u >= x0 && u <= x1 && v >= y0 && v <= y1 && !(u >= x0 + w && u <= x1 - w && v >= y0 + w && v <= y1 - w);
  if (ring(0.12, 0.56, 0.46, 0.88, 0.035) || ring(0.52, 0.62, 0.88, 0.88, 0.035) || ring(0.3, 0.44, 0.62, 0.7, 0.035)) return AMBER;
  // Map pin: a circle with a point below, a hole in the middle.
  const cx = 0.5;
  const cy = 0.3;
  const R = 0.17;
  const d = Math.hypot(u - cx, v - cy);
  const inTip = v > cy && v < 0.62 && Math.abs(u - cx) < R * (1 - (v - cy) / (0.62 - cy)) * 0.95;
  if ((d < R || inTip) && d > 0.065) return WHITE;
  return BLUE;
}

function draw(size: number, maskable: boolean): Buffer {
  const png = new PNG({ width: size, height: size });
  const SS = 4; // 4 × 4 supersampling for smooth edges
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let j = 0; j < SS; j++)
        for (let i = 0; i < SS; i++) {
          const c = shade((x + (i + 0.5) / SS) / size, (y + (j + 0.5) / SS) / size, maskable);
          if (!c) continue;
          for (let k = 0; k < 3; k++) acc[k]! += c[k]! * c[3];
          acc[3]! += c[3];
        }
      const o = (y * size + x) * 4;
      const a = acc[3]!;
      png.data[o] = a ? Math.round(acc[0]! / a) : 0;
      png.data[o + 1] = a ? Math.round(acc[1]! / a) : 0;
      png.data[o + 2] = a ? Math.round(acc[2]! / a) : 0;
      png.data[o + 3] = Math.round(a / (SS * SS));
    }
  return PNG.sync.write(png);
}

mkdirSync(OUT, { recursive: true });
for (const size of [192, 512]) writeFileSync(join(OUT, `icon-${size}.png`), draw(size, false));
writeFileSync(join(OUT, 'icon-maskable-512.png'), draw(512, true));
writeFileSync(join(OUT, 'apple-touch-icon-180.png'), draw(180, true));
console.log(`icons written to ${OUT}`);
