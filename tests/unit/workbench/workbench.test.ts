import { describe, expect, it } from 'vitest';
import geographiclib from 'geographiclib-geodesic';
import { snapPosition } from '../../../src/lib/draw/snapping';
import { lineLength, polygonFigures } from '../../../src/lib/draw/measure';
import { clipLine, clipRing, swipeFeatures } from '../../../src/lib/compare/swipe';
import { compareZones, STATION_RADIUS_M } from '../../../src/lib/compare/compare';
import type { ZoneFeature } from '../../../src/lib/data/schema';
import { loadRealData } from '../geodata';

const { data } = loadRealData();
const WGS84 = geographiclib.Geodesic.WGS84;

// A plane where 1 px = 1e-4° (identity up to scale), for the screen-space functions.
const project = (lng: number, lat: number) => ({ x: lng * 1e4, y: -lat * 1e4 });
const unproject = (x: number, y: number) => ({ lng: x / 1e4, lat: -y / 1e4 });

describe('snapping', () => {
  const targets = { points: [[116.2, 39.9]], lines: [[[116.1, 39.8], [116.1, 39.9]]] };
  it('pulls to a station or vertex within the pixel tolerance, vertices before edges', () => {
    expect(snapPosition(116.2 * 1e4 + 5, -39.9 * 1e4 - 3, targets, project, unproject, 10)).toEqual([116.2, 39.9]);
    expect(snapPosition(116.1 * 1e4 + 4, -39.8 * 1e4, targets, project, unproject, 10)).toEqual([116.1, 39.8]);
  });
  it('pulls to the nearest point of an edge, and lets go beyond the tolerance', () => {
    const p = snapPosition(116.1 * 1e4 + 6, -39.85 * 1e4, targets, project, unproject, 10)!;
    expect(p[0]).toBeCloseTo(116.1, 9);
    expect(p[1]).toBeCloseTo(39.85, 9);
    expect(snapPosition(116.1 * 1e4 + 30, -39.85 * 1e4, targets, project, unproject, 10)).toBeUndefined();
  });
});

describe('live figures', () => {
  it('measures a sketch with a repeated cursor vertex like the closed polygon, with band = perimeter × accuracy', () => {
    const ring = [[116.18, 39.9], [116.19, 39.9], [116.19, 39.91], [116.19, 39.91], [116.18, 39.91], [116.18, 39.9]];
    const f = polygonFigures({ type: 'Polygon', coordinates: [ring] }, 5);
    const ref = WGS84.Polygon(false);
    for (const p of [[116.18, 39.9], [116.19, 39.9], [116.19, 39.91], [116.18, 39.91]]) ref.AddPoint(p[1]!, p[0]!);
    const r = ref.Compute(false, true);
    expect(f.area_m2).toBeCloseTo(Math.abs(r.area!), 3);
    expect(f.band_m2).toBeCloseTo(r.perimeter * 5, 6);
  });
  it('gives 0 for fewer than 3 distinct points, and a geodesic line length', () => {
    expect(polygonFigures({ type: 'Polygon', coordinates: [[[116, 39], [116.1, 39], [116, 39]]] }, 5).area_m2).toBe(0);
    const len = lineLength({ type: 'LineString', coordinates: [[116.18, 39.9], [116.18, 39.9], [116.19, 39.9]] });
    expect(len).toBeCloseTo(WGS84.Inverse(39.9, 116.18, 39.9, 116.19).s12!, 6);
  });
});

