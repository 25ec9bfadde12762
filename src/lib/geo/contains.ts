/**
 * Fast, conservative relations between two polygonal geometries in the lon/lat plane the clipping
 * engine works in, so that `clip.ts` can answer A ∩ B, A ∪ B and A − B without the sweep when one
 * lies strictly inside the other or they are strictly apart (the engine, polyclip-ts on
 * bignumber.js, costs ≈ 2–6 ms per call against a 100-vertex district).
 *
 * Proven only when no edge of one touches or crosses an edge of the other (touching and collinear
 * count as contact: then the engine decides). Without contact every ring lies wholly inside or
 * outside the other geometry, so: A inside B ⇔ every vertex of A inside B and no vertex of B inside
 * A (the second catches A surrounding a hole of B); apart ⇔ no vertex of either inside the other.
 * `unknown` means "not proven", never "proven otherwise".
 */
import type { Position } from 'geojson';
import { bboxOf, openRing, polygonsOf, type Areal } from './areal';

type Seg = [Position, Position];

function segments(g: Areal): Seg[] {
  const out: Seg[] = [];
  for (const poly of polygonsOf(g))
    for (const ring of poly) {
      const pts = openRing(ring);
      for (let i = 0; i < pts.length; i++) out.push([pts[i]!, pts[(i + 1) % pts.length]!]);
    }
  return out;
}

function orient(a: Position, b: Position, c: Position): number {
  return (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);
}

/** Segments touch or cross (closed segments; collinear overlap counts). */
function contact(s: Seg, t: Seg): boolean {
  const [p1, p2] = s;
  const [q1, q2] = t;
  if (Math.max(p1[0]!, p2[0]!) < Math.min(q1[0]!, q2[0]!) || Math.max(q1[0]!, q2[0]!) < Math.min(p1[0]!, p2[0]!)) return false;
  if (Math.max(p1[1]!, p2[1]!) < Math.min(q1[1]!, q2[1]!) || Math.max(q1[1]!, q2[1]!) < Math.min(p1[1]!, p2[1]!)) return false;
  // Orientations below ε = 1e-10·|s|·|t| count as zero (a point within ~1e-10 of an edge's length
  // from its line): coordinate differences of ~116° carry ~1e-14° of rounding, so a T-junction
  // computed as "just off the line" must still count as contact.
  const eps = 1e-10 * Math.hypot(p2[0]! - p1[0]!, p2[1]! - p1[1]!) * Math.hypot(q2[0]! - q1[0]!, q2[1]! - q1[1]!);
  const sgn = (d: number) => (d > eps ? 1 : d < -eps ? -1 : 0);
  const d1 = sgn(orient(q1, q2, p1));
  const d2 = sgn(orient(q1, q2, p2));
  const d3 = sgn(orient(p1, p2, q1));
  const d4 = sgn(orient(p1, p2, q2));
  // Strictly separated on either side of one of the lines: no contact. Anything else (including
  // zero, i.e. touching or collinear) is treated as contact.
  return !((d1 === d2 && d1 !== 0) || (d3 === d4 && d3 !== 0));
}

/** Even–odd point in polygon over all rings. */
function inside(p: Position, g: Areal): boolean {
  let odd = false;
  const x = p[0]!;
  const y = p[1]!;
  for (const poly of polygonsOf(g))
    for (const ring of poly) {
      const pts = openRing(ring);
      for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
        const a = pts[i]!;
        const b = pts[j]!;
        if (a[1]! > y !== b[1]! > y && x < ((b[0]! - a[0]!) * (y - a[1]!)) / (b[1]! - a[1]!) + a[0]!) odd = !odd;
      }
    }
  return odd;
}

function vertices(g: Areal): Position[] {
  return polygonsOf(g).flatMap((poly) => poly.flatMap((ring) => openRing(ring)));
}

/** What `quickRelation` could prove without the engine. */
export type QuickRelation = 'a-inside-b' | 'b-inside-a' | 'disjoint' | 'unknown';

/**
 * Relation of `a` and `b` when no boundary contact exists (see the header); `unknown` as soon as
 * any edges touch or cross, which leaves the answer to the clipping engine.
 */
export function quickRelation(a: Areal, b: Areal): QuickRelation {
  const ba = bboxOf(a);
  const bb = bboxOf(b);
  if (ba[2] < bb[0] || bb[2] < ba[0] || ba[3] < bb[1] || bb[3] < ba[1]) return 'disjoint';
  // Common box: only edges reaching into it can meet.
  const box = [Math.max(ba[0], bb[0]), Math.max(ba[1], bb[1]), Math.min(ba[2], bb[2]), Math.min(ba[3], bb[3])] as const;
  const inBox = ([p, q]: Seg) =>
    !(Math.max(p[0]!, q[0]!) < box[0] || Math.min(p[0]!, q[0]!) > box[2] || Math.max(p[1]!, q[1]!) < box[1] || Math.min(p[1]!, q[1]!) > box[3]);
  const sa = segments(a).filter(inBox);
  const sb = segments(b).filter(inBox);
  for (const s of sa) for (const t of sb) if (contact(s, t)) return 'unknown';
  // No contact: each ring lies entirely inside or outside the other geometry.
  const va = vertices(a);
  const vb = vertices(b);
  const aInB = va.filter((v) => inside(v, b)).length;
  const bInA = vb.filter((v) => inside(v, a)).length;
  if (aInB === va.length && bInA === 0) return 'a-inside-b';
  if (bInA === vb.length && aInB === 0) return 'b-inside-a';
  if (aInB === 0 && bInA === 0) return 'disjoint';
  return 'unknown';
}

/** True when `inner` is proven to lie strictly inside `outer` (see the header). */
export function containsStrictly(outer: Areal, inner: Areal): boolean {
  return quickRelation(inner, outer) === 'a-inside-b';
}
