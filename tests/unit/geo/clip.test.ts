import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Areal } from '../../../src/lib/geo/areal';
import { clip, turfEngine, type ClipEngine } from '../../../src/lib/geo/clip';
import { clipDifference } from '../../../src/lib/geo/difference';
import { interiorOverlapEvidence, outsideEvidence } from '../../../src/lib/geo/evidence';
import { clipIntersection } from '../../../src/lib/geo/intersect';
import { clipUnion } from '../../../src/lib/geo/union';

const D = 0.01;
/** Rectangle in units of 0.01° from (116.20° E, 39.90° N). */
const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => {
  const p = (x: number, y: number): Position => [116.2 + x * D, 39.9 + y * D];
  return { type: 'Polygon', coordinates: [[p(x0, y0), p(x1, y0), p(x1, y1), p(x0, y1), p(x0, y0)]] };
};
function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object') {
    Object.values(x as object).forEach(deepFreeze);
    Object.freeze(x);
  }
  return x;
}
const emptyEngine: ClipEngine = () => null;

describe('clip pipeline', () => {
  it('refuses an empty intersection when the inputs overlap, saying where', () => {
    const r = clip('intersection', rect(0, 0, 2, 2), rect(1, 1, 3, 3), { engine: emptyEngine });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('empty-but-overlapping');
    expect(r.error).toMatch(/inside/);
  });

  it('accepts an empty intersection of polygons that only share an edge', () => {
    const r = clip('intersection', rect(0, 0, 1, 1), rect(1, 0, 2, 1), { engine: emptyEngine });
    expect(r).toMatchObject({ ok: true, geometry: null, area_m2: 0 });
  });

  it('refuses an empty difference when A extends outside B', () => {
    const r = clip('difference', rect(0, 0, 2, 2), rect(1, 1, 3, 3), { engine: emptyEngine });
    expect(r).toMatchObject({ ok: false, code: 'empty-but-overlapping' });
  });

  it('accepts an empty difference when B covers A', () => {
    const r = clipDifference(rect(1, 1, 2, 2), rect(0, 0, 3, 3));
    expect(r).toMatchObject({ ok: true, geometry: null, area_m2: 0 });
  });

  it('refuses an empty union of non-empty inputs', () => {
    const r = clip('union', rect(0, 0, 1, 1), rect(0.5, 0, 2, 1), { engine: emptyEngine });
    expect(r).toMatchObject({ ok: false, code: 'empty-but-overlapping' });
  });

  it('refuses a result whose area breaks set algebra', () => {
    const lossy: ClipEngine = (_op, a) => a; // a "union" that forgets B
    const r = clip('union', rect(0, 0, 1, 1), rect(0.5, 0.5, 3, 3), { engine: lossy });
    expect(r).toMatchObject({ ok: false, code: 'area-inconsistent' });
  });

  it('reports an engine exception as an error result instead of throwing', () => {
    const broken: ClipEngine = () => {
      throw new Error('Unable to complete output ring');
    };
    const r = clip('intersection', rect(0, 0, 2, 2), rect(1, 1, 3, 3), { engine: broken });
    expect(r).toMatchObject({ ok: false, code: 'engine-failed' });
    if (!r.ok) expect(r.error).toMatch(/Unable to complete output ring/);
  });

  it('rejects non-polygonal or non-finite input', () => {
    const line = { type: 'LineString', coordinates: [[0, 0], [1, 1]] } as unknown as Areal;
    expect(clipIntersection(line, rect(0, 0, 1, 1))).toMatchObject({ ok: false, code: 'invalid-input' });
    const nan = rect(0, 0, 1, 1);
    nan.coordinates[0]![1] = [NaN, 39.9];
    expect(clipUnion(nan, rect(0, 0, 1, 1))).toMatchObject({ ok: false, code: 'invalid-input' });
  });

  it('treats null as the empty set', () => {
    expect(clipIntersection(null, rect(0, 0, 1, 1))).toMatchObject({ ok: true, geometry: null });
    const u = clipUnion(null, rect(0, 0, 1, 1));
    expect(u.ok && u.geometry?.type).toBe('Polygon');
    const d = clipDifference(rect(0, 0, 1, 1), null);
    expect(d.ok && d.area_m2).toBeGreaterThan(9e5);
  });

  it('never mutates its inputs (frozen fixtures)', () => {
    const a = deepFreeze(rect(0, 0, 2, 2));
    const b = deepFreeze(rect(1, 1, 3, 3));
    for (const op of ['intersection', 'union', 'difference'] as const) expect(clip(op, a, b).ok).toBe(true);
  });

  it('puts every output coordinate on the 1e-7° grid', () => {
    const r = clipIntersection(rect(0, 0, 2, 2), rect(1.23456789, 0.98765432, 3, 3));
    if (!r.ok || r.geometry === null) throw new Error('expected an intersection');
    for (const ring of (r.geometry as Polygon).coordinates)
      for (const p of ring) for (const c of p) expect(Math.abs(c * 1e7 - Math.round(c * 1e7))).toBeLessThan(1e-6);
  });

  it('gives the same intersection in both argument orders', () => {
    const ab = clipIntersection(rect(0, 0, 2, 2), rect(1, 0.5, 3, 3));
    const ba = clipIntersection(rect(1, 0.5, 3, 3), rect(0, 0, 2, 2));
    if (!ab.ok || !ba.ok) throw new Error('clip failed');
    expect(ab.area_m2).toBeCloseTo(ba.area_m2, 6);
  });

  it('answers strictly nested or strictly apart inputs without the engine', () => {
    const never: ClipEngine = () => {
      throw new Error('engine called');
    };
    const inner = clip('intersection', rect(0, 0, 3, 3), rect(1, 1, 2, 2), { engine: never });
    expect(inner.ok && inner.area_m2).toBeCloseTo(inner.ok ? inner.b_m2 : -1, 6);
    expect(clip('difference', rect(1, 1, 2, 2), rect(0, 0, 3, 3), { engine: never })).toMatchObject({ ok: true, geometry: null });
    const apart = clip('union', rect(0, 0, 1, 1), rect(0, 2, 1, 3), { engine: never });
    expect(apart.ok && apart.geometry?.type).toBe('MultiPolygon');
  });

  it('uses turf by default', () => {
    const r = turfEngine('intersection', rect(0, 0, 2, 2), rect(1, 1, 3, 3));
    expect(r?.type).toBe('Polygon');
  });
});

