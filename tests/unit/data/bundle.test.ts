// The build's data file packs the streets (src/lib/data/bundle.ts); unpacking must give back exactly
// what was packed. The real data are compared in build-data.test.ts; these are the edge cases.
import { describe, expect, it } from 'vitest';
import { packStreets, unpackStreets } from '../../../src/lib/data/bundle';
import type { StreetFeature } from '../../../src/lib/data/schema';

const provenance = { source: 'osm-2013-sparsetaxi', method: 'digitised' as const, accuracy_m: 60, date: '2013', licence: 'ODbL-1.0' };
const piece = (id: string, coordinates: [number, number][], street?: string): StreetFeature => ({
  type: 'Feature',
  properties: { id, class: 'secondary', highway: 'tertiary', ...(street && { street, name: { zh: '北辛安路', en: "Beixin'an Lu" } }), junctions: [], provenance },
  geometry: { type: 'LineString', coordinates },
});
const byId = (l: StreetFeature[]) => [...l].sort((a, b) => a.properties.id.localeCompare(b.properties.id));

describe('packed streets', () => {
  it('gives back the same features, coordinates to the last digit', () => {
    const streets = [piece('s-1', [[116.16155, 39.91268], [116.15444, 39.92322]], 'beixinan-lu'), piece('s-2', [[116.1, 39.9], [116.10001, 39.90001], [116.09999, 39.89999]]), piece('s-3', [[116.16, 39.913], [116.161, 39.914]], 'beixinan-lu')];
    const packed = packStreets(streets);
    // Two groups: the named street's pieces share everything but id and geometry.
    expect(packed).toHaveLength(2);
    expect(byId(unpackStreets(JSON.parse(JSON.stringify(packed))))).toEqual(byId(streets));
  });

  it('keeps a piece off the 1e-5° grid (or a multi-line) as it is', () => {
    const odd = piece('s-odd', [[116.1615471, 39.9126829], [116.15, 39.92]]);
    const multi: StreetFeature = { ...piece('s-multi', [[0, 0], [1, 1]]), geometry: { type: 'MultiLineString', coordinates: [[[116.1, 39.9], [116.2, 39.9]]] } };
    const packed = packStreets([odd, multi]);
    expect(packed[0]!.pieces.map(([, g]) => Array.isArray(g))).toEqual([false, false]);
    expect(byId(unpackStreets(JSON.parse(JSON.stringify(packed))))).toEqual(byId([odd, multi]));
  });

  it('gives each piece its own properties object', () => {
    const [a, b] = unpackStreets(packStreets([piece('s-1', [[116, 39], [116.1, 39]], 'k'), piece('s-2', [[116, 39], [116.1, 39.1]], 'k')]));
    expect(a!.properties.provenance).toEqual(b!.properties.provenance);
    expect(a!.properties.provenance).not.toBe(b!.properties.provenance);
  });
});
