/**
 * Turns validated Atlas data into flat GeoJSON for MapLibre sources. MapLibre's GeoJSON sources
 * cannot read nested properties reliably, so names, provenance and sectors are flattened here
 * (pure; the map adapter only receives these snapshots).
 */
import type { FeatureCollection, Geometry } from 'geojson';
import polylabel from 'polylabel';
import type { AtlasData } from '../data/load';
import type { AreaGeometry, ZoneFeature } from '../data/schema';

export type FlatProps = Record<string, string | number | boolean>;
export type FlatCollection = FeatureCollection<Geometry, FlatProps>;

export const fc = (features: FlatCollection['features']): FlatCollection => ({ type: 'FeatureCollection', features });

/** Sectors are stored as "|ai|vr|" so a filter can test membership with `in`. */
export const sectorKey = (sectors: readonly string[]) => `|${sectors.join('|')}|`;

export interface MapSources {
  districts: FlatCollection;
  context: FlatCollection;
  /**
   * The street skeleton, lean: per piece only what the map draws and labels (`class`, the `street`
   * key the card's references name, names); provenance stays in the data for the card.
   */
  streets: FlatCollection;
  /** Named junctions (drawn only while a card's "Why here" points at them). */
  junctions: FlatCollection;
  zones: FlatCollection;
  /** One label point per zone version and district, at the pole of inaccessibility (polylabel). */
  labels: FlatCollection;
  points: FlatCollection;
}

/**
 * Label anchor of an area: polylabel of its largest polygon, so concave zones are labelled inside
 * (a centroid can fall outside) and each zone gets exactly one label (no repeats at tile edges).
 */
export function labelPoint(g: AreaGeometry): [number, number] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const size = (p: number[][][]) => {
    const r = p[0]!;
    let s = 0;
    for (let i = 0; i + 1 < r.length; i++) s += r[i]![0]! * r[i + 1]![1]! - r[i + 1]![0]! * r[i]![1]!;
    return Math.abs(s);
  };
  const largest = polys.reduce((a, b) => (size(b) > size(a) ? b : a));
  // polylabel measures the distance to every edge for each cell it probes: on a surveyed boundary
  // of 1,000,000 vertices that is minutes. An anchor needs no such detail: rings are thinned to at
  // most LABEL_RING_MAX vertices (every k-th one, closed again) before it is placed.
  const thin = (r: number[][]) => {
    if (r.length <= LABEL_RING_MAX) return r;
    const k = Math.ceil(r.length / LABEL_RING_MAX);
    const out = r.filter((_, i) => i % k === 0);
    out.push(r[0]!);
    return out;
  };
  const p = polylabel(largest.map(thin), 1e-5);
  return [p[0], p[1]];
}

/** Vertices per ring beyond which a ring is thinned for placing its label (see labelPoint). */
const LABEL_RING_MAX = 2000;

export function toMapSources(data: AtlasData): MapSources {
  return {
    districts: fc(
      data.districts.map((d) => ({
        type: 'Feature',
        id: d.properties.id,
        geometry: d.geometry,
        properties: {
          id: d.properties.id,
          name_zh: d.properties.name.zh,
          name_en: d.properties.name.en,
          focus: d.properties.id === 'shijingshan',
        },
      })),
    ),
    context: fc(
      data.context.map((c) => ({
        type: 'Feature',
        geometry: c.geometry,
        properties: {
          id: c.properties.id,
          layer: c.properties.layer,
          name_zh: c.properties.name.zh,
          name_en: c.properties.name.en,
          lines: (c.properties.lines ?? []).join(' · '),
          method: c.properties.provenance.method,
          accuracy_m: c.properties.provenance.accuracy_m,
        },
      })),
    ),
    streets: fc(
      data.streets.map((st) => {
        const p = st.properties;
        return {
          type: 'Feature',
          geometry: st.geometry,
          // An unnamed piece has no name keys at all: its label's text is then empty (never a guess).
          properties: { id: p.id, class: p.class, ...(p.street && { street: p.street }), ...(p.name && { name_zh: p.name.zh, name_en: p.name.en }) },
        };
      }),
    ),
    junctions: fc(
      data.junctions.map((j) => ({
        type: 'Feature',
        geometry: j.geometry,
        properties: { id: j.properties.id, name_zh: j.properties.name.zh, name_en: j.properties.name.en },
      })),
    ),
    zones: zoneCollection(data.zones),
    labels: fc([
      ...zoneLabels(data.zones),
      ...data.districts.map((d) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: labelPoint(d.geometry) },
        properties: { id: d.properties.id, kind: 'district', role: d.properties.id === 'shijingshan' ? 'district' : 'neighbour', name_zh: d.properties.name.zh, name_en: d.properties.name.en },
      })),
    ]),
    points: fc(
      data.points.flatMap((p) =>
        p.geometry
          ? [
              {
                type: 'Feature' as const,
                geometry: p.geometry,
                properties: {
                  id: p.properties.id,
                  kind: p.properties.kind,
                  sectors: sectorKey(p.properties.sectors),
                  location: p.properties.location,
                  error_m: p.properties.error_m ?? 0,
                  name_zh: p.properties.name.zh,
                  name_en: p.properties.name.en,
                },
              },
            ]
          : [],
      ),
    ),
  };
}

