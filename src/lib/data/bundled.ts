/**
 * The embedded data: `geodata/` files bundled as text at build time and validated at start-up
 * with the same loader the CLIs use (so a bad file shows issues instead of breaking the app).
 */
import districts from '../../../geodata/districts.geojson?raw';
import context from '../../../geodata/context.geojson?raw';
import zones from '../../../geodata/zones.geojson?raw';
import points from '../../../geodata/points.geojson?raw';
import claims from '../../../geodata/claims.json?raw';
import { loadAtlasData, type LoadResult } from './load';

export function loadBundledData(): LoadResult {
  return loadAtlasData({ districts, context, zones, points, claims });
}
