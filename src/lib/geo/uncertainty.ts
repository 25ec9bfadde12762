/**
 * Area uncertainty band from positional accuracy.
 *
 * Model: if the whole boundary may lie up to `accuracy` metres outward or inward of where it is
 * drawn, the area changes by perimeter × accuracy to first order (Steiner's formula for parallel
 * bodies: A(δ) = A ± P·δ + π·δ² for a convex region; the second-order term is π·δ/P of the first,
 * e.g. 8 % for a 2 km perimeter at δ = 50 m, 1 % for 16 km, and is neglected). The band is therefore
 * half-width = P × accuracy, m², with P the total length of all rings (a multi-part zone sums the
 * perimeters of its parts; holes count too, since their edges move as well).
 *
 * This is the systematic case (every edge off in the same sense), i.e. a conservative band: errors
 * that are independent from vertex to vertex largely cancel and would give a much narrower one.
 * Perimeter and area: WGS84 ellipsoid, GeographicLib.
 */
import geographiclib from 'geographiclib-geodesic';
import type { Position } from 'geojson';
import { ellipsoidalMeasure } from './area';
import { polygonsOf, type Areal } from './areal';

export interface AreaBand {
  /** Area, m², WGS84 ellipsoid. */
  area_m2: number;
  /** Total length of all rings, m. */
  perimeter_m: number;
  /** Positional accuracy used, m. */
  accuracy_m: number;
  /** Half-width of the band, m² = perimeter_m × accuracy_m. */
  band_m2: number;
  /** max(0, area − band), m². */
  low_m2: number;
  /** area + band, m². */
  high_m2: number;
}

/** Band from measured area and perimeter (m², m) and accuracy (m). */
export function bandFromMeasure(area_m2: number, perimeter_m: number, accuracy_m: number): AreaBand {
  if (!(accuracy_m >= 0) || !Number.isFinite(accuracy_m)) throw new RangeError(`accuracy_m must be ≥ 0, got ${accuracy_m}`);
  const band = perimeter_m * accuracy_m;
  return {
    area_m2,
    perimeter_m,
    accuracy_m,
    band_m2: band,
    low_m2: Math.max(0, area_m2 - band),
    high_m2: area_m2 + band,
  };
}

/**
 * Area ± band of a geometry whose boundary is known to ± `accuracy_m` metres (see the model above).
 * Null geometry → zero area and zero band.
 */
export function areaBand(geom: Areal | null, accuracy_m: number): AreaBand {
  const m = ellipsoidalMeasure(geom);
  return bandFromMeasure(m.area_m2, m.perimeter_m, accuracy_m);
}

/** One edge's stretch of an exterior ring and its own accuracy (schema `Edge`). */
export interface EdgeAccuracy {
  polygon: number;
  from: number;
  to: number;
  accuracy_m: number;
}

const WGS84 = geographiclib.Geodesic.WGS84;

/** Length, m, of the geodesic path through `pts` (WGS84 ellipsoid, GeographicLib). */
export function pathLength(pts: readonly Position[]): number {
  let s = 0;
  for (let i = 1; i < pts.length; i++) s += WGS84.Inverse(pts[i - 1]![1]!, pts[i - 1]![0]!, pts[i]![1]!, pts[i]![0]!, geographiclib.Geodesic.DISTANCE).s12 ?? 0;
  return s;
}

/**
 * Band of a zone whose edges carry their own accuracies (`provenance.edges`, issue #16): each
 * edge's stretch of its ring moves by its own accuracy, so the half-width is Σ length × accuracy
 * over the edges, and whatever no edge covers (holes, gaps) moves by the zone's `accuracy_m`. The
 * model is the one above, edge by edge; with no edges it is `areaBand`. `accuracy_m` of the result
 * is the effective (length-weighted) accuracy, band / perimeter.
 */
export function zoneBand(geom: Areal | null, accuracy_m: number, edges: readonly EdgeAccuracy[] | undefined): AreaBand {
  if (!edges?.length || geom === null) return areaBand(geom, accuracy_m);
  const m = ellipsoidalMeasure(geom);
  const polys = polygonsOf(geom);
  let covered = 0;
  let band = 0;
  for (const e of edges) {
    const ring = polys[e.polygon]?.[0];
    if (!ring) continue;
    const len = pathLength(ring.slice(e.from, e.to + 1));
    covered += len;
    band += len * e.accuracy_m;
  }
  band += Math.max(0, m.perimeter_m - covered) * accuracy_m;
  const b = bandFromMeasure(m.area_m2, m.perimeter_m, m.perimeter_m > 0 ? band / m.perimeter_m : accuracy_m);
  return { ...b, band_m2: band, low_m2: Math.max(0, m.area_m2 - band), high_m2: m.area_m2 + band };
}

/** zoneBand of a feature with `provenance` (zones, proposals). */
export function featureBand(f: { geometry: Areal | null; properties: { provenance: { accuracy_m: number; edges?: readonly EdgeAccuracy[] } } }): AreaBand {
  return zoneBand(f.geometry, f.properties.provenance.accuracy_m, f.properties.provenance.edges);
}
