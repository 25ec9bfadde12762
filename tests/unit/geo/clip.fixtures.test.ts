/**
 * Golden fixtures for clipping edge cases: tests/fixtures/clip/in/NAME.geojson (features A and B)
 * → tests/fixtures/clip/out/NAME.geojson (A ∩ B, A ∪ B, A − B with fill colours, plus the inputs
 * as outlines, for any GeoJSON viewer). Regenerate on purpose with `REGEN=1 npx vitest run
 * tests/unit/geo/clip.fixtures.test.ts`, then look at the outputs before committing. Besides the
 * golden comparison, each case asserts what the result must mean.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../../../src/lib/geo/area';
import type { Areal } from '../../../src/lib/geo/areal';
import { edgeBulge_m2 } from '../../../src/lib/geo/bulge';
import { polygonsOf } from '../../../src/lib/geo/areal';
import type { ClipResult } from '../../../src/lib/geo/clip';
import { clipDifference } from '../../../src/lib/geo/difference';
import { clipIntersection } from '../../../src/lib/geo/intersect';
import { snapToGrid } from '../../../src/lib/geo/snap';
import { clipUnion } from '../../../src/lib/geo/union';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/clip');
const names = readdirSync(join(root, 'in'))
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => f.replace(/\.geojson$/, ''))
  .sort();

type Shape = 'empty' | 'A' | 'B' | 'parts:1' | 'parts:2' | 'parts:3' | 'holes:1';
/** What each operation must give, per fixture (checked independently of the golden files). */
const expected: Record<string, { intersection: Shape; union: Shape; difference: Shape; sliverDropped?: boolean }> = {
  disjoint: { intersection: 'empty', union: 'parts:2', difference: 'A' },
  'disjoint-in-notch': { intersection: 'empty', union: 'parts:2', difference: 'A' },
  'touching-edge': { intersection: 'empty', union: 'parts:1', difference: 'A' },
  'touching-corner': { intersection: 'empty', union: 'parts:2', difference: 'A' },
  'shared-border-partial': { intersection: 'empty', union: 'parts:1', difference: 'A' },
  'shared-border-jitter': { intersection: 'empty', union: 'parts:1', difference: 'A' },
  contained: { intersection: 'B', union: 'A', difference: 'holes:1' },
  'contained-sharing-edge': { intersection: 'B', union: 'A', difference: 'parts:1' },
  identical: { intersection: 'A', union: 'A', difference: 'empty' },
  'near-duplicate-vertices': { intersection: 'parts:1', union: 'parts:1', difference: 'parts:1' },
  'sliver-overlap': { intersection: 'empty', union: 'parts:1', difference: 'parts:1', sliverDropped: true },
  'sliver-gap': { intersection: 'empty', union: 'parts:2', difference: 'A' },
  'partial-overlap': { intersection: 'parts:1', union: 'parts:1', difference: 'parts:1' },
  cross: { intersection: 'parts:1', union: 'parts:1', difference: 'parts:2' },
  'multipolygon-with-hole': { intersection: 'parts:2', union: 'holes:1', difference: 'parts:2' },
};

const style = {
  intersection: { fill: '#d62728', stroke: '#d62728' },
  union: { fill: '#2ca02c', stroke: '#2ca02c' },
  difference: { fill: '#9467bd', stroke: '#9467bd' },
} as const;

