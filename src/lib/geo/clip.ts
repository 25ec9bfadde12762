/**
 * The clipping pipeline shared by `intersect.ts`, `union.ts` and `difference.ts`:
 *
 * 1. inputs are checked (Polygon/MultiPolygon, finite coordinates) and snapped to the 1e-7° grid
 *    with repeated vertices removed (`snap.ts`);
 * 2. trivial cases are answered directly (an empty input; inputs strictly apart, or one strictly
 *    inside the other, with no boundary contact: `contains.ts`); otherwise the operation runs in
 *    turf 7 (`@turf/intersect|union|difference`, i.e. the Martinez–Rueda sweep of polyclip-ts),
 *    inside try/catch. When the engine throws (polyclip-ts's "Unable to complete output ring",
 *    seen where one polygon's vertices lie 0–1 mm from the other's edge, the case snapping to
 *    shared borders creates), the operation is retried on the unsnapped inputs, then in a local
 *    frame (coordinates relative to the pair's bounding-box corner, so the sweep's comparisons
 *    work on small numbers with 16 more bits of fraction); only when every attempt fails is the
 *    pair reported. Every retried result passes the same checks as a first-try one;
 * 3. the output is snapped again, validated and wound (closed rings, ≥ 4 positions, RFC 7946
 *    winding) and numerical slivers are dropped and accounted for (`clean.ts`);
 * 4. the result is checked: an empty output when the inputs provably overlap (intersection), when
 *    the first input provably sticks out of the second (difference) or when an input is non-empty
 *    (union) is an error, never a silent null (`evidence.ts`); so is an area that breaks set
 *    algebra (|A∩B| ≤ min, max ≤ |A∪B| ≤ |A| + |B|, |A| − |B| ≤ |A−B| ≤ |A|) beyond tolerance.
 *
 * Areas are measured on the WGS84 ellipsoid (GeographicLib), with geodesic edges, while turf
 * clips with edges straight in lon/lat; splitting an edge therefore moves a little area (see
 * `bulge.ts`). The area tolerance of step 4 is 1 m² + (perimeter A + perimeter B) × 1 cm
 * + 2 × edge bulge of A and B + dropped slivers: what snapping to a 1 cm grid, the two readings of
 * an edge and the sliver rule can move.
 */
