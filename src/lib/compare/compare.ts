/**
 * Compare two geometries: two versions of a zone, or a zone version and a planner's proposal.
 * Left (`a`) is the reference, right (`b`) the other: land added is in b and not in a, removed the
 * reverse (geo/expansion.ts, robust clipping, WGS84 ellipsoid). Also each side's overlaps with the
 * other zones shown on the map, and the metro stations within 800 m of each (geodesic distance to
 * the outline, 0 inside; card/card.ts), so a planner sees what an outline gains or loses.
 */
import type { AtlasData } from '../data/load';
import type { ZoneFeature } from '../data/schema';
import { nearestStations, type NearStation } from '../card/card';
import { expansionDelta } from '../geo/expansion';
import { clipIntersection } from '../geo/intersect';
import { bboxesTouch, bboxOf } from '../geo/areal';
import { featureBand, type AreaBand } from '../geo/uncertainty';

/** Walking distance planners use for a station's catchment, m. */
export const STATION_RADIUS_M = 800;

export interface CompareOverlap {
  id: string;
  name: { zh: string; en: string };
  a_m2: number;
  b_m2: number;
}

export interface CompareResult {
  a: AreaBand;
  b: AreaBand;
  added_m2: number;
  removed_m2: number;
  kept_m2: number;
  net_m2: number;
  /** Band of the net change: the sum of both bands (conservative, as in the audit). */
  net_band_m2: number;
  overlaps: CompareOverlap[];
  stations: { a: NearStation[]; b: NearStation[]; gained: NearStation[]; lost: NearStation[] };
  /** Clip failures, located; the figures they concern are left out, never guessed. */
  errors: string[];
}

/** The comparison of `a` (left) and `b` (right) against `others` (the other zones shown). */
export function compareZones(data: AtlasData, a: ZoneFeature, b: ZoneFeature, others: readonly ZoneFeature[]): CompareResult {
  const errors: string[] = [];
  const ba = featureBand(a);
  const bb = featureBand(b);
  const d = expansionDelta(a.geometry, b.geometry);
  if (!d.ok) errors.push(`${a.properties.id} / ${b.properties.id}: ${d.error}`);

  const overlaps: CompareOverlap[] = [];
  const skip = new Set([a.properties.zone, b.properties.zone, a.properties.attachedTo?.zone, b.properties.attachedTo?.zone]);
  const over = (x: ZoneFeature, o: ZoneFeature): number => {
    if (!x.geometry || !o.geometry || !bboxesTouch(bboxOf(x.geometry), bboxOf(o.geometry))) return 0;
    const r = clipIntersection(x.geometry, o.geometry);
    if (!r.ok) {
      errors.push(`${x.properties.id} ∩ ${o.properties.id}: ${r.error}`);
      return 0;
    }
    return r.area_m2;
  };
  for (const o of others) {
    if (skip.has(o.properties.zone)) continue;
    const a_m2 = over(a, o);
    const b_m2 = over(b, o);
    if (a_m2 > 0 || b_m2 > 0) overlaps.push({ id: o.properties.id, name: { zh: o.properties.name.zh, en: o.properties.name.en }, a_m2, b_m2 });
  }

  const near = (z: ZoneFeature) => nearestStations(data, z, Infinity).filter((s) => s.distance_m <= STATION_RADIUS_M);
  const sa = near(a);
  const sb = near(b);
  const ids = (l: NearStation[]) => new Set(l.map((s) => s.id));
  const ia = ids(sa);
  const ib = ids(sb);
  return {
    a: ba,
    b: bb,
    added_m2: d.ok ? d.added_m2 : NaN,
    removed_m2: d.ok ? d.removed_m2 : NaN,
    kept_m2: d.ok ? d.kept_m2 : NaN,
    net_m2: bb.area_m2 - ba.area_m2,
    net_band_m2: ba.band_m2 + bb.band_m2,
    overlaps,
    stations: { a: sa, b: sb, gained: sb.filter((s) => !ia.has(s.id)), lost: sa.filter((s) => !ib.has(s.id)) },
    errors,
  };
}
