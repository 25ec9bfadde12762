/**
 * Live figures while drawing and measuring: ellipsoidal area ± band and perimeter of a polygon, or
 * the geodesic length of a line (WGS84, GeographicLib), with the band from the accuracy the
 * planner sets (geo/uncertainty.ts). Degenerate sketches (fewer than 3 distinct points) measure 0.
 */
import geographiclib from 'geographiclib-geodesic';
import type { LineString, Polygon, Position } from 'geojson';
import { areaBand, type AreaBand } from '../geo/uncertainty';

const WGS84 = geographiclib.Geodesic.WGS84;

/** Consecutive duplicates removed (terra-draw repeats the cursor position while drawing). */
function distinct(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}

export function polygonFigures(g: Polygon, accuracy_m: number): AreaBand {
  const ring = distinct(g.coordinates[0] ?? []);
  const open = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.slice(0, -1) : ring;
  if (open.length < 3) return areaBand(null, accuracy_m);
  return areaBand({ type: 'Polygon', coordinates: [[...open, open[0]!]] }, accuracy_m);
}

/** Geodesic length of a line, m (WGS84). */
export function lineLength(g: LineString): number {
  let s = 0;
  const c = distinct(g.coordinates);
  for (let i = 1; i < c.length; i++) s += WGS84.Inverse(c[i - 1]![1]!, c[i - 1]![0]!, c[i]![1]!, c[i]![0]!).s12!;
  return s;
}
