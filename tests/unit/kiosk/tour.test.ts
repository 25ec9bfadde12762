import { describe, expect, it } from 'vitest';
import { bbox } from '@turf/turf';
import { iou, keyFigures, MIN_VIEW_SPAN_M, SAME_VIEW_IOU, tourStops, viewBox, type Bbox } from '../../../src/lib/kiosk/tour';
import { isInterview } from '../../../src/lib/card/claimText';
import type { ZoneFeature } from '../../../src/lib/data/schema';
import { loadRealData } from '../geodata';

const { data } = loadRealData();
/** The current version of every zone (what the kiosk shows after a reset). */
const shown = [...new Map(data.zones.map((z) => [z.properties.zone, z] as const)).keys()].map(
  (id) => data.zones.find((z) => z.properties.zone === id && z.properties.current) ?? data.zones.find((z) => z.properties.zone === id)!,
);

/** Width and height of a box in metres (equirectangular, fine at this scale). */
const spanM = ([w, s, e, n]: Bbox) => [(e - w) * 111_320 * Math.cos((((s + n) / 2) * Math.PI) / 180), (n - s) * 111_320];

describe('attract loop from the data', () => {
  const stops = tourStops(shown);

  it('opens on the opening view and ends on the key figures', () => {
    expect(stops[0]).toEqual({ kind: 'opening' });
    expect(stops.at(-1)).toEqual({ kind: 'figures' });
  });

  it('visits every drawn zone exactly once and no zone without geometry', () => {
    const visited = stops.flatMap((s) => (s.kind === 'zones' ? s.zones : []));
    const drawn = shown.filter((z) => z.geometry).map((z) => z.properties.zone);
    expect([...visited].sort()).toEqual([...drawn].sort());
  });

  it('gives distinct views: no two stops frame nearly the same box', () => {
    const boxes = stops.flatMap((s) => (s.kind === 'zones' ? [s.box] : []));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(iou(boxes[i]!, boxes[j]!)).toBeLessThan(SAME_VIEW_IOU);
  });

  it('frames each zone with room around it, never closer than the minimum span', () => {
    for (const s of stops) {
      if (s.kind !== 'zones') continue;
      const [w, h] = spanM(s.box);
      expect(w).toBeGreaterThanOrEqual(MIN_VIEW_SPAN_M * 0.999);
      expect(h).toBeGreaterThanOrEqual(MIN_VIEW_SPAN_M * 0.999);
      for (const id of s.zones) {
        const z = shown.find((f) => f.properties.zone === id)!;
        const [zw, zs, ze, zn] = bbox(z.geometry!);
        // The zone lies inside its stop's view.
        expect(zw).toBeGreaterThanOrEqual(s.box[0]);
        expect(zs).toBeGreaterThanOrEqual(s.box[1]);
        expect(ze).toBeLessThanOrEqual(s.box[2]);
        expect(zn).toBeLessThanOrEqual(s.box[3]);
      }
    }
  });

  it('merges zones that would be framed the same way into one stop', () => {
    const square = (id: string, lon: number, lat: number, d: number): ZoneFeature =>
      ({ ...shown[0]!, properties: { ...shown[0]!.properties, id, zone: id }, geometry: { type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] } }) as ZoneFeature;
    // Two small zones 200 m apart: one view. A third 5 km away: its own.
    const s = tourStops([square('a', 116.2, 39.9, 0.002), square('b', 116.2025, 39.9, 0.002), square('c', 116.26, 39.9, 0.002)]);
    expect(s.filter((x) => x.kind === 'zones').map((x) => (x.kind === 'zones' ? x.zones : []))).toEqual([['a', 'b'], ['c']]);
  });

  it('a tiny zone still gets a view of its neighbourhood', () => {
    const [w, h] = spanM(viewBox([116.2, 39.9, 116.2001, 39.9001]));
    expect(w).toBeCloseTo(MIN_VIEW_SPAN_M, -1);
    expect(h).toBeCloseTo(MIN_VIEW_SPAN_M, -1);
  });
});

describe('key figures', () => {
  const figs = keyFigures(data.claims, data.sources);
  it('come from the interview only, no areas, every group represented when there is room', () => {
    expect(figs.length).toBeGreaterThan(0);
    expect(figs.length).toBeLessThanOrEqual(8);
    for (const c of figs) {
      expect(isInterview(c, data.sources)).toBe(true);
      expect(['km2', 'ha', 'm2']).not.toContain(c.unit);
    }
    const groups = new Set(data.claims.filter((c) => isInterview(c, data.sources) && !['km2', 'ha', 'm2', 'years'].includes(c.unit)).map((c) => c.group));
    if (groups.size <= 8) expect(new Set(figs.map((c) => c.group))).toEqual(groups);
  });
});
