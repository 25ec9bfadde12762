/**
 * What the card of a selected zone or place shows, computed from the data (pure; the component
 * only renders it, as text). Areas on the WGS84 ellipsoid with their band; distances to metro
 * stations along the ellipsoid (GeographicLib) from the station to the nearest point of the zone.
 */
import geodesic from 'geographiclib-geodesic';
import { booleanIntersects, booleanPointInPolygon, booleanTouches, nearestPointOnLine, polygonToLine } from '@turf/turf';
import type { Feature, Geometry, LineString, MultiLineString } from 'geojson';
import type { AtlasData } from '../data/load';
import type { Claim, ContextFeature, Edge, Evidence, NamedAs, PointFeature, Provenance, Text, ZoneFeature } from '../data/schema';
import { featureBand, type AreaBand } from '../geo/uncertainty';
import type { DrawnPlots } from './areaText';
import { refPlace, type RefPlace } from './refs';

const WGS84 = geodesic.Geodesic.WGS84;

/** Geodesic distance on WGS84, metres. */
export function distanceM(a: [number, number], b: [number, number]): number {
  return WGS84.Inverse(a[1], a[0], b[1], b[0]).s12 ?? NaN;
}

export interface NearStation {
  id: string;
  name: { zh: string; en: string };
  lines: string[];
  /** Straight-line (geodesic) distance, metres; 0 when the station lies inside the zone. */
  distance_m: number;
  /** Positional uncertainty of that distance: zone accuracy + station accuracy, metres. */
  uncertainty_m: number;
}

export interface CardModel {
  type: 'zone' | 'point';
  id: string;
  /** Zone-version id shown (zones). */
  featureId: string;
  name: { zh: string; en: string; pinyin?: string };
  /** How sources word the name where it differs (the interview's "首钢园(国际人才社区)"). */
  namedAs: NamedAs[];
  kind: string;
  sectors: string[];
  status?: string;
  plan: string[];
  since?: number;
  until?: number;
  version?: { zh: string; en: string };
  extent?: string;
  /** For a `partial` zone: how many plots are drawn (the geometry's polygons) and, when published, its plot count. */
  plots?: DrawnPlots;
  location?: string;
  error_m?: number;
  area: AreaBand | null;
  claims: Claim[];
  inside: { type: 'zone' | 'point'; id: string; name: { zh: string; en: string } }[];
  /** Zones this zone lies in (its `parent` chain, nearest first). */
  partOf: { id: string; name: { zh: string; en: string } }[];
  overlaps: { id: string; name: { zh: string; en: string } }[];
  stations: NearStation[];
  provenance: Provenance;
  description?: { zh: string; en: string };
  /** Why the geometry is where it is ("Why here / 位置依据"), with the places each phrase names. */
  evidence: (Evidence & { places: RefPlace[] })[];
  /** Each edge of a traced outline: what it follows, to what accuracy, and the places it names. */
  edges: (Edge & { places: RefPlace[] })[];
  /** The zone version's outline or the point (what a reference is framed beside); null if unknown. */
  geometry: Geometry | null;
  /** For unknown positions: what was searched. */
  searched?: Text;
}

/** Evidence and edges with their references resolved (names for the card's controls). */
const withPlaces = <T extends { refs: Evidence['refs'] }>(data: AtlasData, list: readonly T[]) => list.map((x) => ({ ...x, places: x.refs.map((r) => refPlace(data, r)) }));

const stations = (data: AtlasData) =>
  data.context.filter((c): c is ContextFeature & { geometry: { type: 'Point'; coordinates: [number, number] } } => c.properties.layer === 'metro-station' && c.geometry.type === 'Point');

/** Nearest metro stations to a zone (distance to its outline, 0 inside) or to a point. */
export function nearestStations(data: AtlasData, target: ZoneFeature | PointFeature, n = 3): NearStation[] {
  if (!target.geometry) return [];
  const acc = target.properties.provenance.accuracy_m;
  const list = stations(data).map((s) => {
    const p = s.geometry.coordinates;
    let d: number;
    if (target.geometry!.type === 'Point') d = distanceM(p, target.geometry!.coordinates as [number, number]);
    else if (booleanPointInPolygon(p, target.geometry!)) d = 0;
    else {
      const outline = polygonToLine(target.geometry as never) as Feature<LineString | MultiLineString> | { features: Feature<LineString | MultiLineString>[] };
      const lines = 'features' in outline ? outline.features : [outline];
      d = Math.min(...lines.map((l) => distanceM(p, nearestPointOnLine(l as never, p).geometry.coordinates as [number, number])));
    }
    return { id: s.properties.id, name: { zh: s.properties.name.zh, en: s.properties.name.en }, lines: s.properties.lines ?? [], distance_m: d, uncertainty_m: acc + s.properties.provenance.accuracy_m };
  });
  return list.sort((a, b) => a.distance_m - b.distance_m).slice(0, n);
}

// Bounding boxes first: with thousands of proposals shown, booleanIntersects on every one of them
// took most of a second per card.
const boxes = new WeakMap<ZoneFeature, [number, number, number, number]>();
function boxOf(z: ZoneFeature): [number, number, number, number] {
  let b = boxes.get(z);
  if (!b) {
    b = [Infinity, Infinity, -Infinity, -Infinity];
    const polys = !z.geometry ? [] : z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates;
    for (const poly of polys) for (const ring of poly) for (const [x, y] of ring) {
      if (x! < b[0]) b[0] = x!;
      if (y! < b[1]) b[1] = y!;
      if (x! > b[2]) b[2] = x!;
      if (y! > b[3]) b[3] = y!;
    }
    boxes.set(z, b);
  }
  return b;
}
const boxesMeet = (a: readonly number[], b: readonly number[]) => a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;

