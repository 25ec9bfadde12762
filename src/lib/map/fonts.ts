/**
 * Noto Sans SC (SIL OFL 1.1) for the map's labels and the UI, bundled: no system font, no remote
 * `glyphs` server. The build makes one woff2 per weight holding exactly the characters of the data
 * and the UI (scripts/vite/fonts.ts); the UI's `@font-face` (virtual:atlas-fonts.css) and the map
 * style's `font-faces` use the same file.
 *
 * Text with characters outside that subset (a user's file, a search) calls {@link ensureGlyphs}: the
 * full font's unicode-range pieces (fontsource) are then registered for the UI and the map, and the
 * browser downloads only the pieces that text needs.
 */
import type { FontFacesSpecification } from '@maplibre/maplibre-gl-style-spec';
import { subset } from 'virtual:atlas-fonts';

/** Font stack name used by every symbol layer of the Atlas. */
export const LABEL_FONT = 'Noto Sans SC Regular';
const LABEL_WEIGHT = 400;

interface Face {
  url: string;
  unicodeRange: string[];
}

/** Code point ranges of the subset, [start, end] inclusive, sorted by start. */
const subsetRanges: [number, number][] = subset
  .flatMap((f) =>
    f.unicodeRange.map((r): [number, number] => {
      const [a, b] = r.slice(2).split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
    }),
  )
  .sort((x, y) => x[0] - y[0]);

/** Is code point `c` in a subset range? Binary search: 12,000 parcel names are checked at once. */
function inSubset(c: number): boolean {
  let lo = 0;
  let hi = subsetRanges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = subsetRanges[mid]!;
    if (c < a) hi = mid - 1;
    else if (c > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Code points found in the subset so far: 45,000 parcel names repeat the same few characters. */
const seen = new Set<number>();

/** Does the built subset have every character of `text`? (Controls and whitespace need no glyph.) */
export function subsetCovers(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (c > 0xffff) i++;
    if (c < 0x20 || seen.has(c)) continue;
    if (!inSubset(c)) return false;
    seen.add(c);
  }
  return true;
}

let fallback: Face[] | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/** Called when the full font's pieces join the label font (the map adapter re-applies `font-faces`). */
export function onLabelFontsChange(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/**
 * Makes sure every character of `texts` can be drawn in Noto Sans SC: when one is outside the
 * subset, loads the list of the full font's pieces (once) and registers them with the page
 * (`document.fonts`, lazily loaded per unicode range) and the map.
 */
export function ensureGlyphs(texts: Iterable<string>): Promise<void> {
  if (fallback || loading) return loading ?? Promise.resolve();
  for (const t of texts) {
    if (subsetCovers(t)) continue;
    loading = import('virtual:atlas-fonts-fallback').then(({ fallback: faces }) => {
      const mine = faces.filter((f) => f.weight === LABEL_WEIGHT);
      for (const f of faces) {
        document.fonts.add(new FontFace('Noto Sans SC', `url(${JSON.stringify(f.url)}) format('woff2')`, { weight: String(f.weight), display: 'swap', unicodeRange: f.cssRange }));
      }
      fallback = mine.map((f) => ({ url: f.url, unicodeRange: f.unicodeRange }));
      for (const cb of listeners) cb();
    });
    return loading;
  }
  return Promise.resolve();
}

/**
 * `font-faces` entry for {@link LABEL_FONT} (absolute URLs): the subset first, then, once
 * {@link ensureGlyphs} found text that needs them, the full font's pieces. MapLibre takes the first
 * face whose range covers a character and downloads it only when such a character is drawn.
 */
export function labelFontFaces(baseUrl: string = document.baseURI): FontFacesSpecification {
  const faces = [...subset.filter((f) => f.weight === LABEL_WEIGHT), ...(fallback ?? [])];
  return { [LABEL_FONT]: faces.map((f) => ({ url: new URL(f.url, baseUrl).href, 'unicode-range': f.unicodeRange })) };
}
