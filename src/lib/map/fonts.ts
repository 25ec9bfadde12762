/**
 * Noto Sans SC (SIL OFL 1.1) for the map's labels and the UI, bundled: no system font, no remote
 * `glyphs` server. The build makes one woff2 per weight holding exactly the characters of the data
 * and the UI (scripts/vite/fonts.ts).
 *
 * The file is fetched once and its bytes serve both (issue #16): the UI's face is made from them
 * ({@link installUiFont}), and the map reads them through the `atlas-font://` scheme the adapter
 * registers ({@link loadSharedFont}). A CSS `@font-face` and MapLibre's own download were two
 * requests for the same file (`npm run bench` listed it twice): a preload `as="font"` serves only the
 * CSS font load, never a fetch. The page now preloads the file `as="fetch"` (crossorigin anonymous),
 * which is exactly the request {@link fontBytes} makes.
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
/** CSS family of the UI (app.css). */
const FAMILY = 'Noto Sans SC';

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

const bytes = new Map<string, Promise<ArrayBuffer>>();

/** A font file's bytes, fetched once per page (the preloaded request: same URL, CORS, same-origin credentials). */
export function fontBytes(url: string): Promise<ArrayBuffer> {
  let p = bytes.get(url);
  if (!p) {
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`font ${url}: HTTP ${r.status}`);
      return r.arrayBuffer();
    });
    bytes.set(url, p);
  }
  return p;
}

/**
 * The subset as the page's `Noto Sans SC` (what a CSS `@font-face` would declare), made from the
 * shared bytes. A failure leaves the UI in the system font (and the map says so in its own warning).
 */
export async function installUiFont(baseUrl: string = document.baseURI): Promise<void> {
  await Promise.all(
    subset.map(async (f) => {
      try {
        const face = new FontFace(FAMILY, (await fontBytes(new URL(f.url, baseUrl).href)).slice(0), { weight: String(f.weight), display: 'swap', unicodeRange: f.unicodeRange.join(',') });
        document.fonts.add(face);
        await face.load();
      } catch (e) {
        console.warn('the bundled font did not load; the UI uses a system font', e);
      }
    }),
  );
}

/** URL scheme of map font faces read from the shared bytes (registered with MapLibre by the adapter). */
export const SHARED_FONT_SCHEME = 'atlas-font';
const sharedPrefix = `${SHARED_FONT_SCHEME}://`;

/** The bytes behind an `atlas-font://<absolute URL>` face: a copy of the one download (MapLibre keeps what it is given). */
export async function loadSharedFont(url: string): Promise<ArrayBuffer> {
  return (await fontBytes(url.startsWith(sharedPrefix) ? url.slice(sharedPrefix.length) : url)).slice(0);
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
        document.fonts.add(new FontFace(FAMILY, `url(${JSON.stringify(f.url)}) format('woff2')`, { weight: String(f.weight), display: 'swap', unicodeRange: f.cssRange }));
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
 * `shared`: the subset is read from the page's one download (`atlas-font://`, see above); without
 * it MapLibre downloads the file itself (the bench's bare page, which has no UI text).
 */
export function labelFontFaces(baseUrl: string = document.baseURI, shared = false): FontFacesSpecification {
  const own = subset.filter((f) => f.weight === LABEL_WEIGHT).map((f) => ({ url: new URL(f.url, baseUrl).href, unicodeRange: f.unicodeRange }));
  const faces = [...(shared ? own.map((f) => ({ ...f, url: sharedPrefix + f.url })) : own), ...(fallback ?? []).map((f) => ({ ...f, url: new URL(f.url, baseUrl).href }))];
  return { [LABEL_FONT]: faces.map((f) => ({ url: f.url, 'unicode-range': f.unicodeRange })) };
}
