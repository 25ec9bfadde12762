import { describe, expect, it } from 'vitest';
import { GeometryReader, packGeometries } from '../../../src/lib/import/packed';
import type { AreaGeometry } from '../../../src/lib/data/schema';

const withHole: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [[116.1, 39.9], [116.2, 39.9], [116.2, 40.0], [116.1, 40.0], [116.1, 39.9]],
    [[116.12, 39.92], [116.12, 39.94], [116.14, 39.94], [116.12, 39.92]],
  ],
};
const multi: AreaGeometry = {
  type: 'MultiPolygon',
  coordinates: [
    [[[116.3, 39.9], [116.31, 39.9], [116.31, 39.91], [116.3, 39.9]]],
    [[[116.4, 39.9], [116.41234567, 39.9], [116.41, 39.91987654], [116.4, 39.9]]],
  ],
};

describe('geometries packed for the trip from the import worker', () => {
  it('come back exactly as they were, nulls and order included', () => {
    const geoms = [withHole, null, multi, withHole];
    const packed = packGeometries(geoms);
    // 5 + 4 + 4 + 4 + 4 + 5 + 4 positions, two numbers each.
    expect(packed.coords.length).toBe(2 * (5 + 4 + 4 + 4 + 5 + 4));
    const r = new GeometryReader(packed);
    expect(geoms.map(() => r.next())).toEqual(geoms);
  });

  it('an empty list packs to empty arrays', () => {
    const p = packGeometries([]);
    expect([p.shape.length, p.coords.length]).toEqual([0, 0]);
  });
});
