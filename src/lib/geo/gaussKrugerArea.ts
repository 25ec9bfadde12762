/**
 * Planar area in a Gauss–Krüger (transverse Mercator) plane, the way planners' GIS measure
 * parcels. For comparison with the ellipsoidal reference only.
 *
 * Default plane: EPSG:4548, CGCS2000 3-degree Gauss–Krüger CM 117°E (false easting 500 km,
 * scale 1, GRS80 ellipsoid), as defined in the EPSG registry. At Shijingshan (≈ 116.2° E, 0.8° from
 * the central meridian) the scale error 1 + (Δλ·cos φ)²/2 ≈ 1.000065 makes planar areas read
 * ≈ 0.013 % high.
 */
import proj4 from 'proj4';
import type { Position } from 'geojson';
import { openRing, polygonsOf, type Areal } from './areal';

/** proj4 definition of EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E). */
export const EPSG_4548 =
  '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

/** Unsigned shoelace area of a ring of plane coordinates, m². */
function shoelace(ring: readonly Position[]): number {
  let s = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return Math.abs(s) / 2;
}

/**
 * Area, m², of the geometry projected to a transverse Mercator plane (default EPSG:4548) with
 * straight edges in the plane (shoelace formula); exteriors minus holes. Input is WGS84 lon/lat,
 * taken as CGCS2000 (identical at this scale).
 */
export function gaussKrugerArea(geom: Areal | null, projDef: string = EPSG_4548): number {
  if (geom === null) return 0;
  const toPlane = proj4('+proj=longlat +ellps=GRS80 +no_defs', projDef);
  let total = 0;
  for (const poly of polygonsOf(geom)) {
    let a = 0;
    poly.forEach((ring, i) => {
      const plane = openRing(ring).map((p) => toPlane.forward([p[0]!, p[1]!]) as Position);
      a += (i === 0 ? 1 : -1) * shoelace(plane);
    });
    total += Math.max(0, a);
  }
  return total;
}
