/**
 * Witnesses that two polygonal geometries really share interior (or that one really extends
 * outside the other), used to refuse a clip result that came back empty when it must not be.
 *
 * A witness must be deeper than a tolerance (default 10 cm, twice the sliver width of `clean.ts`),
 * so a shared border, a touching edge or the 1 cm snapping grid never counts as overlap:
 * - a vertex, an edge midpoint or an interior sample (centroid of a triangle of consecutive
 *   vertices that lies inside its own geometry) of one geometry inside the other, farther than the
 *   tolerance from its boundary; interior samples make identical geometries testable;
 * - a transversal crossing of two edges, each edge's end points farther than the tolerance from
 *   the other edge's line (where two boundaries cross, the interiors meet in one of the four angles).
 *
 * Distances are measured in a local plane tangent to the WGS84 ellipsoid at the middle of the pair
 * (metres east / north, scale from the meridian and prime-vertical radii). Over a district its
 * relative distortion is < 0.1 %, ample for a yes/no decision at a 10 cm tolerance.
 */
import type { Position } from 'geojson';
import { bboxOf, openRing, polygonsOf, type Areal } from './areal';

/** Default depth a witness must have, m. */
export const EVIDENCE_TOLERANCE_M = 0.1;

export interface Evidence {
  kind:
    | 'vertex-inside'
    | 'midpoint-inside'
    | 'interior-inside'
    | 'vertex-outside'
    | 'midpoint-outside'
    | 'interior-outside'
    | 'edges-cross';
  /** Where, WGS84 `[lon°, lat°]`. */
  at: [number, number];
  /** Distance of the witness from the other boundary, m (for crossings: the smallest end-point clearance). */
  depth_m: number;
  /** Readable sentence for error messages. */
  description: string;
}

type XY = [number, number];
interface Frame {
  lon0: number;
  lat0: number;
  kx: number;
  ky: number;
}
type Rings = XY[][];

const A_WGS84 = 6378137;
const F_WGS84 = 1 / 298.257223563;
const E2 = F_WGS84 * (2 - F_WGS84);

function frameFor(a: Areal, b: Areal): Frame {
  const ba = bboxOf(a);
  const bb = bboxOf(b);
  const lon0 = (Math.min(ba[0], bb[0]) + Math.max(ba[2], bb[2])) / 2;
  const lat0 = (Math.min(ba[1], bb[1]) + Math.max(ba[3], bb[3])) / 2;
  const phi = (lat0 * Math.PI) / 180;
  const w = 1 - E2 * Math.sin(phi) ** 2;
  const N = A_WGS84 / Math.sqrt(w); // prime-vertical radius of curvature
  const M = (A_WGS84 * (1 - E2)) / w ** 1.5; // meridian radius of curvature
  return { lon0, lat0, kx: (N * Math.cos(phi) * Math.PI) / 180, ky: (M * Math.PI) / 180 };
}

function toXY(f: Frame, p: Position): XY {
  return [(p[0]! - f.lon0) * f.kx, (p[1]! - f.lat0) * f.ky];
}
function toLonLat(f: Frame, p: XY): [number, number] {
  return [p[0] / f.kx + f.lon0, p[1] / f.ky + f.lat0];
}

function ringsXY(f: Frame, g: Areal): Rings {
  const out: Rings = [];
  for (const poly of polygonsOf(g)) for (const ring of poly) out.push(openRing(ring).map((p) => toXY(f, p)));
  return out;
}

/** Even–odd point in polygon over all rings (holes and parts handled by parity). */
function inside(rings: Rings, p: XY): boolean {
  let odd = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) odd = !odd;
    }
  }
  return odd;
}

function segDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function boundaryDistance(rings: Rings, p: XY): number {
  let d = Infinity;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) d = Math.min(d, segDistance(p, ring[j]!, ring[i]!));
  return d;
}

type WitnessKind = 'vertex' | 'midpoint' | 'interior';

/** How many interior candidates (triangle centroids) are tried per ring. */
const INTERIOR_CANDIDATES_PER_RING = 64;

/**
 * Vertices, edge midpoints, then interior points of `rings` (centroids of the triangles formed by
 * consecutive vertices that lie inside the geometry itself by more than `tol`). Interior points
 * make identical or boundary-sharing geometries testable, where every vertex is on the boundary.
 */
