import { describe, expect, it } from 'vitest';
import { firstPosition, mortonKey, positionCount, ZonesPlan, type ZoneFlat } from '../../../src/lib/map/sync';

/** The whole next diff for `want` against `onMap`, from a fresh plan. */
const zonesDiff = (onMap: ReadonlyMap<string, ZoneFlat>, want: readonly ZoneFlat[], max: number) => new ZonesPlan(want).next(onMap, max);

const square = (id: string, n = 5): ZoneFlat => ({
  type: 'Feature',
  properties: { id },
  geometry: { type: 'Polygon', coordinates: [Array.from({ length: n }, (_, i) => [116.2 + (i % 2) * 0.001, 39.9 + (i >> 1) * 0.001])] },
});

describe('keeping the zones source in step (diffs by identity)', () => {
  it('counts positions of any geometry', () => {
    expect(positionCount(square('a', 7).geometry)).toBe(7);
    expect(positionCount({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [0, 1], [0, 0]]], [[[2, 2], [3, 2], [2, 3], [2, 2]], [[2.1, 2.1], [2.2, 2.1], [2.1, 2.2], [2.1, 2.1]]]] })).toBe(12);
    expect(positionCount({ type: 'Point', coordinates: [1, 2] })).toBe(1);
    expect(positionCount(null)).toBe(0);
  });

  it('nothing to send when the map holds the same objects', () => {
    const a = square('a');
    expect(zonesDiff(new Map([['a', a]]), [a], 100)).toBeNull();
  });

  it('sends removals, new features and replaced ones (a new object under the same id)', () => {
    const a = square('a');
    const b = square('b');
    const b2 = { ...b, properties: { id: 'b', name_en: 'edited' } };
    const c = square('c');
    expect(zonesDiff(new Map([['a', a], ['b', b]]), [b2, c], 100)).toEqual({ remove: ['a'], add: [b2, c] });
  });

  it('cuts big additions into pieces of about maxVertices positions, in order, until done', () => {
    const want = Array.from({ length: 10 }, (_, i) => square(`p${i}`, 10));
    const onMap = new Map<string, ZoneFlat>();
    const sent: string[][] = [];
    for (let guard = 0; guard < 20; guard++) {
      const d = zonesDiff(onMap, want, 25);
      if (!d) break;
      // 25 positions: the third square of 10 crosses the limit and is the last of its piece.
      expect(d.add.length).toBeLessThanOrEqual(3);
      sent.push(d.add.map((f) => String(f.properties.id)));
      for (const f of d.add) onMap.set(String(f.properties.id), f);
    }
    expect(sent.flat()).toEqual(want.map((f) => f.properties.id));
    expect(sent.length).toBe(4);
  });

  it('a single feature larger than the piece size is still sent', () => {
    const big = square('big', 100);
    expect(zonesDiff(new Map(), [big], 10)).toEqual({ remove: [], add: [big] });
  });
});

describe('sending a big file in spatial order', () => {
  it('Z-order keys keep neighbours together and are in [0, 2^32)', () => {
    const a = mortonKey(116.2, 39.9);
    const near = mortonKey(116.2001, 39.9001);
    const far = mortonKey(116.45, 40.1);
    expect(Math.abs(a - near)).toBeLessThan(Math.abs(a - far));
    for (const k of [mortonKey(-180, -90), mortonKey(180, 90), a]) {
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(2 ** 32);
    }
  });

  it('first position of polygons and multipolygons; null without geometry', () => {
    expect(firstPosition(square('a').geometry)).toEqual([116.2, 39.9]);
    expect(firstPosition({ type: 'MultiPolygon', coordinates: [[[[1, 2], [3, 4], [5, 6], [1, 2]]]] })).toEqual([1, 2]);
    expect(firstPosition(null)).toBeNull();
  });

  it('with a key, pieces follow the keys; everything is still sent once', () => {
    // Ten squares, keyed in reverse: the plan sends them from the last to the first.
    const want = Array.from({ length: 10 }, (_, i) => square(`p${i}`, 10));
    const plan = new ZonesPlan(want, (f) => String(f.properties.id), (f) => f, (f) => -Number(String(f.properties.id).slice(1)));
    const onMap = new Map<string, ZoneFlat>();
    const sent: string[] = [];
    for (let d = plan.next(onMap, 25); d; d = plan.next(onMap, 25))
      for (const f of d.add) {
        onMap.set(String(f.properties.id), f);
        sent.push(String(f.properties.id));
      }
    expect(sent).toEqual(want.map((f) => String(f.properties.id)).reverse());
  });
});