export function zoneCard(data: AtlasData, z: ZoneFeature, shown: readonly ZoneFeature[]): CardModel {
  const p = z.properties;
  const claims = data.claims.filter((c) => p.claims.includes(c.id) || (c.scope.kind === 'zone' && c.scope.zone === p.zone && (!c.scope.version || c.scope.version === p.version.id)));
  const inside: CardModel['inside'] = [];
  for (const plot of p.plots ?? []) {
    const sub = plot.zone ? shown.find((s) => s.properties.zone === plot.zone) : undefined;
    // Two plots of one zone (the sci-fi cluster's) list that zone once.
    if (sub && sub.properties.zone !== p.zone && !inside.some((i) => i.id === sub.properties.zone)) inside.push({ type: 'zone', id: sub.properties.zone, name: sub.properties.name });
  }
  for (const pt of data.points) {
    const named = pt.properties.zones.includes(p.zone);
    const within = !!(z.geometry && pt.geometry && booleanPointInPolygon(pt.geometry.coordinates, z.geometry));
    if (named || within) inside.push({ type: 'point', id: pt.properties.id, name: pt.properties.name });
  }
  // Sub-zones (their `parent` is this zone) are inside it; the parent chain is what it is part of.
  for (const sub of shown) if (sub.properties.parent === p.zone && !inside.some((i) => i.id === sub.properties.zone)) inside.push({ type: 'zone', id: sub.properties.zone, name: sub.properties.name });
  const partOf: CardModel['partOf'] = [];
  for (let parent = p.parent; parent && !partOf.some((x) => x.id === parent); ) {
    const pz = shown.find((s) => s.properties.zone === parent);
    if (!pz) break;
    partOf.push({ id: pz.properties.zone, name: pz.properties.name });
    parent = pz.properties.parent;
  }
  // Overlaps: shared area, not a shared border (zones digitised along the same road touch).
  const box = z.geometry ? boxOf(z) : null;
  const overlaps = z.geometry
    ? shown
        .filter(
          (o) =>
            o.properties.zone !== p.zone &&
            o.geometry &&
            boxesMeet(box!, boxOf(o)) &&
            !inside.some((i) => i.id === o.properties.zone) &&
            !partOf.some((x) => x.id === o.properties.zone) &&
            booleanIntersects(o.geometry, z.geometry!) &&
            !booleanTouches(o.geometry, z.geometry!),
        )
        .map((o) => ({ id: o.properties.zone, name: o.properties.name }))
    : [];
  return {
    type: 'zone',
    id: p.zone,
    featureId: p.id,
    name: p.name,
    namedAs: p.named_as ?? [],
    kind: p.kind,
    sectors: p.sectors,
    status: p.status,
    plan: p.valid.plan,
    since: p.valid.since,
    until: p.valid.until,
    version: p.version.label,
    extent: p.extent,
    ...(p.extent === 'partial' && z.geometry && { plots: { drawn: z.geometry.type === 'MultiPolygon' ? z.geometry.coordinates.length : 1, total: p.plots_total } }),
    area: z.geometry ? featureBand(z) : null,
    claims,
    inside,
    partOf,
    overlaps,
    stations: nearestStations(data, z),
    provenance: p.provenance,
    description: p.description,
    evidence: withPlaces(data, p.evidence),
    edges: withPlaces(data, p.provenance.edges ?? []),
    geometry: z.geometry,
    searched: p.searched,
  };
}

export function pointCard(data: AtlasData, pt: PointFeature): CardModel {
  const p = pt.properties;
  return {
    type: 'point',
    id: p.id,
    featureId: p.id,
    name: p.name,
    namedAs: [],
    kind: p.kind,
    sectors: p.sectors,
    plan: [],
    location: p.location,
    error_m: p.error_m,
    area: null,
    claims: data.claims.filter((c) => p.claims.includes(c.id) || (c.scope.kind === 'point' && c.scope.point === p.id)),
    inside: [],
    partOf: [],
    overlaps: data.zones
      .filter((z) => z.properties.current && p.zones.includes(z.properties.zone))
      .map((z) => ({ id: z.properties.zone, name: z.properties.name })),
    stations: nearestStations(data, pt),
    provenance: p.provenance,
    description: p.description,
    evidence: withPlaces(data, p.evidence),
    edges: withPlaces(data, p.provenance.edges ?? []),
    geometry: pt.geometry,
    searched: p.searched,
  };
}

/** The card of a selected zone (its shown version) or place; null for anything else or a missing id. */
export function cardFor(data: AtlasData, shown: readonly ZoneFeature[], sel: { type: string; id: string } | null): CardModel | null {
  if (sel?.type === 'zone') {
    const z = shown.find((f) => f.properties.zone === sel.id || f.properties.id === sel.id);
    return z ? zoneCard(data, z, shown) : null;
  }
  if (sel?.type === 'point') {
    const p = data.points.find((f) => f.properties.id === sel.id);
    return p ? pointCard(data, p) : null;
  }
  return null;
}