import { difference, feature, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { ellipsoidalMeasure } from './area';
import { bboxOf, fromPolygons, polygonsOf, type Areal } from './areal';
import { edgeBulge_m2 } from './bulge';
import { quickRelation } from './contains';
import { cleanPolygonal, DEFAULT_SLIVER_THRESHOLDS, type SliverThresholds } from './clean';
import { EVIDENCE_TOLERANCE_M, interiorOverlapEvidence, outsideEvidence } from './evidence';
import { snapToGrid } from './snap';

export type ClipOperation = 'intersection' | 'union' | 'difference';

export interface ClipOptions {
  /** Sliver thresholds for the output (default: 1 m², 5 cm mean width). */
  sliver?: SliverThresholds;
  /** Depth a witness of overlap must have before an empty result is refused, m (default 0.1). */
  evidenceTolerance_m?: number;
  /**
   * The boolean-operation engine (default: turf 7). A seam for tests and for swapping engines; it
   * receives snapped, valid inputs and returns the raw result, which is then validated as usual.
   */
  engine?: ClipEngine;
}

/** Computes `op` on two snapped, non-empty geometries; null for an empty result. May throw. */
export type ClipEngine = (op: ClipOperation, a: Areal, b: Areal) => Areal | null;

export interface ClipOk {
  ok: true;
  operation: ClipOperation;
  /** The result, RFC 7946, coordinates on the 1e-7° grid; null when empty. */
  geometry: Areal | null;
  /** Area of the result, m², WGS84 ellipsoid. */
  area_m2: number;
  /** Total ring length of the result, m, WGS84 ellipsoid. */
  perimeter_m: number;
  /** Area of slivers dropped from the result, m² (see `clean.ts`). */
  dropped_m2: number;
  /** Areas of the snapped inputs, m², WGS84 ellipsoid. */
  a_m2: number;
  b_m2: number;
  /** Tolerance of the set-algebra check, m² (snapping, edge bulge, slivers; see the header). */
  slack_m2: number;
}

export type ClipErrorCode = 'invalid-input' | 'engine-failed' | 'empty-but-overlapping' | 'area-inconsistent' | 'non-finite';

export interface ClipError {
  ok: false;
  operation: ClipOperation;
  code: ClipErrorCode;
  /** Readable, located explanation. */
  error: string;
}

export type ClipResult = ClipOk | ClipError;

/** Relative slack of the snapping grid used in the area checks: 1 cm per metre of perimeter. */
const SNAP_SLACK_M = 0.01;

function invalidReason(g: unknown, name: string): string | null {
  if (g === null) return null;
  const geom = g as { type?: unknown };
  if (typeof g !== 'object' || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon'))
    return `${name} is not a Polygon or MultiPolygon`;
  for (const poly of polygonsOf(g as Areal))
    for (const ring of poly)
      for (const p of ring) {
        if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return `${name} has a non-finite coordinate`;
        // Outside lon/lat the ellipsoidal area is NaN, which no check below would catch.
        if (Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90) return `${name} has a position [${p[0]}, ${p[1]}] outside longitude ±180°, latitude ±90°`;
      }
  return null;
}

/** `g` with every position moved by (dx, dy). */
function shifted(g: Areal, dx: number, dy: number): Areal {
  return fromPolygons(polygonsOf(g).map((poly) => poly.map((ring) => ring.map((p) => [p[0]! + dx, p[1]! + dy])))) as Areal;
}

/**
 * The engine, retried when it throws: first on the snapped inputs, then on the unsnapped ones, then
 * in a local frame (see the header). Throws the first error when every attempt fails.
 */
function runEngine(engine: ClipEngine, op: ClipOperation, sa: Areal, sb: Areal, a: Areal, b: Areal): Areal | null {
  const ba = bboxOf(sa);
  const bb = bboxOf(sb);
  const ox = Math.min(ba[0], bb[0]);
  const oy = Math.min(ba[1], bb[1]);
  const attempts: (() => Areal | null)[] = [
    () => engine(op, sa, sb),
    () => engine(op, a, b),
    () => {
      const r = engine(op, shifted(sa, -ox, -oy), shifted(sb, -ox, -oy));
      return r === null ? null : shifted(r, ox, oy);
    },
  ];
  let first: unknown = null;
  for (const attempt of attempts) {
    try {
      return attempt();
    } catch (e) {
      first ??= e;
    }
  }
  throw first;
}

/** The default engine: `@turf/intersect`, `@turf/union`, `@turf/difference` (polyclip-ts). */
export const turfEngine: ClipEngine = (op, a, b) => {
  const fc = featureCollection<Polygon | MultiPolygon>([feature(a), feature(b)]);
  const out: Feature<Polygon | MultiPolygon> | null =
    op === 'intersection' ? intersect(fc) : op === 'union' ? union(fc) : difference(fc);
  return out === null ? null : out.geometry;
};

/**
 * Runs one boolean operation through the pipeline above. `a` and `b` may be null (empty); they
 * are never mutated.
 */
export function clip(op: ClipOperation, a: Areal | null, b: Areal | null, options: ClipOptions = {}): ClipResult {
  const sliver = options.sliver ?? DEFAULT_SLIVER_THRESHOLDS;
  const tol = options.evidenceTolerance_m ?? EVIDENCE_TOLERANCE_M;
  const engine = options.engine ?? turfEngine;
  const fail = (code: ClipErrorCode, error: string): ClipError => ({ ok: false, operation: op, code, error });

  const bad = invalidReason(a, 'A') ?? invalidReason(b, 'B');
  if (bad !== null) return fail('invalid-input', bad);

  const sa = snapToGrid(a);
  const sb = snapToGrid(b);
  const ma = ellipsoidalMeasure(sa);
  const mb = ellipsoidalMeasure(sb);

  // Trivial cases: an empty input, boxes apart, or a relation proven without boundary contact
  // (contains.ts); everything else goes to the engine.
  let raw: Areal | null;
  let proven = false; // answered without the engine: an empty result needs no witness check
  const rel = sa === null || sb === null ? null : quickRelation(sa, sb);
  if (sa === null || sb === null) {
    raw = op === 'intersection' ? null : op === 'union' ? (sa ?? sb) : sa;
    proven = true;
  } else if (rel === 'disjoint') {
    raw = op === 'intersection' ? null : op === 'union' ? fromPolygons([...polygonsOf(sa), ...polygonsOf(sb)]) : sa;
    proven = true;
  } else if (rel === 'a-inside-b') {
    raw = op === 'intersection' ? sa : op === 'union' ? sb : null;
    proven = true;
  } else if (rel === 'b-inside-a' && op !== 'difference') {
    raw = op === 'intersection' ? sb : sa;
    proven = true;
  } else {
    try {
      raw = runEngine(engine, op, sa, sb, a as Areal, b as Areal);
    } catch (e) {
      return fail('engine-failed', `${op} failed in the clipping engine (also unsnapped and in a local frame): ${(e as Error).message}`);
    }
  }

  const cleaned = cleanPolygonal(raw, sliver);
  const geometry = cleaned.geometry;
  const m = ellipsoidalMeasure(geometry);

  // A non-finite area is never a result (it would pass every comparison below).
  for (const [what, v] of [['area of A', ma.area_m2], ['area of B', mb.area_m2], ['area of the result', m.area_m2], ['perimeter of the result', m.perimeter_m]] as const)
    if (!Number.isFinite(v)) return fail('non-finite', `${op}: the ${what} is not a finite number (${v})`);

  // Step 4a: an empty output must be explained.
  if (!proven && (raw === null || polygonsOf(raw).length === 0)) {
    if (op === 'intersection' && sa !== null && sb !== null) {
      const ev = interiorOverlapEvidence(sa, sb, tol);
      if (ev !== null)
        return fail('empty-but-overlapping', `intersection came back empty although the inputs overlap: ${ev.description}`);
    }
    if (op === 'difference' && sa !== null && sb !== null) {
      const ev = outsideEvidence(sa, sb, tol);
      if (ev !== null)
        return fail('empty-but-overlapping', `difference came back empty although A extends outside B: ${ev.description}`);
    }
    if (op === 'union')
      return fail('empty-but-overlapping', 'union came back empty although an input is not empty');
  }

  // Step 4b: set algebra on areas.
  const slack =
    1 + (ma.perimeter_m + mb.perimeter_m) * SNAP_SLACK_M + 2 * (edgeBulge_m2(sa) + edgeBulge_m2(sb)) + cleaned.dropped_m2;
  const A = ma.area_m2;
  const B = mb.area_m2;
  const R = m.area_m2;
  const bounds: Record<ClipOperation, [number, number]> = {
    intersection: [0, Math.min(A, B)],
    union: [Math.max(A, B), A + B],
    difference: [Math.max(0, A - B), A],
  };
  const [lo, hi] = bounds[op];
  if (R < lo - slack || R > hi + slack)
    return fail(
      'area-inconsistent',
      `${op} area ${R.toFixed(1)} m² is outside [${lo.toFixed(1)}, ${hi.toFixed(1)}] m² implied by |A| = ${A.toFixed(1)} m², |B| = ${B.toFixed(1)} m² (tolerance ${slack.toFixed(1)} m²)`,
    );

  return {
    ok: true,
    operation: op,
    geometry,
    area_m2: R,
    perimeter_m: m.perimeter_m,
    dropped_m2: cleaned.dropped_m2,
    a_m2: A,
    b_m2: B,
    slack_m2: slack,
  };
}
