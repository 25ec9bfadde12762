/**
 * Resolves a selection (zone, point, station, district) against the data: what to highlight and
 * what to frame. Pure, shared by the map view and the card.
 */
import { bbox as turfBbox } from '@turf/turf';
import type { AtlasData } from '../data/load';
import type { ZoneFeature } from '../data/schema';
import type { Selection } from '../url/codec';

export type Bbox = [number, number, number, number];
export type FrameTarget = { bbox: Bbox } | { point: [number, number]; zoom?: number } | null;

export function frameTarget(sel: Selection | null, data: AtlasData, shown: readonly ZoneFeature[]): FrameTarget {
  if (!sel) return null;
  switch (sel.type) {
    case 'zone': {
      const z = shown.find((f) => f.properties.zone === sel.id);
      return z?.geometry ? { bbox: turfBbox(z.geometry) as Bbox } : null;
    }
    case 'point': {
      const p = data.points.find((f) => f.properties.id === sel.id);
      return p?.geometry ? { point: p.geometry.coordinates as [number, number], zoom: 14 } : null;
    }
    case 'station': {
      const s = data.context.find((f) => f.properties.id === sel.id);
      return s?.geometry.type === 'Point' ? { point: s.geometry.coordinates as [number, number], zoom: 14.5 } : null;
    }
    case 'district': {
      const d = data.districts.find((f) => f.properties.id === sel.id);
      return d ? { bbox: turfBbox(d.geometry) as Bbox } : null;
    }
  }
}

/** Does the selection name something that exists in the data? */
export function selectionExists(sel: Selection, data: AtlasData): boolean {
  switch (sel.type) {
    case 'zone':
      return data.zones.some((z) => z.properties.zone === sel.id);
    case 'point':
      return data.points.some((p) => p.properties.id === sel.id);
    case 'station':
      return data.context.some((c) => c.properties.id === sel.id && c.properties.layer === 'metro-station');
    case 'district':
      return data.districts.some((d) => d.properties.id === sel.id);
  }
}
