/**
 * The Atlas style as pure functions of data and options (unit-tested without WebGL). The embedded
 * basemap is built from `geodata/` (districts, river, the street skeleton, schematic roads); the overlay (district outline, zones,
 * metro, points, labels) is the same whether the basemap is embedded or an external style.
 * Every layer is placed through the z-order registry.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
  FontFacesSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { MapSources } from './features';
import { LAYER_ORDER, isOverlayLayer, layerIndex, type LayerId } from './zorder';
import type { Lang } from '../i18n';
import type { LayerGroup } from '../url/codec';
import { PROPOSALS_MAXZOOM, PROPOSALS_SCHEME, PROPOSALS_SOURCE_LAYER } from './tileset';

/** Which layer-panel group toggles each layer (basemap layers not listed are always on). */
export const LAYER_GROUP_OF: Partial<Record<LayerId, LayerGroup>> = {
  'zones-fill': 'zones',
  'zones-hatch': 'zones',
  'zones-outline': 'zones',
  'zones-outline-dashed': 'zones',
  'zones-envelope': 'zones',
  'zones-selected': 'zones',
  'zones-hover': 'zones',
  'proposals-fill': 'zones',
  'proposals-hatch': 'zones',
  'proposals-outline': 'zones',
  'proposals-outline-dashed': 'zones',
  'proposals-envelope': 'zones',
  'proposals-selected': 'zones',
  'proposals-hover': 'zones',
  'points-hover': 'points',
  'metro-station-hover': 'transport',
  'zones-label': 'zones',
  'points-circle': 'points',
  'points-estimate-ring': 'points',
  'points-selected': 'points',
  'points-label': 'points',
  'metro-line': 'transport',
  'metro-station': 'transport',
  'metro-station-selected': 'transport',
  'metro-station-label': 'transport',
  'road-casing': 'transport',
  'road-line': 'transport',
  'road-label': 'transport',
  'streets-minor-casing': 'transport',
  'streets-minor': 'transport',
  'streets-casing': 'transport',
  'streets-line': 'transport',
  'streets-label': 'transport',
  'district-outline': 'boundaries',
  'district-label': 'boundaries',
  'neighbours-label': 'boundaries',
};

export const LABEL_FONT_STACK = ['Noto Sans SC Regular'];

/** Zone colours by kind: the legend reads these, so map and legend cannot drift apart. */
export const ZONE_KIND_COLORS = {
  'national-hitech-park': '#1d4ed8',
  'featured-park': '#d97706',
  'ai-block': '#7c3aed',
  'pilot-zone': '#db2777',
  park: '#047857',
  'talent-community': '#0e7490',
  'municipal-hitech-zone': '#b91c1c',
} as const;

export const POINT_KIND_COLORS = {
  institute: '#1e3a8a',
  centre: '#9d174d',
  platform: '#92400e',
  base: '#065f46',
  company: '#374151',
  town: '#5b21b6',
  landmark: '#4b5563',
} as const;

export const METRO_LINE_COLORS: Record<string, string> = {
  '1': '#c23a30',
  '6': '#d29700',
  '11': '#ed796b',
  S1: '#a45a2a',
};

