import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea, ellipsoidalPerimeter } from '../../../src/lib/geo/area';
import { areaBand, bandFromMeasure } from '../../../src/lib/geo/uncertainty';

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
