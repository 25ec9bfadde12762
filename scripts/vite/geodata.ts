/**
 * Vite plugin: the bundled `geodata/` is validated once, at build time, with the same loader, zod
 * schemas and honesty checks as the CLIs (src/lib/data/load.ts + checks.ts), and shipped as the
 * validated data plus the build's issue list. The page runs no zod or turf over its own data at
 * start-up; user files and external basemaps are still validated at run time.
 *
 * The streets are packed (grouped, coordinates as integer steps) and unpacked by the page: the same
 * features at a quarter of the raw size (src/lib/data/bundle.ts).
 *
 * The build emits them as one JSON file (`assets/atlas-data-<hash>.json`, preloaded by index.html),
 * not as JavaScript: the browser fetches it in parallel with the app's code and reads it with the
 * JSON parser, and a change of the data does not change the app's chunk (or the reverse).
 * `virtual:atlas-data` exports its address, `dataUrl` (a `data:` URL on the dev server).
 *
 * `vite build` fails on any issue of severity `error`, with the located messages. The dev server
 * serves the data with its issues instead, so the data-quality indicator shows them while editing.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import type { LoadResult, RawFiles } from '../../src/lib/data/load.ts';

type Loader = typeof import('../../src/lib/data/load.ts');
type BundleModule = typeof import('../../src/lib/data/bundle.ts');
const VIRTUAL = 'virtual:atlas-data';

/**
 * The app's own loader, run through Vite's module runner (the config stays free of app code, and
 * the loader is read fresh on every build).
 */
export async function appLoader(root: string): Promise<Loader> {
  const { module } = await runnerImport<Loader>(join(root, 'src/lib/data/load.ts'), { configFile: false, root, logLevel: 'error' });
  return module;
}

/** Reads and validates the data files of `dir` (a missing file is an issue, never a throw). */
export function validateGeodata(loader: Loader, dir: string): LoadResult {
  const raw: RawFiles = {};
  for (const [key, file] of Object.entries(loader.GEODATA_FILES) as [keyof Loader['GEODATA_FILES'], string][]) {
    const p = join(dir, file);
    if (existsSync(p)) raw[key] = readFileSync(p, 'utf8');
  }
  return loader.loadAtlasData(raw);
}

/** One line per issue: `file · id · field — message`. */
export function formatIssues(issues: LoadResult['issues']): string {
  return issues.map((i) => `  ${i.severity}: ${[i.file, i.id, i.field].filter(Boolean).join(' · ')} — ${i.message}`).join('\n');
}

/** The app's bundle module (the streets' packing), read like the loader. */
export async function appBundle(root: string): Promise<BundleModule> {
  const { module } = await runnerImport<BundleModule>(join(root, 'src/lib/data/bundle.ts'), { configFile: false, root, logLevel: 'error' });
  return module;
}

/** What the page fetches: the validated data (streets packed, src/lib/data/bundle.ts) and the build's issues. */
export function dataJson(bundle: BundleModule, result: LoadResult): string {
  return JSON.stringify(bundle.toBundle(result));
}

const ASSET = 'atlas-data.json';

/** `root`: the repository (Vite's root by default); `dir`: the data folder (`<root>/geodata`). */
export function atlasGeodata(options: { root?: string; dir?: string } = {}): Plugin {
  let root = options.root ?? process.cwd();
  let dir = options.dir ?? join(root, 'geodata');
  let command: 'build' | 'serve' = 'build';
  return {
    name: 'atlas-geodata',
    configResolved(c) {
      root = options.root ?? c.root;
      dir = options.dir ?? join(root, 'geodata');
      command = c.command;
    },
    resolveId(id) {
      return id === VIRTUAL ? `\0${VIRTUAL}` : null;
    },
    async load(id) {
      if (id !== `\0${VIRTUAL}`) return null;
      const loader = await appLoader(root);
      for (const f of Object.values(loader.GEODATA_FILES)) this.addWatchFile(join(dir, f));
      const result = validateGeodata(loader, dir);
      const errors = result.issues.filter((i) => i.severity === 'error');
      if (errors.length && command === 'build') this.error(`geodata/ has ${errors.length} error(s); fix them or run npm run validate:\n${formatIssues(errors)}`);
      if (result.issues.length) this.warn(`geodata/: ${result.issues.length} issue(s)\n${formatIssues(result.issues)}`);
      const json = dataJson(await appBundle(root), result);
      if (command === 'serve') return `export const dataUrl = ${JSON.stringify(`data:application/json;base64,${Buffer.from(json).toString('base64')}`)};\n`;
      const ref = this.emitFile({ type: 'asset', name: ASSET, source: json });
      return `export const dataUrl = import.meta.ROLLUP_FILE_URL_${ref};\n`;
    },
    // The data is on the first screen: fetched while the app's code loads, not after it has run.
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const file = Object.values(ctx.bundle ?? {}).find((a) => a.type === 'asset' && a.names.includes(ASSET))?.fileName;
        if (!file) return;
        return [{ tag: 'link', attrs: { rel: 'preload', href: `./${file}`, as: 'fetch', type: 'application/json', crossorigin: 'anonymous' }, injectTo: 'head' as const }];
      },
    },
  };
}
