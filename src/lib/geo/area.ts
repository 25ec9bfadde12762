/**
 * Area and perimeter of polygonal geometries.
 *
 * Model: WGS84 ellipsoid (a = 6378137 m, f = 1/298.257223563), edges are geodesics, computed with
 * GeographicLib's `PolygonArea` (C. F. F. Karney, "Algorithms for geodesics", J. Geodesy 87:43–55,
 * 2013, doi:10.1007/s00190-012-0578-z, §6). This is the reference for comparison with stated
 * figures, which come from CGCS2000 surveys (CGCS2000 and WGS84 ellipsoids differ by 0.1 mm in b).
 *
 * `sphericalArea` (turf, sphere R = 6371008.8 m) is kept only for comparisons: it reads ≈ 0.10 %
 * low at 40° N (see scripts/bench.ts).
 */
import geographiclib from 'geographiclib-geodesic';
import { area as turfArea } from '@turf/turf';
import type { Position } from 'geojson';
import { openRing, polygonsOf, type Areal } from './areal';

const WGS84 = geographiclib.Geodesic.WGS84;

/** Unsigned area (m²) and perimeter (m) of one ring, whatever its orientation or start vertex. */
function ringMeasure(ring: readonly Position[]): { area_m2: number; perimeter_m: number } {
  const pts = openRing(ring);
  if (pts.length < 3) return { area_m2: 0, perimeter_m: 0 };
  const poly = WGS84.Polygon(false);
  for (const p of pts) poly.AddPoint(p[1]!, p[0]!);
  // reverse = false, sign = true: signed area in (−A₀/2, A₀/2]; its magnitude is the area of the
  // smaller region bounded by the ring, which is the polygon for anything smaller than a hemisphere.
  const r = poly.Compute(false, true);
  return { area_m2: Math.abs(r.area ?? 0), perimeter_m: r.perimeter };
}

/** Area (m²) and total ring length (m) of a polygonal geometry on the WGS84 ellipsoid. */
export interface EllipsoidalMeasure {
  /** Σ over polygons of (exterior − holes), m², WGS84 ellipsoid. */
  area_m2: number;
  /** Σ of the lengths of all rings (exteriors and holes), m, geodesic edges on WGS84. */
  perimeter_m: number;
}

/**
 * Area and perimeter in one pass (WGS84 ellipsoid, GeographicLib). Each polygon counts as its
 * exterior minus its holes; rings may have any orientation and start vertex. Null → zeros.
 */
export function ellipsoidalMeasure(geom: Areal | null): EllipsoidalMeasure {
  let area = 0;
  let perimeter = 0;
  if (geom === null) return { area_m2: 0, perimeter_m: 0 };
  for (const poly of polygonsOf(geom)) {
    let polyArea = 0;
    poly.forEach((ring, i) => {
      const m = ringMeasure(ring);
      polyArea += i === 0 ? m.area_m2 : -m.area_m2;
      perimeter += m.perimeter_m;
    });
    // Holes larger than their exterior mean invalid input; never report a negative area.
    area += Math.max(0, polyArea);
  }
  return { area_m2: area, perimeter_m: perimeter };
}

/** Area, m², on the WGS84 ellipsoid (GeographicLib): exteriors minus holes, summed over parts. */
export function ellipsoidalArea(geom: Areal | null): number {
  return ellipsoidalMeasure(geom).area_m2;
}

/** Total length of all rings (exteriors and holes), m, geodesics on the WGS84 ellipsoid. */
export function ellipsoidalPerimeter(geom: Areal | null): number {
  return ellipsoidalMeasure(geom).perimeter_m;
}

/**
 * Area, m², on a sphere of radius 6371008.8 m (`@turf/area`). For comparisons only: ≈ 0.10 % low
 * at Shijingshan's latitude against the ellipsoidal reference.
 */
export function sphericalArea(geom: Areal | null): number {
  return geom === null ? 0 : turfArea(geom);
}
