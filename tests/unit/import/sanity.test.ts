/**
 * Datum suspicion and far-away checks (issue 10, item 4) on real geometry: the Shijingshan outline
 * and the metro stations of geodata/, and the same shifted to GCJ-02 and BD-09 with gcoord's
 * forward transforms (a stand-in for tracing them on AMap or Baidu Maps); unrelated parcels and the
 * Atlas's own zones must not trigger.
 */
import gcoord from 'gcoord';
import type { Feature, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importReference } from '../../../src/lib/import/reference';
import { datumScore, datumSuspicion, farAway } from '../../../src/lib/import/sanity';
import { loadRealData } from '../geodata';

const { data } = loadRealData();
const ref = importReference(data);

/** A deep copy moved from WGS84 into `to` (gcoord mutates its input, so it only sees copies). */
const shift = (fs: Feature<Geometry | null>[], to: 'GCJ02' | 'BD09'): Feature<Geometry | null>[] =>
  fs.map((f) => ({ ...f, geometry: f.geometry && (gcoord.transform(structuredClone(f.geometry) as never, gcoord.WGS84, gcoord[to]) as Geometry) }));

const sjs = data.districts.filter((d) => d.properties.id === 'shijingshan') as unknown as Feature<Geometry>[];
const stations = data.context.filter((c) => c.properties.layer === 'metro-station') as unknown as Feature<Geometry>[];
const atlasZones = data.zones.filter((z) => z.geometry) as unknown as Feature<Geometry>[];

/** 300 seeded square parcels of 40–140 m scattered over the district's box: traced from nothing. */
function parcels(seed = 7): Feature<Geometry>[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: 300 }, () => {
    const x = 116.1 + rnd() * 0.15;
    const y = 39.88 + rnd() * 0.09;
    const d = (40 + rnd() * 100) / 90_000;
    const ring: Position[] = [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
    return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
  });
}

describe('datum suspicion', () => {
  it('the district outline as it is (WGS84) raises nothing', () => {
    expect(datumSuspicion(sjs, ref)).toBeNull();
    expect(datumScore(sjs, ref)!.median_m.wgs84).toBeLessThan(1);
  });
  it('the district outline traced in GCJ-02 is recognised, with the distances', () => {
    const s = datumSuspicion(shift(sjs, 'GCJ02'), ref);
    expect(s?.suggested).toBe('gcj02');
    expect(s!.median_m.gcj02).toBeLessThan(1);
    expect(s!.median_m.wgs84).toBeGreaterThan(150);
  });
  it('the district outline traced in BD-09 is recognised as BD-09', () => {
    expect(datumSuspicion(shift(sjs, 'BD09'), ref)?.suggested).toBe('bd09');
  });
  it('metro stations: as they are nothing; shifted to GCJ-02 and BD-09 recognised', () => {
    expect(datumSuspicion(stations, ref)).toBeNull();
    expect(datumSuspicion(shift(stations, 'GCJ02'), ref)?.suggested).toBe('gcj02');
    expect(datumSuspicion(shift(stations, 'BD09'), ref)?.suggested).toBe('bd09');
  });
  it('unrelated parcels never trigger, as they are or shifted', () => {
    const p = parcels();
    expect(datumSuspicion(p, ref)).toBeNull();
    expect(datumSuspicion(shift(p, 'GCJ02'), ref)).toBeNull();
    expect(datumSuspicion(shift(p, 'BD09'), ref)).toBeNull();
  });
  it("the Atlas's own zones (WGS84, some along the district border) do not trigger", () => {
    expect(datumSuspicion(atlasZones, ref)).toBeNull();
  });
  it('too few vertices near a reference feature: no verdict at all', () => {
    expect(datumScore(shift(stations, 'GCJ02').slice(0, 5), ref)).toBeNull();
  });
});

describe('far away', () => {
  it('nothing for the district itself, the zones and the stations', () => {
    expect(farAway([...sjs, ...atlasZones, ...stations], ref, (_, i) => `#${i}`)).toBeNull();
  });
  it('flags a feature 240 km east (a neighbouring Gauss–Krüger zone) and not one 10 km out', () => {
    const at = (dx: number): Feature<Geometry> => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [116.2 + dx, 39.9] } });
    const r = farAway([at(0), at(0.2), at(2.8)], ref, (_, i) => `#${i}`);
    expect(r).toMatchObject({ count: 1, total: 3, examples: ['#2'] });
    expect(r!.median_km).toBeGreaterThan(200);
  });
});
