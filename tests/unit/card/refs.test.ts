// Issue #16: a card's "Why here" names streets, junctions and stations; the card shows their names
// and a click frames them beside the outline. Real geography (streets, junctions, stations) with a
// zone given references here, so the test does not depend on which zones the data has traced yet.
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { cardFor } from '../../../src/lib/card/card';
import { refPlace, refsFrame } from '../../../src/lib/card/refs';
import type { GeoRef, ZoneFeature } from '../../../src/lib/data/schema';
import { AtlasState } from '../../../src/lib/state/atlas.svelte';
import { loadRealData } from '../geodata';

const { data, issues } = loadRealData();
const street: GeoRef = { kind: 'street', id: 'beixinan-lu' };
const junction: GeoRef = { kind: 'junction', id: 'jn-beixinan-lu-guchengxi-lu' };
const station: GeoRef = { kind: 'station', id: 'station-beixinan' };
const fushi: GeoRef = { kind: 'street', id: 'fushi-lu' };

/** A 400 m square just west of 北辛安路 and 古城西路 (116.1565–116.161, 39.9105–39.9141). */
const square: { type: 'Polygon'; coordinates: [number, number][][] } = { type: 'Polygon', coordinates: [[[116.1565, 39.9105], [116.161, 39.9105], [116.161, 39.9141], [116.1565, 39.9141], [116.1565, 39.9105]]] };
const base = data.zones.find((z) => z.properties.current && z.geometry)!;
const zone: ZoneFeature = {
  ...base,
  geometry: square,
  properties: {
    ...base.properties,
    id: 'test-plot',
    zone: 'test-plot',
    evidence: [{ ...base.properties.evidence[0]!, source: 'interview-2026', phrase: '东至北辛安路', lang: 'zh', supports: { zh: '东至北辛安路', en: "East to Beixin'an Lu" }, refs: [street, junction, station] }],
    provenance: { ...base.properties.provenance, edges: [{ polygon: 0, from: 0, to: 1, side: 'east', follows: { zh: '北辛安路', en: "Beixin'an Lu" }, refs: [street, junction], accuracy_m: 80, basis: 'traced' }] },
  },
};
const withZone = { ...data, zones: [...data.zones, zone] };

describe('references of "Why here"', () => {
  it('names streets, junctions and stations as the data does, and marks a reference the data lacks', () => {
    expect(refPlace(data, street)).toMatchObject({ known: true, name: { zh: '北辛安路', en: "Beixin'an Lu" } });
    expect(refPlace(data, junction).name.zh).toBe('北辛安路与古城西路交口');
    expect(refPlace(data, station).name.zh).toBe('北辛安');
    expect(refPlace(data, { kind: 'junction', id: 'jn-nowhere' })).toMatchObject({ known: false, name: { zh: 'jn-nowhere' } });
  });

  it("gives the card each evidence's and each edge's places", () => {
    const card = cardFor(withZone, [...data.zones, zone], { type: 'zone', id: 'test-plot' })!;
    expect(card.evidence[0]!.places.map((p) => p.name.zh)).toEqual(['北辛安路', '北辛安路与古城西路交口', '北辛安']);
    expect(card.edges).toHaveLength(1);
    expect(card.edges[0]!.places.map((p) => p.ref.id)).toEqual(['beixinan-lu', 'jn-beixinan-lu-guchengxi-lu']);
    expect(card.geometry).toEqual(square);
  });

  it('frames a junction and a station together with the outline', () => {
    const [w, s, e, n] = refsFrame(data, [junction, station], square)!;
    for (const [x, y] of [...square.coordinates[0]!, ...data.junctions.filter((j) => j.properties.id === junction.id).map((j) => j.geometry.coordinates)]) {
      expect(x).toBeGreaterThanOrEqual(w);
      expect(x).toBeLessThanOrEqual(e);
      expect(y).toBeGreaterThanOrEqual(s);
      expect(y).toBeLessThanOrEqual(n);
    }
  });

  it('frames the stretch of a long street beside the outline, not the whole street', () => {
    const whole = refsFrame(data, [fushi], null)!;
    const near = refsFrame(data, [fushi], square)!;
    // 阜石路 crosses the district (≈ 0.1° east–west); beside a plot it frames a few pieces.
    expect(whole[2] - whole[0]).toBeGreaterThan(0.08);
    expect(near[2] - near[0]).toBeLessThan(whole[2] - whole[0]);
    expect(near[0]).toBeLessThanOrEqual(square.coordinates[0]![0]![0]!);
  });
});

describe('highlighted references in the state', () => {
  const atlas = () => {
    const a = new AtlasState({ lang: 'en', data: withZone, issues });
    a.select({ type: 'zone', id: 'test-plot' });
    return a;
  };

  it('highlights what the pointer or focus is on, over what was clicked', () => {
    const a = atlas();
    a.toggleRefs([street], [116.15, 39.9, 116.17, 39.92]);
    flushSync();
    expect(a.highlightedRefs).toEqual([street]);
    a.hoverRefs([junction]);
    expect(a.highlightedRefs).toEqual([junction]);
    a.hoverRefs(null);
    expect(a.highlightedRefs).toEqual([street]);
  });

  it('frames on a click and lets go on a second click', () => {
    const a = atlas();
    const before = a.frameRequest;
    a.toggleRefs([street, junction], [116.15, 39.9, 116.17, 39.92]);
    expect(a.frameRequest).toBe(before + 1);
    expect(a.frameBox).toEqual([116.15, 39.9, 116.17, 39.92]);
    expect(a.refsArePinned([junction, street])).toBe(true);
    a.toggleRefs([junction, street], null);
    expect(a.refsArePinned([street, junction])).toBe(false);
    expect(a.highlightedRefs).toEqual([]);
  });

  it('forgets them when another place is selected, however it is selected', () => {
    const a = atlas();
    a.toggleRefs([street], null);
    a.hoverRefs([junction]);
    a.select({ type: 'zone', id: base.properties.zone });
    expect(a.highlightedRefs).toEqual([]);
    a.select({ type: 'zone', id: 'test-plot' });
    expect(a.highlightedRefs).toEqual([]);
    // A selection from the URL or a reset (not through select()) shows nothing stale either.
    a.toggleRefs([street], null);
    a.selection = { type: 'zone', id: base.properties.zone };
    expect(a.highlightedRefs).toEqual([]);
  });
});
