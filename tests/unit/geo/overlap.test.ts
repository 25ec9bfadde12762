import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../../src/lib/geo/area';
import { containment, expansionDelta, lookupOverlap, overlapMatrix } from '../../../src/lib/geo/overlap';

const D = 0.01;
const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => {
  const p = (x: number, y: number): Position => [116.2 + x * D, 39.9 + y * D];
  return { type: 'Polygon', coordinates: [[p(x0, y0), p(x1, y0), p(x1, y1), p(x0, y1), p(x0, y0)]] };
};
const near = (x: number, y: number, tol = 1e-6) => Math.abs(x - y) <= tol * Math.max(1, Math.abs(y));

describe('overlapMatrix', () => {
  const items = [
    { id: 'a', geometry: rect(0, 0, 2, 2) },
    { id: 'b', geometry: rect(1, 1, 3, 3) },
    { id: 'c', geometry: rect(5, 5, 6, 6) }, // far away
    { id: 'd', geometry: rect(2, 0, 3, 1) }, // touches a along an edge
    { id: 'e', geometry: null },
  ];
  const m = overlapMatrix(items);

  it('lists only the pairs that overlap, once each', () => {
    expect(m.pairs.map((p) => `${p.a}|${p.b}`)).toEqual(['a|b']);
    expect(m.errors).toEqual([]);
  });

  it('gives the intersection area and the share of each zone', () => {
    const p = m.pairs[0]!;
    const quarter = ellipsoidalArea(rect(1, 1, 2, 2));
    expect(near(p.overlap_m2, quarter, 1e-5)).toBe(true);
    expect(near(p.share_a, p.overlap_m2 / ellipsoidalArea(rect(0, 0, 2, 2)), 1e-9)).toBe(true);
    expect(p.share_a).toBeCloseTo(0.25, 3);
    expect(p.share_b).toBeCloseTo(0.25, 3);
  });

  it('reads the same overlap in either order, with the shares swapped', () => {
    const ab = lookupOverlap(m, 'a', 'b')!;
    const ba = lookupOverlap(m, 'b', 'a')!;
    expect(ab.overlap_m2).toBe(ba.overlap_m2);
    expect(ab.share_x).toBe(ba.share_y);
    expect(lookupOverlap(m, 'a', 'd')).toBeNull();
  });
});

describe('containment', () => {
  it('splits a zone into the parts inside and outside the district', () => {
    const r = containment(rect(2, 0, 4, 1), rect(0, 0, 3, 3));
    if (!r.ok) throw new Error(r.error);
    expect(r.share_inside).toBeCloseTo(0.5, 3);
    expect(near(r.inside_m2 + r.outside_m2, r.zone_m2, 1e-5)).toBe(true);
    expect(r.outside?.type).toBe('Polygon');
  });

  it('finds a zone inside the district entirely inside, with nothing outside', () => {
    const r = containment(rect(1, 1, 2, 2), rect(0, 0, 3, 3));
    if (!r.ok) throw new Error(r.error);
    expect(r.share_inside).toBeCloseTo(1, 9);
    expect(r.outside_m2).toBe(0);
    expect(r.outside).toBeNull();
  });
});

describe('expansionDelta', () => {
  it('gives added, removed and kept areas of an adjusted zone', () => {
    const before = rect(0, 0, 2, 1);
    const after = rect(1, 0, 4, 1); // drops [0,1], keeps [1,2], adds [2,4]
    const r = expansionDelta(before, after);
    if (!r.ok) throw new Error(r.error);
    const cell = ellipsoidalArea(rect(0, 0, 1, 1));
    expect(r.kept_m2 / cell).toBeCloseTo(1, 4);
    expect(r.removed_m2 / cell).toBeCloseTo(1, 4);
    expect(r.added_m2 / cell).toBeCloseTo(2, 4);
    expect(r.net_m2).toBeCloseTo(r.after_m2 - r.before_m2, 6);
    expect(Math.abs(r.residual_m2)).toBeLessThan(50); // split edges re-measured (bulge.ts)
    expect(r.added?.type).toBe('Polygon');
    expect(r.removed?.type).toBe('Polygon');
  });

  it('shows a pure expansion with nothing removed', () => {
    const r = expansionDelta(rect(0, 0, 1, 1), rect(0, 0, 2, 2));
    if (!r.ok) throw new Error(r.error);
    expect(r.removed_m2).toBe(0);
    expect(r.removed).toBeNull();
    expect(r.kept_m2).toBeCloseTo(r.before_m2, 0);
  });
});
