import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { atlasLayers, buildEmbeddedStyle, PROPOSAL_LAYER_OF, ZONE_KIND_COLORS } from '../../../src/lib/map/style';
import { PROPOSALS_SCHEME } from '../../../src/lib/map/tileset';
import { LAYER_ORDER, layerIndex } from '../../../src/lib/map/zorder';
import { toMapSources } from '../../../src/lib/map/features';
import { ZoneKind } from '../../../src/lib/data/schema';
import { loadRealData } from '../geodata';

const { data } = loadRealData();
const current = data.zones.filter((z) => z.properties.current).map((z) => z.properties.id);
const points = data.points.filter((p) => p.geometry).map((p) => p.properties.id);
const opts = { sources: toMapSources(data), lang: 'zh' as const, visibleZones: current, visiblePoints: points };
const style = buildEmbeddedStyle(opts);

describe('embedded style builder', () => {
  it('is valid MapLibre style JSON', () => {
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
  });

  it('has unique layer ids, all registered in the one z-order list, in that order', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    const order = ids.map((id) => layerIndex(id.replace(/^atlas-/, '')));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(ids.length).toBe(LAYER_ORDER.length);
  });

  it('references only sources that exist', () => {
    for (const l of style.layers) if ('source' in l) expect(Object.keys(style.sources)).toContain(l.source);
  });

  it('loads no remote glyphs, sprites or tiles', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const s of Object.values(style.sources)) {
      if (s.type === 'vector') {
        // The proposals' tiles come from the Atlas's own tile worker through a custom protocol.
        expect(s.tiles?.every((t) => t.startsWith(`${PROPOSALS_SCHEME}://`))).toBe(true);
        continue;
      }
      expect(s.type).toBe('geojson');
      expect(typeof (s as { data: unknown }).data).toBe('object');
    }
  });

  it('draws proposals with twins of the zone layers, hidden until there are proposals', () => {
    const byId = new Map(style.layers.map((l) => [l.id, l]));
    for (const [z, p] of Object.entries(PROPOSAL_LAYER_OF)) {
      const zone = byId.get(`atlas-${z}`)!;
      const twin = byId.get(`atlas-${p}`)!;
      expect({ ...twin, id: zone.id, source: (zone as { source: string }).source, 'source-layer': undefined, layout: zone.layout }).toEqual({ ...zone, 'source-layer': undefined });
      expect(twin.layout?.visibility).toBe('none');
    }
    const shown = buildEmbeddedStyle({ ...opts, sources: toMapSources(data), proposals: true });
    expect(shown.layers.find((l) => l.id === 'atlas-proposals-fill')!.layout?.visibility).toBeUndefined();
  });

  it('is the same for the same input (pure)', () => {
    expect(buildEmbeddedStyle({ ...opts, sources: toMapSources(data) })).toEqual(style);
  });

  it('keeps the overlay a top slice of the z-order, so it stays above any basemap', () => {
    const overlay = atlasLayers(opts, true).map((l) => l.id);
    const all = style.layers.map((l) => l.id);
    expect(overlay.length).toBeGreaterThan(0);
    expect(all.slice(all.length - overlay.length)).toEqual(overlay);
    expect(overlay).toContain('atlas-zones-fill');
    expect(overlay).not.toContain('atlas-background');
  });

  it('hides exactly the layers of a switched-off group', () => {
    const layers = atlasLayers({ ...opts, layerGroups: ['zones', 'points', 'boundaries'] });
    const hidden = layers.filter((l) => (l.layout as { visibility?: string } | undefined)?.visibility === 'none').map((l) => l.id);
    expect(hidden).toContain('atlas-metro-line');
    expect(hidden).toContain('atlas-metro-station');
    expect(hidden.some((id) => id.includes('zones') || id.includes('points'))).toBe(false);
  });

  it('rejects a layer id that is not in the z-order registry', () => {
    expect(() => layerIndex('made-up-layer')).toThrow(/not registered/);
  });

  it('has a legend colour for every zone kind of the schema', () => {
    expect(Object.keys(ZONE_KIND_COLORS).sort()).toEqual([...ZoneKind.options].sort());
  });
});
