/**
 * Fast, conservative test that `inner` lies strictly inside `outer` (no boundary contact at all),
 * in the lon/lat plane the clipping engine works in. Lets `clip.ts` answer A ∩ B = A, A − B = ∅
 * and A ∪ B = B without running the sweep (≈ 3 ms per call against a 100-vertex district).
 *
 * True only when: no edge of one touches or crosses an edge of the other (touching and collinear
 * count as contact: then the engine decides), every vertex of `inner` is inside `outer`, and no
 * vertex of `outer` is inside `inner` (catches `inner` surrounding a hole of `outer`). False means
 * "not proven", never "proven outside".
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
  const d1 = orient(q1, q2, p1);
  const d2 = orient(q1, q2, p2);
  const d3 = orient(p1, p2, q1);
  const d4 = orient(p1, p2, q2);
  // Strictly separated on either side of one of the lines: no contact. Anything else (including
  // zero, i.e. touching or collinear within rounding) is treated as contact.
  return !((d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0) || (d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0));
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

/** True when `inner` is proven to lie strictly inside `outer` (see the header). */
export function containsStrictly(outer: Areal, inner: Areal): boolean {
  const bo = bboxOf(outer);
  const bi = bboxOf(inner);
  if (bi[0] <= bo[0] || bi[1] <= bo[1] || bi[2] >= bo[2] || bi[3] >= bo[3]) return false;
  const so = segments(outer);
  const si = segments(inner);
  // Only outer edges near the inner box can touch it.
  const near = so.filter(([a, b]) => !(Math.max(a[0]!, b[0]!) < bi[0] || Math.min(a[0]!, b[0]!) > bi[2] || Math.max(a[1]!, b[1]!) < bi[1] || Math.min(a[1]!, b[1]!) > bi[3]));
  for (const s of si) for (const t of near) if (contact(s, t)) return false;
  for (const v of vertices(inner)) if (!inside(v, outer)) return false;
  for (const v of vertices(outer)) if (inside(v, inner)) return false;
  return true;
}
