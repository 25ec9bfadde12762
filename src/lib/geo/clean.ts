/**
 * Validation and clean-up of clip output: every ring snapped to the grid (see `snap.ts`), without
 * repeated vertices, closed, with ≥ 4 positions, wound as RFC 7946 §3.1.6 asks (exterior
 * counter-clockwise, holes clockwise), and numerical slivers dropped.
 *
 * Sliver rule (documented thresholds, both far below any positional accuracy in the data):
 * a polygon part or a hole is dropped when its ellipsoidal area is below `minArea_m2` (1 m²) or its
 * mean width 2·area/perimeter is below `minMeanWidth_m` (5 cm, ≈ 5 grid cells). A strip of width w
 * and length L has 2·wL/(2L + 2w) ≈ w, so the second rule catches long thin artefacts of a border
 * digitised twice, however long. The dropped area is returned, never hidden.
 */
import type { Position } from 'geojson';
import { ellipsoidalMeasure } from './area';
import { fromPolygons, polygonsOf, type Areal } from './areal';
import { GRID_DECIMALS, snapRing } from './snap';

export interface SliverThresholds {
  /** Parts and holes smaller than this are dropped, m² (WGS84 ellipsoid). */
  minArea_m2: number;
  /** Parts and holes whose mean width 2·area/perimeter is below this are dropped, m. */
  minMeanWidth_m: number;
}

export const DEFAULT_SLIVER_THRESHOLDS: Readonly<SliverThresholds> = Object.freeze({
  minArea_m2: 1,
  minMeanWidth_m: 0.05,
});

export interface CleanResult {
  /** The valid geometry, or null when nothing (but slivers) is left. */
  geometry: Areal | null;
  /** Total area of dropped sliver parts plus filled sliver holes, m² (ellipsoidal). */
  dropped_m2: number;
}

/** Twice the signed planar area in degrees² (> 0: counter-clockwise in lon/lat). */
function signedArea2(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return s;
}

function wound(ring: Position[], counterClockwise: boolean): Position[] {
  return signedArea2(ring) > 0 === counterClockwise ? ring : ring.slice().reverse();
}

function isSliver(m: { area_m2: number; perimeter_m: number }, t: SliverThresholds): boolean {
  if (m.area_m2 < t.minArea_m2) return true;
  return m.perimeter_m > 0 && (2 * m.area_m2) / m.perimeter_m < t.minMeanWidth_m;
}

/** Returns a valid, RFC 7946-wound copy of the geometry with slivers dropped (input untouched). */
export function cleanPolygonal(
  geom: Areal | null,
  thresholds: SliverThresholds = DEFAULT_SLIVER_THRESHOLDS,
  decimals: number = GRID_DECIMALS,
): CleanResult {
  if (geom === null) return { geometry: null, dropped_m2: 0 };
  let dropped = 0;
  const polys: Position[][][] = [];
  for (const poly of polygonsOf(geom)) {
    const [exterior, ...holes] = poly;
    if (exterior === undefined) continue;
    const ext = snapRing(exterior, decimals);
    if (ext === null) continue;
    const rings: Position[][] = [wound(ext, true)];
    for (const h of holes) {
      const hole = snapRing(h, decimals);
      if (hole === null) continue;
      const hm = ellipsoidalMeasure({ type: 'Polygon', coordinates: [hole] });
      if (isSliver(hm, thresholds)) {
        dropped += hm.area_m2;
        continue;
      }
      rings.push(wound(hole, false));
    }
    const pm = ellipsoidalMeasure({ type: 'Polygon', coordinates: rings });
    if (isSliver(pm, thresholds)) {
      dropped += pm.area_m2;
      continue;
    }
    polys.push(rings);
  }
  return { geometry: fromPolygons(polys), dropped_m2: dropped };
}
