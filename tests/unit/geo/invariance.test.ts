/** Property tests (fast-check, fixed seed): the maths must not depend on how a ring is written. */
import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea, ellipsoidalPerimeter } from '../../../src/lib/geo/area';
import { edgeBulge_m2 } from '../../../src/lib/geo/bulge';
import { clipIntersection } from '../../../src/lib/geo/intersect';
import { snapToGrid } from '../../../src/lib/geo/snap';
import { clipUnion } from '../../../src/lib/geo/union';

const SEED = 20260101;

/** Star-shaped (hence simple) polygons of 3–12 vertices, 100 m – 2 km across, around Shijingshan. */
const starPolygon = (cx: fc.Arbitrary<number>, cy: fc.Arbitrary<number>) =>
  fc
    .record({
      cx,
      cy,
      angles: fc.uniqueArray(fc.integer({ min: 0, max: 359 }), { minLength: 3, maxLength: 12 }),
      radii: fc.array(fc.double({ min: 100, max: 2000, noNaN: true }), { minLength: 12, maxLength: 12 }),
    })
    .filter((r) => {
      const s = [...r.angles].sort((x, y) => x - y);
      // no gap of 180° or more, so the centre is inside and the ring is star-shaped around it
      return s.every((t, i) => (i === 0 ? t + 360 - s[s.length - 1]! : t - s[i - 1]!) < 180);
    })
    .map((r): Polygon => {
      const s = [...r.angles].sort((x, y) => x - y);
      const ring: Position[] = s.map((t, i) => {
        const rad = (t * Math.PI) / 180;
        const rM = r.radii[i]!;
        return [r.cx + (rM * Math.cos(rad)) / 85_400, r.cy + (rM * Math.sin(rad)) / 111_000];
      });
      return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
    });

const near = starPolygon(fc.double({ min: 116.15, max: 116.25, noNaN: true }), fc.double({ min: 39.88, max: 39.95, noNaN: true }));
const pair = fc
  .tuple(near, fc.double({ min: -0.01, max: 0.01, noNaN: true }), fc.double({ min: -0.01, max: 0.01, noNaN: true }), near)
  .map(([a, dx, dy, b]): [Polygon, Polygon] => {
    // move b so that its first vertex sits near a's: the two overlap often, not always
    const a0 = a.coordinates[0]![0]!;
    const b0 = b.coordinates[0]![0]!;
    const shift = (p: Position): Position => [p[0]! - b0[0]! + a0[0]! + dx, p[1]! - b0[1]! + a0[1]! + dy];
    return [a, { type: 'Polygon', coordinates: [b.coordinates[0]!.map(shift)] }];
  });

const rel = (x: number, y: number) => Math.abs(x - y) / Math.max(Math.abs(y), 1e-300);
const open = (p: Polygon) => p.coordinates[0]!.slice(0, -1);
const withRing = (ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] });

describe('area invariance', () => {
  it('does not change when the ring starts at another vertex', () => {
    fc.assert(
      fc.property(near, fc.nat(), (p, k) => {
        const ring = open(p);
        const i = k % ring.length;
        const rotated = withRing([...ring.slice(i), ...ring.slice(0, i)]);
        expect(rel(ellipsoidalArea(rotated), ellipsoidalArea(p))).toBeLessThan(1e-9);
        expect(rel(ellipsoidalPerimeter(rotated), ellipsoidalPerimeter(p))).toBeLessThan(1e-9);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('does not change when the ring is reversed', () => {
    fc.assert(
      fc.property(near, (p) => {
        const reversed = withRing(open(p).reverse());
        expect(rel(ellipsoidalArea(reversed), ellipsoidalArea(p))).toBeLessThan(1e-9);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('clip algebra', () => {
  it('gives overlap(A, B) = overlap(B, A) ≤ min(|A|, |B|)', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const ab = clipIntersection(a, b);
        const ba = clipIntersection(b, a);
        expect(ab.ok && ba.ok).toBe(true);
        if (!ab.ok || !ba.ok) return;
        expect(Math.abs(ab.area_m2 - ba.area_m2)).toBeLessThan(1e-6 * Math.max(1, ab.area_m2) + 0.01);
        expect(ab.area_m2).toBeLessThanOrEqual(Math.min(ab.a_m2, ab.b_m2) + 1 + edgeBulge_m2(a) + edgeBulge_m2(b));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('gives |A ∪ B| = |A| + |B| − |A ∩ B|', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const i = clipIntersection(a, b);
        const u = clipUnion(a, b);
        expect(i.ok && u.ok).toBe(true);
        if (!i.ok || !u.ok) return;
        const A = ellipsoidalArea(snapToGrid(a));
        const B = ellipsoidalArea(snapToGrid(b));
        // split edges are re-measured as shorter geodesics (src/lib/geo/bulge.ts)
        const tol = 1 + i.dropped_m2 + u.dropped_m2 + edgeBulge_m2(a) + edgeBulge_m2(b);
        expect(Math.abs(u.area_m2 - (A + B - i.area_m2))).toBeLessThan(tol);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
