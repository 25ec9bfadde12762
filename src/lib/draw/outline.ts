/**
 * What the draw panel computes from a drawing, loaded with the draw tools rather than with the first
 * screen (turf, the geometry checks, GeographicLib): a closed drawing as a proposal's outline, and
 * the live figures (measure.ts).
 */
import { rewind } from '@turf/turf';
import type { Polygon } from 'geojson';
import type { AreaGeometry } from '../data/schema';
import { areaGeometryIssues } from '../data/checks';

export { polygonFigures, lineLength } from './measure';

/**
 * A closed drawing as the outline of proposal `id`, or null when the checks find an error (a
 * self-intersecting outline is refused). RFC 7946 winding, as every stored proposal is checked
 * again on load.
 */
export function drawnOutline(id: string, geometry: Polygon): AreaGeometry | null {
  const r = rewind(geometry) as Polygon;
  const g: AreaGeometry = { type: 'Polygon', coordinates: r.coordinates.map((ring) => ring.map((p) => [p[0]!, p[1]!] as [number, number])) };
  return areaGeometryIssues('drawing', id, g).some((i) => i.severity === 'error') ? null : g;
}
