/** The Atlas's own data files from `geodata/`, for unit tests that run on the real data. */
import { readFileSync } from 'node:fs';
import { GEODATA_FILES, loadAtlasData, type LoadResult, type RawFiles } from '../../src/lib/data/load';

/** Every file of GEODATA_FILES as text, by name. */
export function geodataFiles(): RawFiles {
  return Object.fromEntries(Object.entries(GEODATA_FILES).map(([k, f]) => [k, readFileSync(new URL(`../../geodata/${f}`, import.meta.url), 'utf8')]));
}

/** The real data, loaded and checked as the app loads it. */
export const loadRealData = (): LoadResult => loadAtlasData(geodataFiles());

/**
 * The real data with the properties of `tests/fixtures/issue19/zones-patch.json` merged into its
 * zones (the data change of issue #19: Shougang Park's own name, the interview's wording of it, the
 * talent community's plot count), for tests of code that must be ready for that change.
 */
export function patchedGeodataFiles(): RawFiles {
  const files = geodataFiles();
  const patch = JSON.parse(readFileSync(new URL('../fixtures/issue19/zones-patch.json', import.meta.url), 'utf8')) as { zones: Record<string, Record<string, unknown>> };
  const zones = JSON.parse(files.zones as string) as { features: { properties: Record<string, unknown> }[] };
  for (const f of zones.features) Object.assign(f.properties, patch.zones[f.properties.id as string] ?? {});
  return { ...files, zones: JSON.stringify(zones) };
}
