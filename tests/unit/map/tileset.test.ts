import { describe, expect, it } from 'vitest';
import { tilesCovering, tilesDiff } from '../../../src/lib/map/tileset';
import type { FlatProps } from '../../../src/lib/map/features';

const f = (id: string) => ({ type: 'Feature' as const, geometry: null, properties: { id } as FlatProps });

describe('the proposals tile worker is kept in step by identity', () => {
  it('sends nothing when the same objects are wanted, one feature when one is edited', () => {
    const a = f('a'), b = f('b'), c = f('c');
    const onMap = new Map([['a', a], ['b', b], ['c', c]]);
    expect(tilesDiff(onMap, [a, b, c])).toEqual({ remove: [], add: [] });
    const b2 = f('b');
    expect(tilesDiff(onMap, [a, b2, c])).toEqual({ remove: [], add: [b2] });
    expect(tilesDiff(onMap, [a])).toEqual({ remove: ['b', 'c'], add: [] });
  });
});

describe('tiles touched by a change', () => {
  it('are the tiles covering its box at every zoom, and the neighbours whose buffer reaches it', () => {
    // A 50 m parcel in Shijingshan, in z12 tile 3370/1551 (x = 0.16 of the way across it: within
    // the quarter-tile buffer of 3369, which also draws it).
    const tiles = tilesCovering([[116.1901, 39.9101, 116.1907, 39.9105]], 16)!;
    expect(tiles.find((t) => t.z === 0)).toEqual({ z: 0, x: 0, y: 0 });
    const z12 = tiles.filter((t) => t.z === 12);
    expect(z12).toContainEqual({ z: 12, x: 3370, y: 1551 });
    expect(z12).toContainEqual({ z: 12, x: 3369, y: 1551 });
    expect(z12.length).toBeLessThanOrEqual(4);
    expect(new Set(tiles.map((t) => t.z)).size).toBe(17);
  });

  it('gives up (reload everything) rather than list more tiles than the limit', () => {
    expect(tilesCovering([[115, 39, 117, 41]], 16, 100)).toBeNull();
  });
});
