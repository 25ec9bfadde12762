/**
 * Vite plugin: Noto Sans SC subset to exactly the characters the Atlas can show, made at build time
 * (and on the dev server's first request) with harfbuzz (`subset-font`) from the whole TTFs of
 * `@expo-google-fonts/noto-sans-sc` (SIL OFL 1.1).
 *
 * The character set is read from the repository every time, never listed by hand: every string of
 * every `geodata/*.json|geojson` file, every character of `src/**\/*.ts|svelte` outside comments
 * (both i18n catalogues, and the few literals such as 亩 or × in components), plus Latin, digits and
 * punctuation. One woff2 per weight.
 *
 * The page fetches each file once (preloaded `as="fetch"`) and both the UI's face and the map's
 * labels are made from those bytes (src/lib/map/fonts.ts; `virtual:atlas-fonts` gives their URLs). Text needing other glyphs (a user's file, a
 * search typed in rare characters) gets them from fontsource's unicode-range pieces of the full font
 * (`virtual:atlas-fonts-fallback`), registered by `src/lib/map/fonts.ts` only when such text appears;
 * the pieces' CSS ranges leave out the subset's characters, so none loads for text the subset covers.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** Weights the UI and map use (bold is synthesised: one file fewer to load). */
export const FONT_WEIGHTS = [400] as const;

const EXPO_FILES: Record<number, string> = {
  100: '100Thin/NotoSansSC_100Thin.ttf',
  200: '200ExtraLight/NotoSansSC_200ExtraLight.ttf',
  300: '300Light/NotoSansSC_300Light.ttf',
  400: '400Regular/NotoSansSC_400Regular.ttf',
  500: '500Medium/NotoSansSC_500Medium.ttf',
  600: '600SemiBold/NotoSansSC_600SemiBold.ttf',
  700: '700Bold/NotoSansSC_700Bold.ttf',
  800: '800ExtraBold/NotoSansSC_800ExtraBold.ttf',
  900: '900Black/NotoSansSC_900Black.ttf',
};

/**
 * Always in the subset, whatever the data says: Basic Latin and Latin-1 (digits, letters, ASCII
 * punctuation, ², ×, ·), Latin Extended-A and the pinyin vowels with tone marks (ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ),
 * general punctuation (– — ‘ ’ “ ” … ‰), arrows, − and ±-like signs, CJK punctuation (、。「」《》),
 * and the fullwidth punctuation (，：；！？（）) without fullwidth letters.
 */
export const BASE_RANGES: readonly [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x100, 0x17f],
  [0x1cd, 0x1dc],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
  [0x3000, 0x3011],
  [0x3014, 0x301f],
  [0xff01, 0xff0f],
  [0xff1a, 0xff20],
  [0xff3b, 0xff40],
  [0xff5b, 0xff65],
];

export interface FontFile {
  file: string;
  unicodeRange: string[];
}

/** Parses fontsource's @font-face rules into woff2 file names and unicode ranges (pure). */
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

/** `U+4E00-4E3F` / `U+4E00` / `U+4??` → [start, end] (inclusive). */
export function parseRange(r: string): [number, number] {
  const s = r.trim().replace(/^u\+/i, '');
  if (s.includes('?')) return [parseInt(s.replace(/\?/g, '0'), 16), parseInt(s.replace(/\?/g, 'f'), 16)];
  const [a, b] = s.split('-');
  return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
}

/** Sorted code points → compact `U+XXXX[-YYYY]` ranges. */
export function toRanges(codePoints: Iterable<number>): string[] {
  const cps = [...new Set(codePoints)].sort((a, b) => a - b);
  const out: string[] = [];
  const hex = (n: number) => n.toString(16).toUpperCase();
  for (let i = 0; i < cps.length; ) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j]! + 1) j++;
    out.push(i === j ? `U+${hex(cps[i]!)}` : `U+${hex(cps[i]!)}-${hex(cps[j]!)}`);
    i = j + 1;
  }
  return out;
}

