/**
 * The attract loop, built from the data (pure): the opening view, then one stop per distinct view
 * of the drawn zones (zones that would be framed the same way share a stop and show their cards
 * together), then the interview's key figures, then back to the start.
 *
 * A stop frames its zone with room around it, never closer than MIN_VIEW_SPAN_M across, so that a
 * small zone shows its neighbours, streets and labels instead of a screen of hatching.
 */
import { bbox as turfBbox } from '@turf/turf';
import type { Claim, Source, ZoneFeature } from '../data/schema';
import { isInterview } from '../card/claimText';

export type Bbox = [number, number, number, number];

export type TourStop =
  | { kind: 'opening' }
  | { kind: 'zones'; zones: string[]; box: Bbox }
  | { kind: 'figures' };

/** Narrowest view of a tour stop, metres (≈ 3 km: a park and the blocks around it). */
export const MIN_VIEW_SPAN_M = 3000;
/** A zone's view is its extent times this (context on every side). */
export const VIEW_MARGIN = 1.8;
/** Two views whose boxes overlap by at least this share (intersection over union) are one stop. */
export const SAME_VIEW_IOU = 0.5;

const M_PER_DEG_LAT = 111_320;
const mPerDegLon = (lat: number) => M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);

/** The box a tour stop frames for a zone's extent [w, s, e, n]. */
export function viewBox([w, s, e, n]: Bbox): Bbox {
  const lat = (s + n) / 2;
  const cx = (w + e) / 2;
  const cy = lat;
  const halfW = Math.max(((e - w) * mPerDegLon(lat) * VIEW_MARGIN) / 2, MIN_VIEW_SPAN_M / 2) / mPerDegLon(lat);
  const halfH = Math.max(((n - s) * M_PER_DEG_LAT * VIEW_MARGIN) / 2, MIN_VIEW_SPAN_M / 2) / M_PER_DEG_LAT;
  return [cx - halfW, cy - halfH, cx + halfW, cy + halfH];
}

const areaOf = ([w, s, e, n]: Bbox) => Math.max(0, e - w) * Math.max(0, n - s);

/** Intersection over union of two boxes (0 = apart, 1 = the same). */
export function iou(a: Bbox, b: Bbox): number {
  const i = areaOf([Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])]);
  const u = areaOf(a) + areaOf(b) - i;
  return u > 0 ? i / u : 0;
}

const union = (a: Bbox, b: Bbox): Bbox => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

/** Tour stops for the shown zone versions (data order); zones without geometry are not visited. */
export function tourStops(shown: readonly ZoneFeature[]): TourStop[] {
  const views: { zones: string[]; box: Bbox }[] = [];
  for (const z of shown) {
    if (!z.geometry) continue;
    const box = viewBox(turfBbox(z.geometry) as Bbox);
    const same = views.find((v) => iou(v.box, box) >= SAME_VIEW_IOU);
    if (same) {
      same.zones.push(z.properties.zone);
      same.box = union(same.box, box);
    } else views.push({ zones: [z.properties.zone], box });
  }
  return [{ kind: 'opening' }, ...views.map((v) => ({ kind: 'zones' as const, ...v })), { kind: 'figures' }];
}

const AREA_UNITS: readonly Claim['unit'][] = ['km2', 'ha', 'm2'];

/**
 * The interview's key figures for the big-type stop: its non-area figures, the first of each
 * dashboard group, then the second of each, … up to `max` (so every group is represented).
 */
export function keyFigures(claims: readonly Claim[], sources: readonly Source[], max = 8): Claim[] {
  const pool = claims.filter((c) => isInterview(c, sources) && !AREA_UNITS.includes(c.unit) && c.unit !== 'years');
  const groups = [...new Set(pool.map((c) => c.group))].map((g) => pool.filter((c) => c.group === g));
  const out: Claim[] = [];
  for (let round = 0; out.length < max && groups.some((g) => g.length > round); round++)
    for (const g of groups) if (g[round] && out.length < max) out.push(g[round]!);
  return out;
}