describe('overlap evidence', () => {
  it('finds a vertex deep inside the other polygon', () => {
    expect(interiorOverlapEvidence(rect(0, 0, 2, 2), rect(1, 1, 3, 3))?.kind).toBe('vertex-inside');
  });

  it('finds crossing boundaries when no vertex, midpoint or interior sample lies inside the other', () => {
    const ev = interiorOverlapEvidence(rect(0, 1, 10, 2), rect(1, -5, 2, 3));
    expect(ev?.kind).toBe('edges-cross');
  });

  it('finds identical polygons overlapping through an interior point', () => {
    expect(interiorOverlapEvidence(rect(0, 0, 1, 1), rect(0, 0, 1, 1))?.kind).toBe('interior-inside');
  });

  it('finds nothing for touching edges, touching corners or a border redigitised within 1 cm', () => {
    expect(interiorOverlapEvidence(rect(0, 0, 1, 1), rect(1, 0, 2, 1))).toBeNull();
    expect(interiorOverlapEvidence(rect(0, 0, 1, 1), rect(1, 1, 2, 2))).toBeNull();
    // 1e-7° ≈ 0.9 cm of overlap along the shared edge: below the 10 cm tolerance.
    expect(interiorOverlapEvidence(rect(0, 0, 1, 1), rect(1 - 1e-5, 0, 2, 1))).toBeNull();
  });

  it('finds A sticking out of B, and nothing when B covers A', () => {
    expect(outsideEvidence(rect(0, 0, 2, 2), rect(1, 1, 3, 3))?.kind).toBe('vertex-outside');
    expect(outsideEvidence(rect(1, 1, 2, 2), rect(0, 0, 3, 3))).toBeNull();
    expect(outsideEvidence(rect(0, 0, 1, 1), rect(0, 0, 1, 1))).toBeNull();
  });
});
