import { describe, expect, it } from 'vitest';
import { createExpression, featureFilter, validateStyleMin, type FilterSpecification, type LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { atlasLayers, buildEmbeddedStyle, refFilters, refHighlight, NO_REFS, PROPOSAL_LAYER_OF, ZONE_KIND_COLORS } from '../../../src/lib/map/style';
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

const layer = (id: string) => style.layers.find((l) => l.id === `atlas-${id}`)! as LayerSpecification & { filter?: FilterSpecification; minzoom?: number; layout?: Record<string, unknown>; paint?: Record<string, unknown>; source?: string };
const indexOf = (id: string) => style.layers.findIndex((l) => l.id === `atlas-${id}`);
type Props = Record<string, string | number | boolean>;
/** Does a layer's filter keep a feature (line geometry unless given) at a zoom? */
const keeps = (filter: FilterSpecification | undefined, properties: Props, zoom = 15, type = 2) => featureFilter(filter, 'filter').filter({ zoom }, { type, properties } as never);
/** A layer's text for a feature, in a language (its `text-field` evaluated as MapLibre does). */
const textOf = (id: string, properties: Props, lang: 'zh' | 'en') => {
  const e = createExpression(layer(id).layout!['text-field'], 'text-field', null, { lang });
  if (e.result !== 'success') throw new Error('text-field does not parse');
  return e.value.evaluate({ zoom: 15 }, { type: 2, properties } as never) as string | null;
};
const streets = opts.sources.streets.features;
const named = streets.find((f) => f.properties.street === 'beixinan-lu')!.properties;
const unnamed = streets.find((f) => !f.properties.street)!.properties;

describe('streets in the embedded basemap (issue #16)', () => {
  it('draws every street layer under every zone layer, minor streets only from z14', () => {
    const lowestZone = Math.min(...style.layers.flatMap((l, i) => (l.id.startsWith('atlas-zones-') ? [i] : [])));
    for (const id of ['streets-minor-casing', 'streets-minor', 'streets-casing', 'streets-line', 'streets-label']) {
      expect(layer(id).source).toBe('atlas-streets');
      expect(indexOf(id)).toBeLessThan(lowestZone);
    }
    expect(layer('streets-minor').minzoom).toBe(14);
    expect(keeps(layer('streets-minor').filter, { class: 'minor' })).toBe(true);
    expect(keeps(layer('streets-line').filter, { class: 'minor' })).toBe(false);
    expect(keeps(layer('streets-line').filter, { class: 'major' })).toBe(true);
    expect(keeps(layer('streets-line').filter, { class: 'secondary' })).toBe(true);
    // Every casing below every fill, so crossings read as one network.
    expect(indexOf('streets-casing')).toBeLessThan(indexOf('streets-line'));
    expect(indexOf('streets-minor')).toBeLessThan(indexOf('streets-casing'));
  });

  it('draws main roads wider than secondary streets', () => {
    const e = createExpression(layer('streets-line').paint!['line-width'], 'line-width');
    if (e.result !== 'success') throw new Error('line-width does not parse');
    for (const zoom of [11, 13, 15, 16]) {
      const w = (c: string) => e.value.evaluate({ zoom }, { type: 2, properties: { class: c } } as never) as number;
      expect(w('major')).toBeGreaterThan(w('secondary'));
    }
  });

  it('names streets along the line in the UI language, and leaves an unnamed piece unlabelled', () => {
    expect(layer('streets-label').layout!['symbol-placement']).toBe('line');
    expect(textOf('streets-label', named, 'zh')).toBe('北辛安路');
    expect(textOf('streets-label', named, 'en')).toBe("Beixin'an Lu");
    expect(keeps(layer('streets-label').filter, unnamed, 16)).toBe(false);
    // Main roads are named from z12, minor streets from z14.
    expect(keeps(layer('streets-label').filter, { ...named, class: 'major' }, 12)).toBe(true);
    expect(keeps(layer('streets-label').filter, { ...named, class: 'minor' }, 13)).toBe(false);
    expect(keeps(layer('streets-label').filter, { ...named, class: 'minor' }, 14)).toBe(true);
  });

  it('ships the map only what it draws of a street: id, class, street key and names', () => {
    for (const f of streets) expect(Object.keys(f.properties).every((k) => ['id', 'class', 'street', 'name_zh', 'name_en'].includes(k))).toBe(true);
    expect(Object.keys(unnamed).sort()).toEqual(['class', 'id']);
    expect((style.sources['atlas-streets'] as { attribution?: string }).attribution).toContain('© OpenStreetMap contributors');
  });

  it('draws the remaining schematic roads dashed, the streets solid', () => {
    expect(layer('road-line').paint!['line-dasharray']).toBeDefined();
    for (const id of ['streets-line', 'streets-casing', 'streets-minor']) expect(layer(id).paint!['line-dasharray']).toBeUndefined();
  });
});

describe('what a card\'s "Why here" points at (issue #16)', () => {
  const refs = refHighlight([
    { kind: 'street', id: 'beixinan-lu' },
    { kind: 'junction', id: 'jn-jinanqiao' },
    { kind: 'station', id: 'station-beixinan' },
  ]);
  const f = refFilters(refs);

  it('highlights exactly the streets, junctions and stations named', () => {
    expect(refs).toEqual({ street: ['beixinan-lu'], junction: ['jn-jinanqiao'], station: ['station-beixinan'] });
    expect(keeps(f['refs-street'], { street: 'beixinan-lu', class: 'secondary' })).toBe(true);
    expect(keeps(f['refs-street'], { street: 'fushi-lu', class: 'major' })).toBe(false);
    expect(keeps(f['refs-street'], { class: 'minor' })).toBe(false);
    expect(keeps(f['refs-junction'], { id: 'jn-jinanqiao' }, 15, 1)).toBe(true);
    expect(keeps(f['refs-junction'], { id: 'jn-guangning' }, 15, 1)).toBe(false);
    expect(keeps(f['refs-station'], { id: 'station-beixinan', layer: 'metro-station' }, 15, 1)).toBe(true);
    expect(keeps(f['refs-station'], { id: 'station-gucheng', layer: 'metro-station' }, 15, 1)).toBe(false);
  });

  it('draws no junction and highlights nothing until something is pointed at', () => {
    const none = refFilters(NO_REFS);
    for (const j of opts.sources.junctions.features) expect(keeps(layer('refs-junction').filter, j.properties as Props, 15, 1)).toBe(false);
    expect(keeps(none['refs-street'], named)).toBe(false);
    expect(keeps(none['refs-station'], { id: 'station-beixinan', layer: 'metro-station' }, 15, 1)).toBe(false);
  });

  it('draws the highlights over the zones, with their names above every other label', () => {
    expect(indexOf('refs-street')).toBeGreaterThan(indexOf('zones-selected'));
    expect(indexOf('refs-junction')).toBeGreaterThan(indexOf('points-circle'));
    const last = style.layers.slice(-2).map((l) => l.id);
    expect(last.sort()).toEqual(['atlas-refs-junction-label', 'atlas-refs-street-label']);
  });
});