function* witnesses(rings: Rings, tol: number): Generator<{ p: XY; kind: WitnessKind }> {
  for (const ring of rings)
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % ring.length]!;
      yield { p: a, kind: 'vertex' };
      yield { p: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], kind: 'midpoint' };
    }
  for (const ring of rings) {
    const n = ring.length;
    const step = Math.max(1, Math.floor(n / INTERIOR_CANDIDATES_PER_RING));
    for (let i = 0; i < n; i += step) {
      const a = ring[(i + n - 1) % n]!;
      const b = ring[i]!;
      const c = ring[(i + 1) % n]!;
      const p: XY = [(a[0] + b[0] + c[0]) / 3, (a[1] + b[1] + c[1]) / 3];
      if (inside(rings, p) && boundaryDistance(rings, p) > tol) yield { p, kind: 'interior' };
    }
  }
}

function cross(o: XY, a: XY, b: XY): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** A transversal crossing with every end point at least `tol` from the other segment's line. */
function crossing(ra: Rings, rb: Rings, tol: number, f: Frame): Evidence | null {
  for (const r1 of ra)
    for (let i = 0; i < r1.length; i++) {
      const p1 = r1[i]!;
      const p2 = r1[(i + 1) % r1.length]!;
      const lp = Math.hypot(p2[0] - p1[0], p2[1] - p1[1]);
      if (lp === 0) continue;
      for (const r2 of rb)
        for (let j = 0; j < r2.length; j++) {
          const q1 = r2[j]!;
          const q2 = r2[(j + 1) % r2.length]!;
          if (Math.max(p1[0], p2[0]) < Math.min(q1[0], q2[0]) || Math.max(q1[0], q2[0]) < Math.min(p1[0], p2[0])) continue;
          if (Math.max(p1[1], p2[1]) < Math.min(q1[1], q2[1]) || Math.max(q1[1], q2[1]) < Math.min(p1[1], p2[1])) continue;
          const lq = Math.hypot(q2[0] - q1[0], q2[1] - q1[1]);
          if (lq === 0) continue;
          const d1 = cross(q1, q2, p1) / lq;
          const d2 = cross(q1, q2, p2) / lq;
          const d3 = cross(p1, p2, q1) / lp;
          const d4 = cross(p1, p2, q2) / lp;
          if (d1 * d2 >= 0 || d3 * d4 >= 0) continue;
          const clearance = Math.min(Math.abs(d1), Math.abs(d2), Math.abs(d3), Math.abs(d4));
          if (clearance <= tol) continue;
          const t = d1 / (d1 - d2);
          const x: XY = [p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1])];
          const at = toLonLat(f, x);
          return {
            kind: 'edges-cross',
            at,
            depth_m: clearance,
            description: `boundaries cross at (${at[0].toFixed(7)}, ${at[1].toFixed(7)})`,
          };
        }
    }
  return null;
}

function pointWitness(
  from: Rings,
  into: Rings,
  wantInside: boolean,
  tol: number,
  f: Frame,
  names: [string, string],
): Evidence | null {
  for (const w of witnesses(from, tol)) {
    if (inside(into, w.p) !== wantInside) continue;
    const d = boundaryDistance(into, w.p);
    if (d <= tol) continue;
    const at = toLonLat(f, w.p);
    const what = { vertex: 'a vertex', midpoint: 'an edge midpoint', interior: 'an interior point' }[w.kind];
    return {
      kind: `${w.kind}-${wantInside ? 'inside' : 'outside'}`,
      at,
      depth_m: d,
      description: `${what} of ${names[0]} at (${at[0].toFixed(7)}, ${at[1].toFixed(7)}) lies ${d.toFixed(2)} m ${wantInside ? 'inside' : 'outside'} ${names[1]}`,
    };
  }
  return null;
}

/**
 * Evidence that the interiors of `a` and `b` intersect by more than `tol_m` metres, or null.
 * Touching edges, shared borders and sub-tolerance jitter give null.
 */
export function interiorOverlapEvidence(a: Areal, b: Areal, tol_m: number = EVIDENCE_TOLERANCE_M): Evidence | null {
  const f = frameFor(a, b);
  const ra = ringsXY(f, a);
  const rb = ringsXY(f, b);
  return (
    pointWitness(ra, rb, true, tol_m, f, ['A', 'B']) ??
    pointWitness(rb, ra, true, tol_m, f, ['B', 'A']) ??
    crossing(ra, rb, tol_m, f)
  );
}

/**
 * Evidence that `a` has interior points outside `b` (more than `tol_m` metres out), or null.
 * Used to refuse an empty `a − b`.
 */
export function outsideEvidence(a: Areal, b: Areal, tol_m: number = EVIDENCE_TOLERANCE_M): Evidence | null {
  const f = frameFor(a, b);
  const ra = ringsXY(f, a);
  const rb = ringsXY(f, b);
  return pointWitness(ra, rb, false, tol_m, f, ['A', 'B']) ?? crossing(ra, rb, tol_m, f);
}
