/**
 * Bundled Noto Sans SC (SIL OFL 1.1, via @fontsource/noto-sans-sc) as the style's `font-faces`:
 * labels render Chinese and Latin with no system font and no remote `glyphs` server. Fontsource
 * splits the font into ~100 woff2 subsets by unicode range; MapLibre loads only the subsets the
 * visible labels need.
 */
import type { FontFacesSpecification } from '@maplibre/maplibre-gl-style-spec';
import css400 from '@fontsource/noto-sans-sc/400.css?raw';

/** Font stack name used by every symbol layer of the Atlas. */
export const LABEL_FONT = 'Noto Sans SC Regular';

const woff2Urls = import.meta.glob('/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-[0-9]*-400-normal.woff2', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface FontFile {
  file: string;
  unicodeRange: string[];
}

/** Parses fontsource's @font-face rules into file names and unicode ranges (pure; exported for tests). */
export function parseFontFaceCss(css: string): FontFile[] {
  const out: FontFile[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    out.push({ file, unicodeRange: range.split(',').map((r) => r.trim().toUpperCase().replace(/^U\+/, 'U+')) });
  }
  return out;
}

/** `font-faces` entry mapping {@link LABEL_FONT} to the bundled subsets (absolute URLs). */
export function labelFontFaces(baseUrl: string = document.baseURI): FontFacesSpecification {
  const byName = new Map<string, string>();
  for (const [path, url] of Object.entries(woff2Urls)) byName.set(path.slice(path.lastIndexOf('/') + 1), url);
  const faces = parseFontFaceCss(css400).flatMap((f) => {
    const url = byName.get(f.file);
    return url ? [{ url: new URL(url, baseUrl).href, 'unicode-range': f.unicodeRange }] : [];
  });
  return { [LABEL_FONT]: faces };
}
