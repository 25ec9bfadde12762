/**
 * Overlap matrix of a list of zones: for every pair whose intersection is not empty, the area of
 * the intersection and its share of each zone. Areas on the WGS84 ellipsoid (GeographicLib),
 * intersections through the robust clipping pipeline (`clip.ts`).
 *
 * The matrix is symmetric (|A ∩ B| = |B ∩ A|), so each unordered pair is listed once, `a` before
 * `b` in input order; `lookupOverlap` reads it in either order. Pairs whose clip failed are listed
 * under `errors`, never dropped silently.
 *
 * `containment` and `expansionDelta` live in their own files (one operation per file) and are
 * re-exported here.
 */
import { bboxesTouch, bboxOf, type Areal } from './areal';
import type { ClipOptions } from './clip';
import { clipIntersection } from './intersect';

export { containment, type Containment, type ContainmentResult } from './containment';
export { expansionDelta, type ExpansionDelta, type ExpansionResult } from './expansion';

export interface OverlapInput {
  id: string;
  geometry: Areal | null;
}

export interface OverlapPair {
  a: string;
  b: string;
  /** Areas of a and b, m² (snapped inputs, WGS84 ellipsoid). */
  a_m2: number;
  b_m2: number;
  /** |a ∩ b|, m². */
  overlap_m2: number;
  /** overlap / |a| and overlap / |b|, 0…1. */
  share_a: number;
  share_b: number;
  /** The intersection, RFC 7946, on the 1e-7° grid. */
  geometry: Areal;
}

export interface OverlapMatrix {
  pairs: OverlapPair[];
  errors: { a: string; b: string; code: string; error: string }[];
}

/** All non-empty pairwise overlaps of `items` (boxes that do not touch are skipped unclipped). */
export function overlapMatrix(items: readonly OverlapInput[], options?: ClipOptions): OverlapMatrix {
  const boxes = items.map((it) => (it.geometry === null ? null : bboxOf(it.geometry)));
  const pairs: OverlapPair[] = [];
  const errors: OverlapMatrix['errors'] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const A = items[i]!;
      const B = items[j]!;
      const ba = boxes[i];
      const bb = boxes[j];
      if (ba == null || bb == null || !bboxesTouch(ba, bb)) continue;
      const r = clipIntersection(A.geometry, B.geometry, options);
      if (!r.ok) {
        errors.push({ a: A.id, b: B.id, code: r.code, error: r.error });
        continue;
      }
      // clip() already refuses non-finite areas; checked again so no NaN can reach a table.
      if (![r.area_m2, r.a_m2, r.b_m2].every(Number.isFinite)) {
        errors.push({ a: A.id, b: B.id, code: 'non-finite', error: `the overlap of ${A.id} and ${B.id} has no finite area` });
        continue;
      }
      if (r.geometry === null || r.area_m2 <= 0) continue;
      pairs.push({
        a: A.id,
        b: B.id,
        a_m2: r.a_m2,
        b_m2: r.b_m2,
        overlap_m2: r.area_m2,
        share_a: r.a_m2 > 0 ? r.area_m2 / r.a_m2 : 0,
        share_b: r.b_m2 > 0 ? r.area_m2 / r.b_m2 : 0,
        geometry: r.geometry,
      });
    }
  return { pairs, errors };
}

/** The overlap of `x` and `y` read from the matrix in either order; null when they do not overlap. */
export function lookupOverlap(
  matrix: OverlapMatrix,
  x: string,
  y: string,
): { overlap_m2: number; share_x: number; share_y: number } | null {
  for (const p of matrix.pairs) {
    if (p.a === x && p.b === y) return { overlap_m2: p.overlap_m2, share_x: p.share_a, share_y: p.share_b };
    if (p.a === y && p.b === x) return { overlap_m2: p.overlap_m2, share_x: p.share_b, share_y: p.share_a };
  }
  return null;
}