describe('swipe clipping (screen space)', () => {
  const square = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }];
  it('keeps the left part for a and the right part for b, split at the divider', () => {
    const left = clipRing(square, 'a', 4);
    const right = clipRing(square, 'b', 4);
    const area = (r: { x: number; y: number }[]) => Math.abs(r.reduce((s, p, i) => s + p.x * r[(i + 1) % r.length]!.y - r[(i + 1) % r.length]!.x * p.y, 0) / 2);
    expect(area(left)).toBeCloseTo(40, 9);
    expect(area(right)).toBeCloseTo(60, 9);
    expect(clipRing(square, 'a', -1)).toEqual([]);
  });
  it('cuts outlines into the pieces on the side, with no edge along the divider', () => {
    const pieces = clipLine([...square, square[0]!], 'a', 4);
    expect(pieces.flat().every((p) => p.x <= 4)).toBe(true);
    expect(pieces.some((l) => l.every((p) => p.x === 4))).toBe(false);
  });
  it('returns features in lon/lat tagged with their side', () => {
    const g = { type: 'Polygon' as const, coordinates: [[[116.18, 39.9], [116.19, 39.9], [116.19, 39.91], [116.18, 39.91], [116.18, 39.9]]] };
    const fs = swipeFeatures(g, 'b', 116.185 * 1e4, project, unproject);
    const fill = fs.find((f) => f.geometry.type === 'Polygon')!;
    expect(fill.properties).toEqual({ side: 'b', id: 'b' });
    const xs = (fill.geometry.coordinates as number[][][])[0]!.map((p) => p[0]!);
    expect(Math.min(...xs)).toBeCloseTo(116.185, 9);
    expect(Math.max(...xs)).toBeCloseTo(116.19, 9);
  });
});

describe('compare (real data)', () => {
  const before = data.zones.find((z) => z.properties.id === 'zgc-sjs-park-before')!;
  const shougang = data.zones.find((z) => z.properties.id === 'shougang-park')!;
  it('a version against itself: nothing added or removed, everything kept', () => {
    const r = compareZones(data, before, { ...before, properties: { ...before.properties, id: 'copy', zone: 'copy' } }, []);
    expect(r.errors).toEqual([]);
    expect(r.added_m2).toBe(0);
    expect(r.removed_m2).toBe(0);
    expect(r.kept_m2 / r.a.area_m2).toBeCloseTo(1, 6);
  });
  it('a proposal shifted 2 km east gains and loses stations by geodesic distance ≤ 800 m', () => {
    const shift = (dx: number): ZoneFeature => ({
      ...shougang,
      properties: { ...shougang.properties, id: 'moved', zone: 'moved' },
      geometry: { type: 'Polygon', coordinates: (shougang.geometry!.type === 'Polygon' ? shougang.geometry!.coordinates : shougang.geometry!.coordinates[0]!).map((r) => r.map((p) => [p[0]! + dx, p[1]!] as [number, number])) },
    });
    const moved = shift(0.0235); // ≈ 2 km at 39.9° N
    const r = compareZones(data, shougang, moved, []);
    // Independent check: every station's distance to each outline against 800 m, by brute force on densified edges.
    const stations = data.context.filter((c) => c.properties.layer === 'metro-station' && c.geometry.type === 'Point');
    const within = (z: ZoneFeature) =>
      new Set(
        stations
          .filter((s) => {
            const [x, y] = s.geometry.coordinates as [number, number];
            const ring = (z.geometry as { coordinates: number[][][] }).coordinates[0]!;
            let inside = false;
            for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
              const [xi, yi] = ring[i]!, [xj, yj] = ring[j]!;
              if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside;
            }
            if (inside) return true;
            let best = Infinity;
            for (let i = 1; i < ring.length; i++)
              for (let k = 0; k <= 200; k++) {
                const t = k / 200;
                const px = ring[i - 1]![0]! + t * (ring[i]![0]! - ring[i - 1]![0]!);
                const py = ring[i - 1]![1]! + t * (ring[i]![1]! - ring[i - 1]![1]!);
                best = Math.min(best, WGS84.Inverse(y, x, py, px).s12!);
              }
            return best <= STATION_RADIUS_M;
          })
          .map((s) => s.properties.id),
      );
    const a = within(shougang);
    const b = within(moved);
    expect(new Set(r.stations.gained.map((s) => s.id))).toEqual(new Set([...b].filter((x) => !a.has(x))));
    expect(new Set(r.stations.lost.map((s) => s.id))).toEqual(new Set([...a].filter((x) => !b.has(x))));
    expect(r.stations.gained.length + r.stations.lost.length).toBeGreaterThan(0);
    // Shifted, not reshaped: the area is the same, land is both added and removed.
    expect(Math.abs(r.net_m2) / r.a.area_m2).toBeLessThan(1e-3);
    expect(r.added_m2).toBeGreaterThan(0);
    expect(r.removed_m2).toBeCloseTo(r.added_m2, -4);
  });
});
