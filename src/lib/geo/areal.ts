/**
 * Shared shapes for the geometry library: polygonal GeoJSON geometries (RFC 7946, WGS84
 * `[lon°, lat°]`) and small structural helpers. No measurement happens here.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** A polygonal geometry: what zones, districts and clip results are. */
export type Areal = Polygon | MultiPolygon;

/** The polygons of a geometry as `[exterior, ...holes]` ring lists (a Polygon is one of them). */
export function polygonsOf(geom: Areal): Position[][][] {
  return geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
}

/** Builds the smallest geometry for a list of polygons: null for none, Polygon for one. */
export function fromPolygons(polys: Position[][][]): Areal | null {
  if (polys.length === 0) return null;
  if (polys.length === 1) return { type: 'Polygon', coordinates: polys[0]! };
  return { type: 'MultiPolygon', coordinates: polys };
}

/** Bounding box `[minLon, minLat, maxLon, maxLat]`, degrees. */
export type BBox = [number, number, number, number];

export function bboxOf(geom: Areal): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of polygonsOf(geom))
    for (const ring of poly)
      for (const p of ring) {
        const x = p[0]!;
        const y = p[1]!;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
  return [minX, minY, maxX, maxY];
}

/** True when two boxes share at least one point (touching counts). */
export function bboxesTouch(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Distinct positions of a ring: the closing repeat of the first position is left out. */
export function openRing(ring: readonly Position[]): Position[] {
  const n = ring.length;
  if (n > 1) {
    const first = ring[0]!;
    const last = ring[n - 1]!;
    if (first[0] === last[0] && first[1] === last[1]) return ring.slice(0, n - 1);
  }
  return ring.slice();
}
