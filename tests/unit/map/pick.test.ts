import { describe, expect, it } from 'vitest';
import type { ZoneFeature } from '../../../src/lib/data/schema';
import { pickableZones, pickAt, zonesAt } from '../../../src/lib/map/pick';
import { coverOf, edgeCover, framePadding, maxCover } from '../../../src/lib/map/cover';

/** A square zone centred on (116.2, 39.9) with half-side `h` degrees. */
function square(id: string, h: number, extra: Partial<ZoneFeature['properties']> = {}, dx = 0): ZoneFeature {
  const [x, y] = [116.2 + dx, 39.9];
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [[[x - h, y - h], [x + h, y - h], [x + h, y + h], [x - h, y + h], [x - h, y - h]]] },
    properties: {
      id, zone: id, version: { id: 'v', label: { zh: '现状', en: 'current' } }, current: true, name: { zh: id, en: id }, kind: 'featured-park',
      sectors: [], status: 'operating', valid: { plan: [] }, provenance: { source: 's', method: 'estimated', accuracy_m: 100, date: '2026' },
      claims: [], extent: 'outline', evidence: [], ...extra,
    },
  } as ZoneFeature;
}

const big = square('big', 0.05, { kind: 'national-hitech-park' });
const mid = square('mid', 0.02, { kind: 'park' });
const small = square('small', 0.005);
const envelope = square('env', 0.01, { extent: 'envelope' }, 0.2);
const all = pickableZones([big, mid, small, envelope], ['big', 'mid', 'small', 'env']);
const none = { points: [], stations: [], labels: [] };

describe('map picking', () => {
  it('picks the smallest zone containing the position, then the larger ones', () => {
    expect(pickAt([116.2, 39.9], none, all).map((i) => i.id)).toEqual(['small', 'mid', 'big']);
    expect(pickAt([116.215, 39.9], none, all).map((i) => i.id)).toEqual(['mid', 'big']);
  });

  it('picks envelope zones, which have no fill to click on', () => {
    expect(pickAt([116.4, 39.9], none, all).map((i) => i.id)).toEqual(['env']);
  });

  it('puts points and stations under the pointer first, nearest first', () => {
    const items = pickAt([116.2, 39.9], { points: [{ id: 'p', px: 5 }], stations: [{ id: 's', px: 2 }], labels: [] }, all);
    expect(items.map((i) => `${i.type}:${i.id}`)).toEqual(['station:s', 'point:p', 'zone:small', 'zone:mid', 'zone:big']);
  });

  it('takes the zone of a clicked label before the zones under it, without repeating it', () => {
    expect(pickAt([116.2, 39.9], { points: [], stations: [], labels: ['big'] }, all).map((i) => i.id)).toEqual(['big', 'small', 'mid']);
  });

  it('ignores zones that are not shown', () => {
    const shown = pickableZones([big, mid, small], ['big']);
    expect(zonesAt([116.2, 39.9], shown).map((z) => z.zone)).toEqual(['big']);
  });

  it('prefers a zone’s own outline to an equal plot of a larger, partial zone', () => {
    const plot = square('national', 0.005, { kind: 'national-hitech-park', extent: 'partial' });
    const cluster = square('cluster', 0.005);
    const zs = pickableZones([plot, cluster], ['national', 'cluster']);
    expect(zonesAt([116.2, 39.9], zs).map((z) => z.zone)).toEqual(['cluster', 'national']);
  });
});

describe('framing clear of panels', () => {
  const map = { left: 340, top: 45, right: 1400, bottom: 900 };
  it('a side card covers its side up to its right edge', () => {
    expect(coverOf(map, { left: 350, top: 55, right: 710, bottom: 800 })).toEqual({ top: 0, right: 0, bottom: 0, left: 370 });
  });
  it('a bottom sheet covers the bottom from its top edge', () => {
    expect(coverOf({ left: 0, top: 45, right: 390, bottom: 844 }, { left: 0, top: 444, right: 390, bottom: 844 })).toEqual({ top: 0, right: 0, bottom: 400, left: 0 });
  });
  it('a panel outside the map covers nothing', () => {
    expect(coverOf(map, { left: 0, top: 45, right: 340, bottom: 900 })).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });
  it('kiosk overlays cover the edge they lie along, by their shape (issue #19)', () => {
    const screen = { left: 0, top: 0, right: 1080, bottom: 1920 };
    // Title band across the top, tour bar under it, story cards across the bottom (portrait).
    const band = { left: 0, top: 0, right: 1080, bottom: 200 };
    const bar = { left: 24, top: 216, right: 1056, bottom: 326 };
    const cards = { left: 24, top: 1100, right: 1056, bottom: 1896 };
    expect(maxCover(...[band, bar, cards].map((r) => edgeCover(screen, r)))).toEqual({ top: 326, right: 0, bottom: 820, left: 0 });
    // Landscape: the tour bar at the bottom left (narrower than 60 % of the width, still the bottom), cards on the right.
    const wide = { left: 0, top: 0, right: 1920, bottom: 1080 };
    expect(edgeCover(wide, { left: 24, top: 946, right: 900, bottom: 1056 })).toEqual({ top: 0, right: 0, bottom: 134, left: 0 });
    expect(edgeCover(wide, { left: 1196, top: 174, right: 1896, bottom: 1056 })).toEqual({ top: 0, right: 724, bottom: 0, left: 0 });
    expect(edgeCover(wide, null)).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });
  it('pads by the cover plus a margin, and never leaves less than a quarter of the map', () => {
    expect(framePadding(1060, 855, { top: 0, right: 0, bottom: 0, left: 370 })).toEqual({ top: 40, right: 40, bottom: 40, left: 410 });
    const p = framePadding(390, 800, { top: 0, right: 0, bottom: 760, left: 0 });
    expect(800 - p.top - p.bottom).toBeGreaterThanOrEqual(200);
  });
});
