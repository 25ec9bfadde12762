/**
 * Bundle budget: every JS and CSS file of the build (`dist/`), raw and gzip (level 9), marked
 * first-load (what `index.html` loads, with its static imports and the MapLibre worker) or lazy,
 * checked against bench/budget.json. The first-load JS the Atlas adds to MapLibre is the figure the
 * start-up target is about: first-load JS − MapLibre (its chunk and its worker). The bundled data
 * (a JSON file the page fetches on start, scripts/vite/geodata.ts) is listed and budgeted too, as
 * `json`, apart from the JS.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Budget {
  targets: { idleRatio: number; bytesRatio: number; requests: number; heapRatio: number; ownFirstLoadJsGzipKb: number };
  /** Largest allowed gzip size per chunk name (kB). */
  chunks: Record<string, number>;
  /** Largest allowed gzip size of any lazy chunk without its own entry (kB). */
  lazyChunkGzipKb: number;
}

export interface ChunkSize {
  name: string;
  file: string;
  kind: 'js' | 'css' | 'json';
  firstLoad: boolean;
  maplibre: boolean;
  raw_kb: number;
  gzip_kb: number;
  budget_kb: number | null;
  withinBudget: boolean;
}

export interface BundleResult {
  chunks: ChunkSize[];
  firstLoadJsGzipKb: number;
  maplibreGzipKb: number;
  ownFirstLoadJsGzipKb: number;
  firstLoadCssGzipKb: number;
  /** The bundled data file(s) the first screen fetches. */
  firstLoadJsonGzipKb: number;
  firstLoadFiles: string[];
}

interface ManifestChunk {
  file: string;
  src?: string;
  imports?: string[];
  css?: string[];
  assets?: string[];
}

const kb = (n: number) => n / 1024;

export function readBudget(root: string): Budget {
  return JSON.parse(readFileSync(join(root, 'bench', 'budget.json'), 'utf8')) as Budget;
}

/**
 * A stable name per chunk, without its hash: the entry (whatever the bundler calls it) is `app.js`;
 * a lazy module's chunk is named after its source (`PlaceCard.js`, `pinyin-pro.js`); a CSS file after
 * the chunk that loads it.
 */
function chunkName(file: string, manifest: Record<string, ManifestChunk & { isEntry?: boolean }>): string {
  const ext = file.slice(file.lastIndexOf('.'));
  const jsName = (key: string, c: ManifestChunk & { isEntry?: boolean }): string => {
    if (c.isEntry) return 'app';
    if (key.startsWith('_')) return basename(c.file).replace(/-[A-Za-z0-9_-]{8}\.[a-z]+$/, '');
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(key)?.[1];
    if (pkg) return `${pkg}${key.includes('worker') ? '-worker' : ''}`;
    const stem = basename(key).replace(/^virtual:/, '').replace(/\.[^.]+$/, '');
    return stem === 'index' ? basename(key.slice(0, key.lastIndexOf('/'))) : stem;
  };
  for (const [key, c] of Object.entries(manifest)) {
    if (c.file === file) return `${jsName(key, c)}${ext}`;
    if (c.css?.includes(file)) return `${jsName(key, c)}${ext}`;
  }
  return basename(file).replace(/-[A-Za-z0-9_-]{8}(?=\.[a-z]+$)/, '');
}

export function bundleSizes(root: string, budget: Budget, dist = join(root, 'dist')): BundleResult {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const first = new Set<string>();
  const visit = (file: string) => {
    if (first.has(file)) return;
    first.add(file);
    const c = byFile.get(file);
    for (const i of c?.imports ?? []) visit(manifest[i]?.file ?? i);
    for (const css of c?.css ?? []) first.add(css);
    // MapLibre's worker starts with the map: first-load JS too. The data file is fetched on start.
    for (const a of c?.assets ?? []) if (/\.(m?js|json)$/.test(a)) first.add(a);
  };
  for (const m of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\.?\/?([^"]+\.(?:m?js|css))"/g)) visit(m[1]!);

  const files = Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? []), ...(c.assets ?? [])]);
  const unique = [...new Set(files)].filter((f) => /\.(m?js|css|json)$/.test(f) && existsSync(join(dist, f)));
  const chunks: ChunkSize[] = unique.map((file) => {
    const buf = readFileSync(join(dist, file));
    const name = chunkName(file, manifest);
    const firstLoad = first.has(file);
    const gzip_kb = kb(gzipSync(buf, { level: 9 }).length);
    const budget_kb = budget.chunks[name] ?? (firstLoad ? null : budget.lazyChunkGzipKb);
    return {
      name,
      file,
      kind: file.endsWith('.css') ? 'css' : file.endsWith('.json') ? 'json' : 'js',
      firstLoad,
      maplibre: /^maplibre/.test(name),
      raw_kb: kb(buf.length),
      gzip_kb,
      budget_kb,
      // A first-load chunk nobody gave a budget is a new request on the first screen: flag it.
      withinBudget: budget_kb === null ? false : gzip_kb <= budget_kb,
    };
  });
  chunks.sort((a, b) => Number(b.firstLoad) - Number(a.firstLoad) || b.gzip_kb - a.gzip_kb);
  const sum = (xs: ChunkSize[]) => xs.reduce((s, c) => s + c.gzip_kb, 0);
  const firstJs = chunks.filter((c) => c.firstLoad && c.kind === 'js');
  const firstLoadJsGzipKb = sum(firstJs);
  const maplibreGzipKb = sum(firstJs.filter((c) => c.maplibre));
  return {
    chunks,
    firstLoadJsGzipKb,
    maplibreGzipKb,
    ownFirstLoadJsGzipKb: firstLoadJsGzipKb - maplibreGzipKb,
    firstLoadCssGzipKb: sum(chunks.filter((c) => c.firstLoad && c.kind === 'css')),
    firstLoadJsonGzipKb: sum(chunks.filter((c) => c.firstLoad && c.kind === 'json')),
    firstLoadFiles: [...first],
  };
}