/** One zone version as a flat feature of the zones source; `proposal` marks a planner's proposal. */
export function flatZone(z: ZoneFeature, proposal = false): FlatCollection['features'][number] | null {
  if (!z.geometry) return null;
  return {
    type: 'Feature' as const,
    geometry: z.geometry,
    properties: {
      extent: z.properties.extent,
      id: z.properties.id,
      zone: z.properties.zone,
      version: z.properties.version.id,
      current: z.properties.current,
      kind: z.properties.kind,
      status: z.properties.status,
      sectors: sectorKey(z.properties.sectors),
      name_zh: z.properties.name.zh,
      name_en: z.properties.name.en,
      method: z.properties.provenance.method,
      accuracy_m: z.properties.provenance.accuracy_m,
      ...(proposal && { proposal: true }),
    },
  };
}

/**
 * Proposals beyond this many are not labelled on the map: thousands of parcel labels are clutter at
 * any zoom and cost seconds of symbol placement (the list and the card name them). The import
 * worker then skips their label anchors too.
 */
export const LABELLED_PROPOSALS = 500;

const flatCache = new WeakMap<ZoneFeature, FlatCollection['features'][number] | null>();

/**
 * flatZone, made once per zone object (zones are immutable: an edit makes a new object). The map
 * adapter keeps its zones source in step by diffing these by identity, so an unchanged zone is
 * never sent to MapLibre's worker again. A zone is either the Atlas's or a proposal for its whole
 * life, so `proposal` is part of what the object is.
 */
export function flatZoneOf(z: ZoneFeature, proposal = false): FlatCollection['features'][number] | null {
  let f = flatCache.get(z);
  if (f === undefined) flatCache.set(z, (f = flatZone(z, proposal)));
  return f;
}

/** Zone versions (with geometry) as flat features for the zones source. */
export function zoneCollection(zones: readonly ZoneFeature[], isProposal: (z: ZoneFeature) => boolean = () => false): FlatCollection {
  return fc(zones.flatMap((z) => flatZoneOf(z, isProposal(z)) ?? []));
}

/**
 * One label point per zone version with geometry; `known` anchors (proposals, computed in the
 * import worker: polylabel on 12,000 parcels is too slow for the main thread) are used as given.
 */
export function zoneLabels(zones: readonly ZoneFeature[], known?: ReadonlyMap<string, [number, number]>): FlatCollection['features'] {
  return zones.flatMap((z) =>
    z.geometry
      ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: known?.get(z.properties.id) ?? labelPointOf(z, z.geometry) }, properties: { id: z.properties.id, kind: z.properties.kind, role: 'zone', name_zh: z.properties.name.zh, name_en: z.properties.name.en } }]
      : [],
  );
}

const labelCache = new WeakMap<ZoneFeature, [number, number]>();
/** labelPoint of a zone, once per zone object (polylabel takes milliseconds on the Atlas's outlines). */
function labelPointOf(z: ZoneFeature, g: AreaGeometry): [number, number] {
  let p = labelCache.get(z);
  if (!p) labelCache.set(z, (p = labelPoint(g)));
  return p;
}
