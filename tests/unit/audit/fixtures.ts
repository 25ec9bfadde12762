/**
 * Hand-built, schema-validated synthetic data for audit tests and the benchmark fallback. Shapes
 * are rectangles in units of 0.01° from (116.10° E, 39.88° N): one unit ≈ 0.854 km east × 1.110 km
 * north ≈ 0.948 km² at this latitude (WGS84), which is how the expected verdicts below are reasoned.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import {
  Claim as ClaimSchema,
  DistrictFeature as DistrictSchema,
  ZoneFeature as ZoneSchema,
  type Claim,
  type DistrictFeature,
  type ZoneExtent,
  type ZoneFeature,
} from '../../../src/lib/data/schema';

export const UNIT_DEG = 0.01;
const LON0 = 116.1;
const LAT0 = 39.88;

export function rect(x0: number, y0: number, x1: number, y1: number): Polygon {
  const p = (x: number, y: number): Position => [LON0 + x * UNIT_DEG, LAT0 + y * UNIT_DEG];
  return { type: 'Polygon', coordinates: [[p(x0, y0), p(x1, y0), p(x1, y1), p(x0, y1), p(x0, y0)]] };
}

export function multi(...polys: Polygon[]): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: polys.map((p) => p.coordinates) };
}

export interface ZoneSpec {
  zone: string;
  version?: string;
  current?: boolean;
  geometry: Polygon | MultiPolygon | null;
  accuracy_m?: number;
  since?: number;
  extent?: ZoneExtent;
  plots?: { zone?: string; note: { zh: string; en: string } }[];
  outside?: boolean;
}

/** A zone version, validated by the real schema (throws on an invalid fixture). */
export function zone(s: ZoneSpec): ZoneFeature {
  const version = s.version ?? 'current';
  return ZoneSchema.parse({
    type: 'Feature',
    properties: {
      id: s.version ? `${s.zone}-${s.version}` : s.zone,
      zone: s.zone,
      version: { id: version, label: { zh: version, en: version } },
      current: s.current ?? true,
      name: { zh: `区${s.zone}`, en: `Zone ${s.zone}` },
      kind: 'featured-park',
      sectors: [],
      status: 'operating',
      valid: { ...(s.since === undefined ? {} : { since: s.since }), plan: [] },
      provenance: { source: 'test', method: 'digitised', accuracy_m: s.accuracy_m ?? 50, date: '2026' },
      claims: [],
      ...(s.plots ? { plots: s.plots } : {}),
      ...(s.outside ? { outside_district: { zh: '跨区', en: 'crosses the border' } } : {}),
      extent: s.extent ?? (s.geometry === null ? 'unknown' : 'outline'),
    },
    geometry: s.geometry,
  });
}

export function district(geometry: Polygon | MultiPolygon, official_area_km2?: number, id = 'shijingshan'): DistrictFeature {
  return DistrictSchema.parse({
    type: 'Feature',
    properties: {
      id,
      adcode: '110107',
      name: { zh: '石景山区', en: 'Shijingshan District' },
      ...(official_area_km2 === undefined ? {} : { official_area_km2 }),
      provenance: { source: 'test', method: 'digitised', accuracy_m: 100, date: '2026' },
    },
    geometry,
  });
}

/** An area claim in km² about a zone version (or the current version when `version` is omitted). */
export function areaClaim(id: string, value: number, zoneId: string, version?: string, qualifier: Claim['qualifier'] = 'exact'): Claim {
  return ClaimSchema.parse({
    id,
    value,
    qualifier,
    unit: 'km2',
    area: 'land',
    measures: { zh: '面积', en: 'area' },
    period: { label: { zh: '十四五', en: '14th FYP' } },
    scope: { kind: 'zone', zone: zoneId, ...(version ? { version } : {}) },
    spatial: true,
    quote_zh: '面积测试',
    source: 'interview-2026',
    group: 'space',
  });
}

export function countClaim(id: string, value: number): Claim {
  return ClaimSchema.parse({
    id,
    value,
    qualifier: 'exact',
    unit: 'count',
    measures: { zh: '数量', en: 'count' },
    period: { label: { zh: '十四五', en: '14th FYP' } },
    scope: { kind: 'district' },
    spatial: false,
    quote_zh: '数量测试',
    source: 'interview-2026',
    group: 'innovation',
  });
}
