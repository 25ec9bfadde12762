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
import { ellipsoidalMeasure } from './area';
import type { Areal } from './areal';

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
