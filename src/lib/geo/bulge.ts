/**
 * Bound on the area by which "straight in lon/lat" and "geodesic" readings of the same edges differ.
 *
 * turf clips in the lon/lat plane (edges straight in degrees) while areas are measured with
 * geodesic edges (GeographicLib). A geodesic between two points L metres apart on a parallel at
 * latitude φ bulges poleward of it by ≈ L²·tan φ/(8N) (the parallel's geodesic curvature is
 * tan φ/N, N the prime-vertical radius), enclosing ≈ (2/3)·L·that = L³·tan φ/(12N) between the
 * two. When a clip splits an edge, this much area can move in or out: ≈ 5 m² for a 0.85 km
 * east–west edge at 40° N, ≈ 1 000 m² for a 5 km one. Negligible against positional bands, but the
 * set-algebra checks of `clip.ts` must allow for it. Upper bound: every edge treated as east–west.
 */
import { openRing, polygonsOf, type Areal } from './areal';

const A_WGS84 = 6378137;
const F_WGS84 = 1 / 298.257223563;
const E2 = F_WGS84 * (2 - F_WGS84);
const DEG = Math.PI / 180;

/** Σ over all edges of L³·|tan φ|/(12N), m²; L from a local equirectangular approximation. */
export function edgeBulge_m2(geom: Areal | null): number {
  if (geom === null) return 0;
  let sum = 0;
  for (const poly of polygonsOf(geom))
    for (const ring of poly) {
      const pts = openRing(ring);
      for (let i = 0; i < pts.length; i++) {
        const p = pts[i]!;
        const q = pts[(i + 1) % pts.length]!;
        const phi = ((p[1]! + q[1]!) / 2) * DEG;
        const w = 1 - E2 * Math.sin(phi) ** 2;
        const N = A_WGS84 / Math.sqrt(w);
        const M = (A_WGS84 * (1 - E2)) / w ** 1.5;
        const L = Math.hypot((q[0]! - p[0]!) * DEG * N * Math.cos(phi), (q[1]! - p[1]!) * DEG * M);
        sum += (L ** 3 * Math.abs(Math.tan(phi))) / (12 * N);
      }
    }
  return sum;
}