/** `ranges` minus the code points in `minus`, as compact ranges. */
export function subtractRanges(ranges: readonly string[], minus: ReadonlySet<number>): string[] {
  const out: [number, number][] = [];
  for (const r of ranges) {
    const [a, b] = parseRange(r);
    const inside = [...minus].filter((c) => c >= a && c <= b).sort((x, y) => x - y);
    let start = a;
    for (const c of inside) {
      if (c > start) out.push([start, c - 1]);
      start = c + 1;
    }
    if (start <= b) out.push([start, b]);
  }
  const hex = (n: number) => n.toString(16).toUpperCase();
  return out.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`));
}

/** Every string value in a parsed JSON document. */
function jsonStrings(x: unknown, out: string[]): void {
  if (typeof x === 'string') out.push(x);
  else if (Array.isArray(x)) for (const v of x) jsonStrings(v, out);
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) (out.push(k), jsonStrings(v, out));
}

/** Source text without comments (so characters of a comment never enlarge the font). */
export function stripComments(src: string): string {
  return src
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function walk(dir: string, ext: RegExp, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, ext, out);
    else if (ext.test(e.name)) out.push(p);
  }
  return out;
}

/** The files the character set is read from (also watched by the dev server). */
export function textSources(root: string): { data: string[]; code: string[] } {
  const geodata = join(root, 'geodata');
  return {
    data: existsSync(geodata) ? walk(geodata, /\.(geo)?json$/).sort() : [],
    code: walk(join(root, 'src'), /\.(ts|svelte)$/).filter((f) => !/\.d\.ts$/.test(f)).sort(),
  };
}

/** Code points of the data strings and of the UI strings and literals. */
export function textCodePoints(root: string): Set<number> {
  const set = new Set<number>();
  const add = (s: string) => {
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      if (c >= 0x20) set.add(c);
    }
  };
  const { data, code } = textSources(root);
  for (const f of data) {
    const strings: string[] = [];
    try {
      jsonStrings(JSON.parse(readFileSync(f, 'utf8')), strings);
    } catch {
      // A broken data file is the data plugin's error to report; its text still counts.
      strings.push(readFileSync(f, 'utf8'));
    }
    strings.forEach(add);
  }
  for (const f of code) add(stripComments(readFileSync(f, 'utf8')));
  return set;
}

/** Code points the Atlas can show: {@link textCodePoints} and {@link BASE_RANGES}. */
export function wantedCodePoints(root: string): Set<number> {
  const set = textCodePoints(root);
  for (const [a, b] of BASE_RANGES) for (let c = a; c <= b; c++) set.add(c);
  return set;
}

export interface SubsetResult {
  weight: number;
  /** Absolute path of the woff2. */
  path: string;
  /** Code points the subset covers (wanted ∩ the font's cmap). */
  covered: number[];
  /** Code points of the data or UI text that the font does not have at all (left to the system font). */
  absent: number[];
  bytes: number;
}

/** Absolute path of a weight's whole TTF. */
export const fullFontPath = (weight: number) => require.resolve(`@expo-google-fonts/noto-sans-sc/${EXPO_FILES[weight]}`);

const cmapCache = new Map<number, Set<number>>();
async function fullCmap(weight: number): Promise<Set<number>> {
  let s = cmapCache.get(weight);
  if (!s) {
    const fontkit = await import('fontkit');
    const font = fontkit.create(readFileSync(fullFontPath(weight))) as { characterSet: number[] };
    s = new Set(font.characterSet);
    cmapCache.set(weight, s);
  }
  return s;
}

/**
 * Makes (or reuses, when the character set and packages are unchanged) the subset of one weight.
 * Written atomically into `cacheDir`, so parallel builds never read half a file.
 */
export async function makeSubset(root: string, weight: number, cacheDir = join(root, 'node_modules', '.cache', 'atlas-fonts')): Promise<SubsetResult> {
  const wanted = wantedCodePoints(root);
  const cmap = await fullCmap(weight);
  const covered = [...wanted].filter((c) => cmap.has(c)).sort((a, b) => a - b);
  const absent = [...textCodePoints(root)].filter((c) => !cmap.has(c)).sort((a, b) => a - b);
  const versions = ['@expo-google-fonts/noto-sans-sc', 'subset-font'].map((p) => (require(`${p}/package.json`) as { version: string }).version).join();
  const key = createHash('sha256').update(`${versions}|${weight}|${covered.join(',')}`).digest('hex');
  mkdirSync(cacheDir, { recursive: true });
  const path = join(cacheDir, `noto-sans-sc-atlas-${weight}.woff2`);
  const keyPath = `${path}.key`;
  if (!(existsSync(path) && existsSync(keyPath) && readFileSync(keyPath, 'utf8') === key)) {
    const { default: subsetFont } = await import('subset-font');
    const out = await subsetFont(readFileSync(fullFontPath(weight)), String.fromCodePoint(...covered), { targetFormat: 'woff2' });
    const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, out);
    renameSync(tmp, path);
    writeFileSync(`${keyPath}.${process.pid}.tmp`, key);
    renameSync(`${keyPath}.${process.pid}.tmp`, keyPath);
  }
  return { weight, path, covered, absent, bytes: readFileSync(path).length };
}

const FONTSOURCE = '@fontsource/noto-sans-sc';
const VIRTUAL_JS = 'virtual:atlas-fonts';
const VIRTUAL_FALLBACK = 'virtual:atlas-fonts-fallback';
const VIRTUALS = [VIRTUAL_JS, VIRTUAL_FALLBACK];

/**
 * The plugin. First load: `virtual:atlas-fonts` (subset URLs and ranges). On demand:
 * `virtual:atlas-fonts-fallback`, the full font's unicode-range pieces (fontsource), for text
 * outside the subset.
 *
 * `preload` (default true) adds `<link rel="preload" as="fetch" crossorigin="anonymous">` for the
 * subset to the page: the download starts with the HTML, and it is the very request the app's
 * `fetch()` of the file makes (a preload `as="font"` would match only a CSS font load, and the map
 * would download the file a second time).
 */
export function atlasFonts(options: { root?: string; preload?: boolean } = {}): Plugin {
  // The repository (text sources, cache); Vite's root may be a sub-folder (the bench's bare page).
  let root = options.root ?? process.cwd();
  let viteRoot = root;
  let made: Promise<SubsetResult[]> | null = null;
  const subsets = () => (made ??= Promise.all(FONT_WEIGHTS.map((w) => makeSubset(root, w))));
  // Root-relative ids (Vite resolves them from its root in dev, build and CSS url()); absolute
  // file paths for files outside Vite's root.
  const rel = (abs: string) => {
    const r = relative(viteRoot, abs).split('\\').join('/');
    return r.startsWith('..') ? abs : `/${r}`;
  };
  const fallbackFiles = (weight: number) => {
    const cssPath = require.resolve(`${FONTSOURCE}/${weight}.css`);
    return parseFontFaceCss(readFileSync(cssPath, 'utf8')).map((f) => ({ ...f, path: rel(join(cssPath, '..', 'files', f.file)) }));
  };

  return {
    name: 'atlas-fonts',
    configResolved(c) {
      viteRoot = c.root;
      root = options.root ?? c.root;
    },
    resolveId(id) {
      return VIRTUALS.includes(id) ? `\0${id}` : null;
    },
    async load(id) {
      if (!id.startsWith('\0') || !VIRTUALS.includes(id.slice(1))) return null;
      const list = await subsets();
      const { data, code } = textSources(root);
      for (const f of [...data, ...code]) this.addWatchFile(f);
      const imports: string[] = [];
      const url = (path: string) => {
        imports.push(`import u${imports.length} from ${JSON.stringify(`${path}?url`)};`);
        return `u${imports.length - 1}`;
      };
      if (id === `\0${VIRTUAL_JS}`) {
        for (const s of list) {
          if (s.absent.length) this.warn(`Noto Sans SC ${s.weight} has no glyph for ${s.absent.map((c) => String.fromCodePoint(c)).join(' ')} (system font)`);
        }
        const faces = list.map((s) => `{ weight: ${s.weight}, url: ${url(rel(s.path))}, unicodeRange: ${JSON.stringify(toRanges(s.covered))} }`);
        return `${imports.join('\n')}\nexport const subset = [${faces.join(',')}];\n`;
      }
      if (id === `\0${VIRTUAL_FALLBACK}`) {
        // `unicodeRange`: the piece's own range (the map tries the subset first anyway);
        // `cssRange`: without the subset's characters, so the browser never loads a piece for them.
        const faces = list.flatMap((s) => {
          const covered = new Set(s.covered);
          return fallbackFiles(s.weight).flatMap((f) => {
            const rest = subtractRanges(f.unicodeRange, covered);
            return rest.length ? [`{ weight: ${s.weight}, url: ${url(f.path)}, unicodeRange: ${JSON.stringify(f.unicodeRange)}, cssRange: ${JSON.stringify(rest.join(','))} }`] : [];
          });
        });
        return `${imports.join('\n')}\nexport const fallback = [${faces.join(',\n')}];\n`;
      }
      return null;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (options.preload === false) return;
        const names = FONT_WEIGHTS.map((w) => `noto-sans-sc-atlas-${w}.woff2`);
        const hrefs = ctx.bundle
          ? Object.values(ctx.bundle).flatMap((a) => (a.type === 'asset' && a.names.some((n) => names.includes(n)) ? [`./${a.fileName}`] : []))
          : names.map((n) => rel(join(root, 'node_modules', '.cache', 'atlas-fonts', n)));
        return hrefs.map((href) => ({ tag: 'link', attrs: { rel: 'preload', href, as: 'fetch', type: 'font/woff2', crossorigin: 'anonymous' }, injectTo: 'head' as const }));
      },
    },
    handleHotUpdate(ctx) {
      // Data or UI text changed on the dev server: make the subset again for the next load.
      const { data, code } = textSources(root);
      if (![...data, ...code].includes(ctx.file)) return;
      made = null;
      for (const v of VIRTUALS) {
        const m = ctx.server.moduleGraph.getModuleById(`\0${v}`);
        if (m) ctx.server.moduleGraph.invalidateModule(m);
      }
    },
  };
}
