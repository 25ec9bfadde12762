/** The Atlas's own data files from `geodata/`, for unit tests that run on the real data. */
import { readFileSync } from 'node:fs';
import { GEODATA_FILES, loadAtlasData, type LoadResult, type RawFiles } from '../../src/lib/data/load';

/** Every file of GEODATA_FILES as text, by name. */
export function geodataFiles(): RawFiles {
  return Object.fromEntries(Object.entries(GEODATA_FILES).map(([k, f]) => [k, readFileSync(new URL(`../../geodata/${f}`, import.meta.url), 'utf8')]));
}

/** The real data, loaded and checked as the app loads it. */
export const loadRealData = (): LoadResult => loadAtlasData(geodataFiles());