function load(name: string): { A: Areal; B: Areal; description: string } {
  const fc = JSON.parse(readFileSync(join(root, 'in', `${name}.geojson`), 'utf8')) as FeatureCollection & { description: string };
  const byName = (n: string) => fc.features.find((f) => f.properties?.['name'] === n)!.geometry as Areal;
  return { A: byName('A'), B: byName('B'), description: fc.description };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

function outFeature(r: ClipResult): Feature<Geometry | null> {
  const props: Record<string, unknown> = { operation: r.operation, ok: r.ok, ...style[r.operation], 'fill-opacity': 0.5 };
  if (!r.ok) return { type: 'Feature', properties: { ...props, code: r.code, error: r.error }, geometry: null };
  return {
    type: 'Feature',
    properties: { ...props, area_m2: round(r.area_m2, 1), dropped_m2: round(r.dropped_m2, 1) },
    geometry: r.geometry,
  };
}

function outline(name: 'A' | 'B', g: Areal): Feature {
  return {
    type: 'Feature',
    properties: { name, stroke: name === 'A' ? '#1f77b4' : '#ff7f0e', 'stroke-width': 2, 'fill-opacity': 0 },
    geometry: g,
  };
}

/** Rounds every coordinate to 7 decimals so goldens compare what the grid guarantees. */
function roundCoords<T>(x: T): T {
  return JSON.parse(JSON.stringify(x), (key, v) =>
    key === 'coordinates' ? JSON.parse(JSON.stringify(v), (_k, n) => (typeof n === 'number' ? round(n, 7) : n)) : v,
  ) as T;
}

/** Area of the symmetric difference of two geometries, m² (0 when they cover the same ground). */
function mismatch_m2(x: Areal | null, y: Areal | null): number {
  const d1 = clipDifference(x, y);
  const d2 = clipDifference(y, x);
  if (!d1.ok || !d2.ok) throw new Error('difference failed');
  return d1.area_m2 + d2.area_m2;
}

function checkShape(r: ClipResult, shape: Shape, A: Areal, B: Areal): void {
  expect(r.ok, r.ok ? '' : r.error).toBe(true);
  if (!r.ok) return;
  const g = r.geometry;
  if (shape === 'empty') {
    expect(g).toBeNull();
    return;
  }
  expect(g).not.toBeNull();
  if (g === null) return;
  if (shape === 'A' || shape === 'B') {
    const target = snapToGrid(shape === 'A' ? A : B);
    expect(mismatch_m2(g, target)).toBeLessThan(1);
    return;
  }
  const [kind, n] = shape.split(':') as ['parts' | 'holes', string];
  const polys = polygonsOf(g);
  if (kind === 'parts') expect(polys.length).toBe(Number(n));
  else expect(polys.reduce((s, p) => s + p.length - 1, 0)).toBe(Number(n));
}

describe('clip fixtures (tests/fixtures/clip)', () => {
  it('has an expectation for every input fixture', () => {
    expect(names.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const name of names) {
    describe(name, () => {
      const { A, B, description } = load(name);
      const inputs = JSON.stringify([A, B]);
      const results = [clipIntersection(A, B), clipUnion(A, B), clipDifference(A, B)] as const;
      const out = roundCoords({
        type: 'FeatureCollection',
        description,
        features: [outline('A', A), outline('B', B), ...results.map(outFeature)],
      });

      it('matches the golden output', () => {
        const file = join(root, 'out', `${name}.geojson`);
        if (process.env['REGEN'] === '1') writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
        expect(out).toEqual(JSON.parse(readFileSync(file, 'utf8')));
      });

      it('does not mutate its inputs', () => {
        expect(JSON.stringify([A, B])).toBe(inputs);
      });

      it('gives the expected shape for A ∩ B, A ∪ B and A − B', () => {
        const e = expected[name]!;
        checkShape(results[0], e.intersection, A, B);
        checkShape(results[1], e.union, A, B);
        checkShape(results[2], e.difference, A, B);
      });

      it('satisfies |A ∪ B| = |A| + |B| − |A ∩ B| and |A − B| = |A| − |A ∩ B|', () => {
        const [i, u, d] = results;
        if (!i.ok || !u.ok || !d.ok) throw new Error('clip failed');
        const a = ellipsoidalArea(snapToGrid(A));
        const b = ellipsoidalArea(snapToGrid(B));
        // Edges split by the clip are re-measured as shorter geodesics (see src/lib/geo/bulge.ts).
        const slack = 1 + i.dropped_m2 + u.dropped_m2 + d.dropped_m2 + edgeBulge_m2(A) + edgeBulge_m2(B);
        expect(Math.abs(u.area_m2 - (a + b - i.area_m2 - i.dropped_m2))).toBeLessThan(slack);
        expect(Math.abs(d.area_m2 - (a - i.area_m2 - i.dropped_m2))).toBeLessThan(slack);
      });

      it(expected[name]!.sliverDropped ? 'drops the sliver and reports its area' : 'drops no sliver', () => {
        const i = results[0];
        if (!i.ok) throw new Error(i.error);
        if (expected[name]!.sliverDropped) expect(i.dropped_m2).toBeGreaterThan(1);
        else expect(i.dropped_m2).toBe(0);
      });

      it('returns closed rings of at least 4 positions wound per RFC 7946', () => {
        for (const r of results) {
          if (!r.ok || r.geometry === null) continue;
          for (const poly of polygonsOf(r.geometry))
            poly.forEach((ring, k) => {
              expect(ring.length).toBeGreaterThanOrEqual(4);
              expect(ring[0]).toEqual(ring[ring.length - 1]);
              let s = 0;
              for (let q = 0; q + 1 < ring.length; q++) s += ring[q]![0]! * ring[q + 1]![1]! - ring[q + 1]![0]! * ring[q]![1]!;
              expect(s > 0).toBe(k === 0);
            });
        }
      });
    });
  }
});
