/**
 * The embedded data: `geodata/` validated at build time with the same loader the CLIs use
 * (scripts/vite/geodata.ts; the build fails on an error) and shipped with the build's issue list,
 * which the data-quality indicator shows. A JSON file of the build, preloaded by index.html: read
 * with the JSON parser, outside the app's JavaScript; its streets are unpacked here (bundle.ts).
 */
import { dataUrl } from 'virtual:atlas-data';
import type { LoadResult } from './load';
import { fromBundle, type Bundle } from './bundle';

export async function loadBundledData(): Promise<LoadResult> {
  const res = await fetch(dataUrl);
  if (!res.ok) throw new Error(`the Atlas's data did not load (${res.status} ${dataUrl})`);
  return fromBundle((await res.json()) as Bundle);
}
