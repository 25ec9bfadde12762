import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea, ellipsoidalPerimeter } from '../../../src/lib/geo/area';
import { areaBand, bandFromMeasure, zoneBand } from '../../../src/lib/geo/uncertainty';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [[[116.2, 39.9], [116.21, 39.9], [116.21, 39.91], [116.2, 39.91], [116.2, 39.9]]],
};

describe('areaBand', () => {
  it('is perimeter × accuracy around the ellipsoidal area', () => {
    const b = areaBand(square, 50);
    const P = ellipsoidalPerimeter(square);
    expect(b.area_m2).toBe(ellipsoidalArea(square));
    expect(b.band_m2).toBeCloseTo(P * 50, 6);
    expect(b.low_m2).toBeCloseTo(b.area_m2 - P * 50, 6);
    expect(b.high_m2).toBeCloseTo(b.area_m2 + P * 50, 6);
  });

  it('matches the first-order change of a square whose edges move outward by the accuracy', () => {
    // ≈ 855 m × 1110 m; moving every edge out by δ adds P·δ + 4δ² (the corners).
    const b = areaBand(square, 10);
    const wider: Polygon = {
      type: 'Polygon',
      coordinates: [[[116.2 - 10 / 85_394, 39.9 - 10 / 111_035], [116.21 + 10 / 85_394, 39.9 - 10 / 111_035], [116.21 + 10 / 85_394, 39.91 + 10 / 111_035], [116.2 - 10 / 85_394, 39.91 + 10 / 111_035], [116.2 - 10 / 85_394, 39.9 - 10 / 111_035]]],
    };
    const grown = ellipsoidalArea(wider) - b.area_m2;
    expect(Math.abs(grown - b.band_m2 - 4 * 10 * 10) / b.band_m2).toBeLessThan(0.01);
  });

  it('sums the perimeters of all parts of a multi-part zone', () => {
    const far: Polygon = { type: 'Polygon', coordinates: [square.coordinates[0]!.map(([x, y]) => [x! + 0.05, y!])] };
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [square.coordinates, far.coordinates] };
    expect(areaBand(multi, 30).band_m2).toBeCloseTo((ellipsoidalPerimeter(square) + ellipsoidalPerimeter(far)) * 30, 6);
  });

  it('never lets the low end go below zero', () => {
    expect(bandFromMeasure(100, 1000, 5).low_m2).toBe(0);
  });

  it('rejects a negative accuracy', () => {
    expect(() => bandFromMeasure(100, 10, -1)).toThrow(RangeError);
  });
});

describe('zoneBand (edges with their own accuracies, issue #16)', () => {
  // Square ring: 0 SW, 1 SE, 2 NE, 3 NW, 4 = SW again. South and north edges ≈ 855 m, east and west ≈ 1110 m.
  const edges = (south: number, rest: number) => [
    { polygon: 0, from: 0, to: 1, accuracy_m: south },
    { polygon: 0, from: 1, to: 4, accuracy_m: rest },
  ];

  it('equals perimeter × accuracy when every edge has the zone accuracy', () => {
    expect(zoneBand(square, 50, edges(50, 50)).band_m2).toBeCloseTo(areaBand(square, 50).band_m2, 3);
  });

  it('sums each edge’s length × its own accuracy: a wide south edge widens the band by its length only', () => {
    const narrow = zoneBand(square, 500, edges(50, 50)).band_m2;
    const wideSouth = zoneBand(square, 500, edges(500, 50)).band_m2;
    const southLength = 0.01 * 85_394; // ≈ 854 m at 39.9° N
    expect((wideSouth - narrow) / (450 * southLength)).toBeCloseTo(1, 2);
    // …and far less than moving the whole boundary by the worst edge's accuracy.
    expect(wideSouth).toBeLessThan(areaBand(square, 500).band_m2 / 2);
  });

  it('moves what no edge covers by the zone accuracy', () => {
    const onlySouth = zoneBand(square, 100, [{ polygon: 0, from: 0, to: 1, accuracy_m: 10 }]);
    const P = ellipsoidalPerimeter(square);
    const south = 0.01 * 85_394;
    expect(onlySouth.band_m2 / (south * 10 + (P - south) * 100)).toBeCloseTo(1, 2);
  });

  it('without edges is areaBand', () => {
    expect(zoneBand(square, 70, undefined)).toEqual(areaBand(square, 70));
  });
});
