/**
 * The embedded data: `geodata/` validated at build time with the same loader the CLIs use
 * (scripts/vite/geodata.ts; the build fails on an error) and shipped with the build's issue list,
 * which the data-quality indicator shows.
 */
import { data, issues } from 'virtual:atlas-data';
import type { LoadResult } from './load';

export function loadBundledData(): LoadResult {
  return { data, issues };
}
