/**
 * What a click or tap on the map means (issue #9): points and stations under the pointer first
 * (nearest first), then a zone whose label was hit, then every shown zone whose geometry contains the
 * position, smallest first. Nested zones are the normal case (a cluster inside a park inside the
 * national park), so "the top-most rendered fill" is the wrong answer: the smallest containing zone
 * is what a person points at. Envelope and partial zones count too (an envelope has no fill, so
 * rendered-feature queries never see it). Pure; the map adapter supplies the pointer hits.
 */
import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import type { ZoneFeature } from '../data/schema';
import { ellipsoidalArea } from '../geo/area';

export type Bbox = [number, number, number, number];

export interface PickableZone {
  /** Zone-version id (what the map highlights). */
  id: string;
  /** Zone id (what the app selects). */
  zone: string;
  bbox: Bbox;
  /** WGS84 ellipsoidal area, m²: orders nested zones. */
  area_m2: number;
  /** Tie-break between zones of (nearly) the same area: a zone's own outline before a plot of a larger zone. */
  rank: number;
  geometry: NonNullable<ZoneFeature['geometry']>;
}

/** Candidate under the pointer, in the order a click takes them. */
export interface PickItem {
  type: 'zone' | 'point' | 'station';
  /** Zone id, point id or station id. */
  id: string;
  /** Zone-version id for zones (highlight), else the id. */
  feature: string;
}

/** Point-like features the map found near the pointer, with their screen distance in px. */
export interface PointerHits {
  points: { id: string; px: number }[];
  stations: { id: string; px: number }[];
  /** Zone-version ids whose label box contains the pointer. */
  labels: string[];
}

/**
 * When two zones have the same area (a multi-plot zone whose one placed plot is another zone, or
 * two zones drawn with one outline), the more specific one wins: an outline before a partial zone
 * or an envelope, and a cluster or pilot zone before the park or national park containing it.
 */
const EXTENT_RANK: Record<ZoneFeature['properties']['extent'], number> = { outline: 0, partial: 1, envelope: 2, unknown: 3 };
const CONTAINER_KINDS: Partial<Record<ZoneFeature['properties']['kind'], number>> = { park: 1, 'municipal-hitech-zone': 1, 'national-hitech-park': 2 };
/** Areas closer than this fraction count as the same (outline copies, a plot equal to a zone). */
const SAME_AREA = 0.005;

/** Shown zone versions with geometry, prepared for repeated hit tests (bbox, area). */
export function pickableZones(zones: readonly ZoneFeature[], shownIds: readonly string[]): PickableZone[] {
  const shown = new Set(shownIds);
  return zones.flatMap((z) => {
    const g = z.geometry;
    if (!g || !shown.has(z.properties.id)) return [];
    // The ellipsoidal area only when the pointer is over the zone (zonesAt sorts by it): measuring
    // 45,000 parcels of a cadastral file up front took seconds at the first hover.
    let area: number | undefined;
    return [{
      id: z.properties.id, zone: z.properties.zone, bbox: turfBbox(g) as Bbox,
      get area_m2() {
        return (area ??= ellipsoidalArea(g));
      },
      rank: EXTENT_RANK[z.properties.extent] * 10 + (CONTAINER_KINDS[z.properties.kind] ?? 0), geometry: g,
    }];
  });
}

/** Zones whose geometry contains a position [lon°, lat°], smallest first (boundary counts as inside). */
export function zonesAt(pos: [number, number], zones: readonly PickableZone[]): PickableZone[] {
  const [x, y] = pos;
  return zones
    .filter((z) => x >= z.bbox[0] && x <= z.bbox[2] && y >= z.bbox[1] && y <= z.bbox[3] && booleanPointInPolygon(pos, z.geometry))
    .sort((a, b) => (Math.abs(a.area_m2 - b.area_m2) <= SAME_AREA * Math.max(a.area_m2, b.area_m2) ? a.rank - b.rank : a.area_m2 - b.area_m2));
}

/**
 * Every candidate under the pointer in pick order: points and stations by screen distance, the zone
 * of a hit label, then containing zones smallest first. No duplicates; the first item is what a
 * click selects, the whole list is what the chooser offers.
 */
export function pickAt(pos: [number, number], hits: PointerHits, zones: readonly PickableZone[]): PickItem[] {
  const out: PickItem[] = [];
  const seen = new Set<string>();
  const add = (item: PickItem) => {
    const key = `${item.type}:${item.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(item);
  };
  const near = [
    ...hits.points.map((p) => ({ type: 'point' as const, id: p.id, px: p.px })),
    ...hits.stations.map((s) => ({ type: 'station' as const, id: s.id, px: s.px })),
  ].sort((a, b) => a.px - b.px);
  for (const n of near) add({ type: n.type, id: n.id, feature: n.id });
  const byVersion = new Map(zones.map((z) => [z.id, z]));
  for (const l of hits.labels) {
    const z = byVersion.get(l);
    if (z) add({ type: 'zone', id: z.zone, feature: z.id });
  }
  for (const z of zonesAt(pos, zones)) add({ type: 'zone', id: z.zone, feature: z.id });
  return out;
}