export const SOURCE_IDS = ['districts', 'context', 'streets', 'junctions', 'zones', 'proposals', 'labels', 'points', 'audit', 'preview', 'compare'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/** Map-style ids prefixed so they never clash with an external basemap's. */
export const sourceId = (s: SourceId) => `atlas-${s}`;
export const layerId = (l: LayerId) => `atlas-${l}`;

/** Left (a) and right (b) of the compare view; also the swatches of its table. */
export const COMPARE_COLORS = { a: '#1d4ed8', b: '#c2410c' } as const;

/** Image id of the hatch pattern the adapter registers (drawn for schematic/estimated geometry). */
export const HATCH_IMAGE = 'atlas-hatch';
/** Cross-hatch for overlaps found by the audit. */
export const CROSSHATCH_IMAGE = 'atlas-crosshatch';

const nameExpr: ExpressionSpecification = [
  'coalesce',
  ['get', ['concat', 'name_', ['global-state', 'lang']]],
  ['get', 'name_zh'],
];

const kindColor = (table: Record<string, string>, fallback: string): ExpressionSpecification => [
  'match',
  ['get', 'kind'],
  ...Object.entries(table).flat(),
  fallback,
] as unknown as ExpressionSpecification;

/** Geometry drawn as a sketch: dashed outline and hatch. */
const isSketch: ExpressionSpecification = ['in', ['get', 'method'], ['literal', ['schematic', 'estimated']]];

/** Points drawn: those passing the filters. */
export function pointLayerFilters(ids: readonly string[]): Partial<Record<LayerId, FilterSpecification>> {
  const shown: ExpressionSpecification = ['in', ['get', 'id'], ['literal', [...ids]]];
  return {
    'points-circle': shown,
    'points-estimate-ring': ['all', shown, ['==', ['get', 'location'], 'estimated']],
    'points-label': shown,
  };
}

/** Highlight of the selected zone version, point or station ('' = none). */
export function selectionFilters(sel: { zone?: string; point?: string; station?: string }): Partial<Record<LayerId, FilterSpecification>> {
  return {
    'zones-selected': ['==', ['get', 'id'], sel.zone ?? ''],
    'proposals-selected': ['==', ['get', 'id'], sel.zone ?? ''],
    'points-selected': ['==', ['get', 'id'], sel.point ?? ''],
    'metro-station-selected': ['all', ['==', ['get', 'layer'], 'metro-station'], ['==', ['get', 'id'], sel.station ?? '']],
  };
}

/** Highlight of the feature under the pointer ('' = none). */
export function hoverFilters(h: { zone?: string; point?: string; station?: string }): Partial<Record<LayerId, FilterSpecification>> {
  return {
    'zones-hover': ['==', ['get', 'id'], h.zone ?? ''],
    'proposals-hover': ['==', ['get', 'id'], h.zone ?? ''],
    'points-hover': ['==', ['get', 'id'], h.point ?? ''],
    'metro-station-hover': ['all', ['==', ['get', 'layer'], 'metro-station'], ['==', ['get', 'id'], h.station ?? '']],
  };
}

/**
 * Streets, junctions and stations to highlight (what a card's "Why here" points at, issue #16): street
 * keys (`street` of streets.geojson), junction ids, station ids.
 */
export interface RefHighlight {
  street: readonly string[];
  junction: readonly string[];
  station: readonly string[];
}
export const NO_REFS: RefHighlight = { street: [], junction: [], station: [] };

/** References (as data and the card name them) grouped by kind for the highlight filters. */
export function refHighlight(refs: readonly { kind: keyof RefHighlight; id: string }[]): RefHighlight {
  const of = (k: keyof RefHighlight) => refs.filter((r) => r.kind === k).map((r) => r.id);
  return { street: of('street'), junction: of('junction'), station: of('station') };
}

/** Zoom from which each street class is drawn (minor) and labelled (all). */
export const STREET_LABEL_MINZOOM = { major: 12, secondary: 13, minor: 14 } as const;
export const MINOR_STREETS_MINZOOM = 14;

/** Street colours by class, line and casing (the legend reads them too). */
export const STREET_COLORS = {
  major: { line: '#fde8a6', casing: '#b59d66' },
  secondary: { line: '#ffffff', casing: '#c5b792' },
  minor: { line: '#ffffff', casing: '#d2c7ae' },
} as const;
/**
 * Street widths (px) at zooms 10–16, [major, secondary, minor]: main roads widest; every casing
 * wider than its line. Minor streets are drawn from z14 only (MINOR_STREETS_MINZOOM).
 */
const STREET_WIDTHS: Record<'casing' | 'line', Record<number, [number, number, number]>> = {
  casing: { 10: [2, 1, 0], 12: [3.6, 2.2, 0], 14: [8, 6, 3], 16: [15, 11.5, 7.5] },
  line: { 10: [1, 0.4, 0], 12: [2, 1.1, 0], 14: [6, 4, 1.6], 16: [12, 9, 5.5] },
};
/** The schematic roads' dashed line. */
export const SCHEMATIC_ROAD_COLOR = '#a8925a';

/** Highlight colour of what "Why here" points at (the legend reads it too). */
export const REF_COLOR = '#f59e0b';

/** Features whose `key` is one of `ids` (`match` needs a label: none matches nothing). */
const among = (ids: readonly string[], key = 'id'): ExpressionSpecification =>
  ids.length === 0 ? ['boolean', false] : (['match', ['get', key], [...new Set(ids)], true, false] as unknown as ExpressionSpecification);

/** Filters of the highlight layers: exactly the streets, junctions and stations named. */
export function refFilters(h: RefHighlight): Partial<Record<LayerId, FilterSpecification>> {
  return {
    'refs-street': among(h.street, 'street'),
    'refs-street-label': ['all', ['has', 'name_zh'], among(h.street, 'street')],
    'refs-junction': among(h.junction),
    'refs-junction-label': among(h.junction),
    'refs-station': ['all', ['==', ['get', 'layer'], 'metro-station'], among(h.station)],
  };
}

/** Zones drawn: one version per zone, chosen by the user (the current one by default). */
// `match` compiles its labels into a lookup table, `in` over a literal array scans the array for every
// feature: with 12,000 proposals that is 144 million comparisons per tile. `match` needs at least
// one label, hence the `false` for an empty list.
// Proposals that all pass the filters are drawn by their `proposal` flag rather than listed.
const shownZone = (ids: readonly string[], allProposals = false): ExpressionSpecification => {
  const listed: ExpressionSpecification = ids.length === 0 ? ['boolean', false] : (['match', ['get', 'id'], [...new Set(ids)], true, false] as unknown as ExpressionSpecification);
  return allProposals ? ['any', ['==', ['get', 'proposal'], true], listed] : listed;
};

/**
 * With many proposals open (a cadastral file), their outlines are drawn from this zoom on; below it
 * their fills alone show them. At the zoom that frames a district-wide file, 12,000 parcels are a
 * few pixels each, and their line geometry is most of what the GPU is sent: uploading it took
 * ~0.5 s of main-thread time per frame in SwiftShader (npm run bench, import section).
 */
export const BULK_OUTLINE_MINZOOM = 14;

/**
 * Filters of the zone layers for a set of visible zone-version ids (also used to update the map).
 * `bulk`: many proposals are open (see BULK_OUTLINE_MINZOOM).
 */
export function zoneLayerFilters(ids: readonly string[], allProposals = false, bulk = false): Partial<Record<LayerId, FilterSpecification>> {
  const shown = shownZone(ids, allProposals);
  const envelope: ExpressionSpecification = ['==', ['get', 'extent'], 'envelope'];
  // Zoom in a filter is evaluated per tile, at the tile's (integer) zoom.
  const outlined: ExpressionSpecification = bulk ? ['any', ['!=', ['get', 'proposal'], true], ['>=', ['zoom'], BULK_OUTLINE_MINZOOM]] : ['boolean', true];
  const zones: Partial<Record<LayerId, FilterSpecification>> = {
    'zones-fill': ['all', shown, ['!', envelope]],
    'zones-hatch': ['all', shown, isSketch, outlined],
    'zones-outline': ['all', shown, ['!', isSketch], ['!', envelope], outlined],
    'zones-outline-dashed': ['all', shown, isSketch, ['!', envelope], outlined],
    'zones-envelope': ['all', shown, envelope],
    'zones-label': ['all', ['==', ['get', 'role'], 'zone'], shown, ['!=', ['get', 'kind'], 'national-hitech-park']],
  };
  for (const [z, p] of Object.entries(PROPOSAL_LAYER_OF)) if (zones[z as LayerId]) zones[p] = zones[z as LayerId];
  return zones;
}

/**
 * The layers that draw the planner's proposals, from their own vector source (tiles cut in a worker,
 * see tileset.ts), each the twin of a zone layer: same paint, same filters, drawn just above it.
 */
export const PROPOSAL_LAYER_OF = {
  'zones-fill': 'proposals-fill',
  'zones-hatch': 'proposals-hatch',
  'zones-outline': 'proposals-outline',
  'zones-outline-dashed': 'proposals-outline-dashed',
  'zones-envelope': 'proposals-envelope',
  'zones-hover': 'proposals-hover',
  'zones-selected': 'proposals-selected',
} as const satisfies Partial<Record<LayerId, LayerId>>;
export const PROPOSAL_LAYERS: readonly LayerId[] = Object.values(PROPOSAL_LAYER_OF);

const text = (size: number) => ({
  'text-field': nameExpr,
  'text-font': LABEL_FONT_STACK,
  'text-size': size,
});

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type LayerSpecs = { [K in LayerId]: WithoutId<LayerSpecification> };
type OwnSpecs = Omit<LayerSpecs, (typeof PROPOSAL_LAYER_OF)[keyof typeof PROPOSAL_LAYER_OF]>;

/** A value per street class, interpolated over zoom: `stops` maps zoom → [major, secondary, minor]. */
const byClass = (stops: Record<number, [number, number, number]>): ExpressionSpecification =>
  [
    'interpolate',
    ['linear'],
    ['zoom'],
    ...Object.entries(stops).flatMap(([z, [major, secondary, minor]]) => [Number(z), ['match', ['get', 'class'], 'major', major, 'secondary', secondary, minor]]),
  ] as unknown as ExpressionSpecification;

function layerSpecs(visibleZones: readonly string[], visiblePoints: readonly string[]): LayerSpecs {
  const own = ownLayerSpecs(visibleZones, visiblePoints);
  const twins = Object.fromEntries(
    Object.entries(PROPOSAL_LAYER_OF).map(([z, p]) => [p, { ...own[z as keyof typeof PROPOSAL_LAYER_OF], source: sourceId('proposals'), 'source-layer': PROPOSALS_SOURCE_LAYER }]),
  );
  return { ...own, ...twins } as LayerSpecs;
}

function ownLayerSpecs(visibleZones: readonly string[], visiblePoints: readonly string[]): OwnSpecs {
  const zf = zoneLayerFilters(visibleZones);
  const pf = pointLayerFilters(visiblePoints);
  const sf = selectionFilters({});
  const rf = refFilters(NO_REFS);
  const st = sourceId('streets');
  /** One part (casing or line) of some street classes: colour and width by class. */
  const streetLayer = (part: 'casing' | 'line', classes: (keyof typeof STREET_COLORS)[], minzoom = 0): WithoutId<LayerSpecification> => ({
    type: 'line', source: st, minzoom,
    filter: ['match', ['get', 'class'], classes, true, false] as unknown as FilterSpecification,
    paint: {
      'line-color': ['match', ['get', 'class'], 'major', STREET_COLORS.major[part], 'secondary', STREET_COLORS.secondary[part], STREET_COLORS.minor[part]],
      'line-width': byClass(STREET_WIDTHS[part]),
    },
    layout: { 'line-cap': 'round', 'line-join': 'round' },
  });
  const d = sourceId('districts');
  const c = sourceId('context');
  const z = sourceId('zones');
  const p = sourceId('points');
  const lb = sourceId('labels');
  const ctxLayer = (l: string): FilterSpecification => ['==', ['get', 'layer'], l];
  return {
    background: { type: 'background', paint: { 'background-color': '#eef1f4' } },
    'neighbours-fill': {
      type: 'fill', source: d, filter: ['!', ['get', 'focus']],
      paint: { 'fill-color': '#e2e6eb', 'fill-outline-color': '#b8c0ca' },
    },
    'district-fill': {
      type: 'fill', source: d, filter: ['get', 'focus'],
      paint: { 'fill-color': '#fbfaf5' },
    },
    'river-line': {
      type: 'line', source: c, filter: ctxLayer('river'),
      paint: { 'line-color': '#7fb3d5', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 3, 15, 14] },
      layout: { 'line-cap': 'round', 'line-join': 'round' },
    },
    // Street skeleton (OSM c. 2013 and newer streets through named junctions, ±60 m): white and
    // pale yellow lines with a tan casing, as basemaps draw streets; widths by class and zoom.
    'streets-minor-casing': streetLayer('casing', ['minor'], MINOR_STREETS_MINZOOM),
    'streets-minor': streetLayer('line', ['minor'], MINOR_STREETS_MINZOOM),
    'streets-casing': streetLayer('casing', ['major', 'secondary']),
    'streets-line': streetLayer('line', ['major', 'secondary']),
    // Schematic context roads (no surveyed street there, e.g. Chang'an Avenue west of 群明湖大街):
    // dashed, so they are not taken for the streets.
    'road-casing': {
      type: 'line', source: c, filter: ctxLayer('road'),
      paint: { 'line-color': '#eadfc0', 'line-opacity': 0.6, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 3, 15, 10] },
      layout: { 'line-cap': 'round', 'line-join': 'round' },
    },
    'road-line': {
      type: 'line', source: c, filter: ctxLayer('road'),
      paint: { 'line-color': SCHEMATIC_ROAD_COLOR, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.2, 15, 3], 'line-dasharray': [2, 1.5] },
    },
    'neighbours-label': {
      type: 'symbol', source: lb, filter: ['==', ['get', 'role'], 'neighbour'],
      layout: { ...text(14) },
      paint: { 'text-color': '#6b7280', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    // Street names along the lines, in the UI's language; an unnamed piece has no label.
    'streets-label': {
      type: 'symbol', source: st, minzoom: STREET_LABEL_MINZOOM.major,
      filter: ['all', ['has', 'name_zh'], ['>=', ['zoom'], ['match', ['get', 'class'], 'major', STREET_LABEL_MINZOOM.major, 'secondary', STREET_LABEL_MINZOOM.secondary, STREET_LABEL_MINZOOM.minor]]],
      layout: {
        ...text(11),
        'text-size': byClass({ 12: [11, 10, 10], 16: [14, 13, 12] }),
        'symbol-placement': 'line',
        'symbol-spacing': 350,
        'text-max-angle': 35,
        'text-padding': 2,
      },
      paint: { 'text-color': ['match', ['get', 'class'], 'major', '#4a3f25', '#5b5445'], 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    },
    'road-label': {
      type: 'symbol', source: c, filter: ctxLayer('road'), minzoom: 11.5,
      layout: { ...text(11), 'symbol-placement': 'line', 'symbol-spacing': 400 },
      paint: { 'text-color': '#8a7a55', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    'river-label': {
      type: 'symbol', source: c, filter: ctxLayer('river'),
      layout: { ...text(12), 'symbol-placement': 'line', 'symbol-spacing': 500 },
      paint: { 'text-color': '#2f6f9f', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    'district-outline': {
      type: 'line', source: d, filter: ['get', 'focus'],
      paint: { 'line-color': '#334155', 'line-width': 2.5, 'line-opacity': 0.8 },
    },
    // Zones are tinted and sketched outlines hatched; from z13 to z15.5 both fade to about half, so
    // the streets and their names stay readable inside a zone where an investor looks at a site
    // (Shougang's zones overlap three deep).
    'zones-fill': {
      type: 'fill', source: z, filter: zf['zones-fill'],
      paint: {
        'fill-color': kindColor(ZONE_KIND_COLORS, '#64748b'),
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 13, ['match', ['get', 'kind'], 'national-hitech-park', 0.1, 0.22], 15.5, ['match', ['get', 'kind'], 'national-hitech-park', 0.05, 0.1]],
      },
    },
    'zones-hatch': {
      type: 'fill', source: z, filter: zf['zones-hatch'],
      paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0.45, 15.5, 0.15] },
    },
    'zones-outline': {
      type: 'line', source: z, filter: zf['zones-outline'],
      paint: { 'line-color': kindColor(ZONE_KIND_COLORS, '#64748b'), 'line-width': 2 },
    },
    'zones-outline-dashed': {
      type: 'line', source: z, filter: zf['zones-outline-dashed'],
      paint: { 'line-color': kindColor(ZONE_KIND_COLORS, '#64748b'), 'line-width': 2, 'line-dasharray': [3, 2] },
    },
    'zones-envelope': {
      type: 'line', source: z, filter: zf['zones-envelope'],
      paint: { 'line-color': kindColor(ZONE_KIND_COLORS, '#64748b'), 'line-width': 2.5, 'line-dasharray': [0.2, 2] },
      layout: { 'line-cap': 'round' },
    },
    'audit-removed': {
      type: 'fill', source: sourceId('audit'), filter: ['==', ['get', 'role'], 'removed'],
      paint: { 'fill-color': '#dc2626', 'fill-opacity': 0.45 },
    },
    'audit-added': {
      type: 'fill', source: sourceId('audit'), filter: ['==', ['get', 'role'], 'added'],
      paint: { 'fill-color': '#16a34a', 'fill-opacity': 0.45 },
    },
    'audit-overlap-hatch': {
      type: 'fill', source: sourceId('audit'), filter: ['==', ['get', 'role'], 'overlap'],
      paint: { 'fill-pattern': CROSSHATCH_IMAGE, 'fill-opacity': 0.9 },
    },
    'audit-overlap-line': {
      type: 'line', source: sourceId('audit'), filter: ['==', ['get', 'role'], 'overlap'],
      paint: { 'line-color': '#7f1d1d', 'line-width': 1.5 },
    },
    'zones-hover': {
      type: 'line', source: z, filter: hoverFilters({})['zones-hover'],
      paint: { 'line-color': '#111827', 'line-width': 3, 'line-opacity': 0.55 },
    },
    'points-hover': {
      type: 'circle', source: p, filter: hoverFilters({})['points-hover'],
      paint: { 'circle-radius': 11, 'circle-color': 'rgba(17,24,39,0.12)', 'circle-stroke-color': '#111827', 'circle-stroke-width': 2, 'circle-stroke-opacity': 0.6 },
    },
    'metro-station-hover': {
      type: 'circle', source: c, filter: hoverFilters({})['metro-station-hover'],
      paint: { 'circle-radius': 10, 'circle-color': 'rgba(17,24,39,0.12)', 'circle-stroke-color': '#111827', 'circle-stroke-width': 2, 'circle-stroke-opacity': 0.6 },
    },
    // A file that may be in GCJ-02/BD-09: both readings until the planner decides (ImportCheck).
    'preview-as-is': {
      type: 'line', source: sourceId('preview'), filter: ['==', ['get', 'reading'], 'as-is'],
      paint: { 'line-color': '#b91c1c', 'line-width': 2, 'line-dasharray': [2, 1.5] },
    },
    'preview-converted': {
      type: 'line', source: sourceId('preview'), filter: ['==', ['get', 'reading'], 'converted'],
      paint: { 'line-color': '#15803d', 'line-width': 2.5 },
    },
    'compare-fill': {
      type: 'fill', source: sourceId('compare'), filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': ['match', ['get', 'side'], 'a', COMPARE_COLORS.a, COMPARE_COLORS.b], 'fill-opacity': 0.3 },
    },
    'compare-line': {
      type: 'line', source: sourceId('compare'), filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': ['match', ['get', 'side'], 'a', COMPARE_COLORS.a, COMPARE_COLORS.b], 'line-width': 2.5 },
    },
    'zones-selected': {
      type: 'line', source: z, filter: sf['zones-selected'],
      paint: { 'line-color': '#111827', 'line-width': 4 },
    },
    'refs-street': {
      type: 'line', source: st, filter: rf['refs-street'],
      paint: { 'line-color': REF_COLOR, 'line-opacity': 0.75, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 6, 14, 12, 16, 18] },
      layout: { 'line-cap': 'round', 'line-join': 'round' },
    },
    'metro-line': {
      type: 'line', source: c, filter: ctxLayer('metro-line'),
      paint: {
        'line-color': ['match', ['get', 'lines'], ...Object.entries(METRO_LINE_COLORS).flat(), '#888888'] as unknown as ExpressionSpecification,
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2, 15, 5],
      },
      layout: { 'line-cap': 'round', 'line-join': 'round' },
    },
    'metro-station': {
      type: 'circle', source: c, filter: ctxLayer('metro-station'),
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 3, 15, 7], 'circle-color': '#ffffff', 'circle-stroke-color': '#1f2937', 'circle-stroke-width': 1.5 },
    },
    'points-circle': {
      type: 'circle', source: p, filter: pf['points-circle'],
      paint: {
        'circle-radius': 6,
        'circle-color': kindColor(POINT_KIND_COLORS, '#4b5563'),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    'points-estimate-ring': {
      type: 'circle', source: p, filter: pf['points-estimate-ring'],
      paint: {
        'circle-radius': 11,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': kindColor(POINT_KIND_COLORS, '#4b5563'),
        'circle-stroke-width': 1.5,
        'circle-stroke-opacity': 0.7,
      },
    },
    'points-selected': {
      type: 'circle', source: p, filter: sf['points-selected'],
      paint: { 'circle-radius': 14, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#111827', 'circle-stroke-width': 3 },
    },
    'metro-station-selected': {
      type: 'circle', source: c, filter: sf['metro-station-selected'],
      paint: { 'circle-radius': 12, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#111827', 'circle-stroke-width': 3 },
    },
    'refs-station': {
      type: 'circle', source: c, filter: rf['refs-station'],
      paint: { 'circle-radius': 16, 'circle-color': 'rgba(245,158,11,0.3)', 'circle-stroke-color': '#b45309', 'circle-stroke-width': 3 },
    },
    // Junctions are drawn only while pointed at (their filter matches nothing otherwise).
    'refs-junction': {
      type: 'circle', source: sourceId('junctions'), filter: rf['refs-junction'],
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 6, 16, 10], 'circle-color': REF_COLOR, 'circle-stroke-color': '#7c2d12', 'circle-stroke-width': 2 },
    },
    'metro-station-label': {
      type: 'symbol', source: c, filter: ctxLayer('metro-station'), minzoom: 11.5,
      layout: { ...text(11), 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-optional': true },
      paint: { 'text-color': '#1f2937', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    'points-label': {
      type: 'symbol', source: p, filter: pf['points-label'], minzoom: 12,
      layout: { ...text(11), 'text-offset': [0, 1.2], 'text-anchor': 'top', 'text-optional': true, 'text-max-width': 8 },
      paint: { 'text-color': '#111827', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    'zones-label': {
      type: 'symbol', source: lb, filter: zf['zones-label'],
      layout: { ...text(12), 'text-max-width': 9 },
      paint: { 'text-color': kindColor(ZONE_KIND_COLORS, '#334155'), 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
    'district-label': {
      type: 'symbol', source: lb, filter: ['==', ['get', 'role'], 'district'], maxzoom: 12.5,
      layout: { ...text(18), 'text-letter-spacing': 0.1 },
      paint: { 'text-color': '#1e293b', 'text-halo-color': '#ffffff', 'text-halo-width': 2, 'text-opacity': 0.85 },
    },
    'refs-street-label': {
      type: 'symbol', source: st, filter: rf['refs-street-label'],
      layout: { ...text(13), 'symbol-placement': 'line', 'symbol-spacing': 250, 'text-max-angle': 35 },
      paint: { 'text-color': '#7c2d12', 'text-halo-color': '#fff7ed', 'text-halo-width': 2.5 },
    },
    'refs-junction-label': {
      type: 'symbol', source: sourceId('junctions'), filter: rf['refs-junction-label'],
      layout: { ...text(12), 'text-anchor': 'top', 'text-offset': [0, 0.9], 'text-max-width': 10 },
      paint: { 'text-color': '#7c2d12', 'text-halo-color': '#fff7ed', 'text-halo-width': 2.5 },
    },
  };
}

export interface StyleOptions {
  sources: MapSources;
  lang: Lang;
  /** Zone-version ids to draw (one per zone). */
  visibleZones: readonly string[];
  /** Point ids to draw. */
  visiblePoints: readonly string[];
  /** Layer groups shown (all when omitted). */
  layerGroups?: readonly LayerGroup[];
  /** The proposal layers are shown (the tile worker holds proposals). */
  proposals?: boolean;
  fontFaces?: FontFacesSpecification;
}

/** GeoJSON sources of the Atlas (data snapshots; `promoteId` gives stable feature ids). */
export function atlasSources(sources: MapSources): Record<string, SourceSpecification> {
  const attribution = '© OpenStreetMap contributors, geoBoundaries';
  return {
    [sourceId('districts')]: { type: 'geojson', data: sources.districts, promoteId: 'id', attribution },
    [sourceId('context')]: { type: 'geojson', data: sources.context, promoteId: 'id', attribution },
    [sourceId('streets')]: { type: 'geojson', data: sources.streets, attribution },
    [sourceId('junctions')]: { type: 'geojson', data: sources.junctions, promoteId: 'id' },
    // Simplified by up to 1 px per zoom (MapLibre's default is 0.375): invisible on km-scale zones,
    // a third fewer vertices for a cadastral file's parcels at the zooms that show thousands.
    [sourceId('zones')]: { type: 'geojson', data: sources.zones, promoteId: 'id', tolerance: 1 },
    // The planner's proposals: vector tiles cut in a worker (tileset.ts), through the adapter's protocol.
    [sourceId('proposals')]: { type: 'vector', tiles: [`${PROPOSALS_SCHEME}://{z}/{x}/{y}`], maxzoom: PROPOSALS_MAXZOOM },
    [sourceId('labels')]: { type: 'geojson', data: sources.labels },
    [sourceId('points')]: { type: 'geojson', data: sources.points, promoteId: 'id' },
    // Filled by the audit panel: overlaps and expansion deltas (empty until the audit has run).
    [sourceId('audit')]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    // Filled while an import waits for the planner's answer (both readings of a file).
    [sourceId('preview')]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    // Filled by the compare view: each side's geometry clipped to its side of the divider.
    [sourceId('compare')]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
  };
}

/** All layers in z-order; `overlayOnly` keeps the ones drawn over an external basemap. */
export function atlasLayers(
  opts: Pick<StyleOptions, 'visibleZones' | 'visiblePoints' | 'layerGroups' | 'proposals'>,
  overlayOnly = false,
): LayerSpecification[] {
  const specs = layerSpecs(opts.visibleZones, opts.visiblePoints);
  return LAYER_ORDER.filter((id) => !overlayOnly || isOverlayLayer(id))
    .sort((a, b) => layerIndex(a) - layerIndex(b))
    .map((id) => {
      const group = LAYER_GROUP_OF[id];
      // Proposal layers stay hidden until there are proposals: a hidden layer's tiles are never asked for.
      const hidden = (group !== undefined && opts.layerGroups !== undefined && !opts.layerGroups.includes(group)) || (PROPOSAL_LAYERS.includes(id) && !opts.proposals);
      const spec = { ...specs[id], id: layerId(id) } as LayerSpecification;
      return hidden ? ({ ...spec, layout: { ...(spec.layout ?? {}), visibility: 'none' } } as LayerSpecification) : spec;
    });
}

/** The complete embedded style: no remote glyphs, sprites or tiles. */
export function buildEmbeddedStyle(opts: StyleOptions): StyleSpecification {
  return {
    version: 8,
    name: 'Shijingshan Innovation Atlas',
    state: { lang: { default: opts.lang } },
    ...(opts.fontFaces ? { 'font-faces': opts.fontFaces } : {}),
    sources: atlasSources(opts.sources),
    layers: atlasLayers(opts, false),
  };
}
