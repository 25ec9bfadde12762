/**
 * The Atlas's reference geometry for the import's sanity checks (datum suspicion, far away): the
 * district boundaries (geoBoundaries, from OpenStreetMap) and the metro stations and tracks
 * (OpenStreetMap), i.e. the features with a known, metre-level position. Schematic roads and the
 * river are left out: a file cannot be judged against a sketch.
 *
 * Plain arrays so the object can be posted to the import worker (structured clone, a few tens of kB).
 */
import type { Position } from 'geojson';
import type { AtlasData } from '../data/load';

export interface ImportReference {
  /** Polygons (rings of [lon, lat]) of the district the files are about (Shijingshan). */
  district: Position[][][];
  /** Lines a planner traces: every district boundary ring and every metro track. */
  lines: Position[][];
  /** Metro stations. */
  stations: Position[];
}

export function importReference(data: Pick<AtlasData, 'districts' | 'context'>, districtId = 'shijingshan'): ImportReference {
  const polys = (g: { type: string; coordinates: unknown }) => (g.type === 'Polygon' ? [g.coordinates as Position[][]] : (g.coordinates as Position[][][]));
  const lines: Position[][] = [];
  const district: Position[][][] = [];
  for (const d of data.districts) {
    const p = polys(d.geometry);
    for (const poly of p) lines.push(...poly);
    if (d.properties.id === districtId) district.push(...p);
  }
  const stations: Position[] = [];
  for (const c of data.context) {
    const g = c.geometry;
    if (!g) continue;
    if (c.properties.layer === 'metro-station' && g.type === 'Point') stations.push(g.coordinates);
    if (c.properties.layer === 'metro-line') {
      if (g.type === 'LineString') lines.push(g.coordinates);
      else if (g.type === 'MultiLineString') lines.push(...g.coordinates);
    }
  }
  return { district, lines, stations };
}
