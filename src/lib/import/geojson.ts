/** GeoJSON text → a layer: RFC 7946, plus the legacy `crs` member GIS still write (GeoJSON 2008). */
import { say } from '../i18n/located';
import { crsFromGeoJsonMember } from './crs';
import type { RawLayer } from './layer';
import type { ImportIssue } from './types';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

export function readGeoJson(text: string, file: string, issues: ImportIssue[]): RawLayer | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    issues.push({ file, code: 'json', severity: 'error', ...say('issue.json', { detail: (e as Error).message }) });
    return null;
  }
  const obj = (json ?? {}) as { type?: unknown; features?: unknown; crs?: unknown };
  let features: unknown[];
  if (obj.type === 'FeatureCollection' && Array.isArray(obj.features)) features = obj.features;
  else if (obj.type === 'Feature') features = [obj];
  else if (typeof obj.type === 'string' && GEOMETRY_TYPES.has(obj.type)) features = [{ type: 'Feature', properties: {}, geometry: obj }];
  else {
    issues.push({ file, field: 'type', code: 'schema', severity: 'error', ...say('issue.notGeoJson') });
    return null;
  }
  const crs = crsFromGeoJsonMember(obj.crs);
  if (crs && !crs.ok) {
    issues.push({ file, field: 'crs', code: crs.code, severity: 'error', message: crs.message, text: crs.text });
    return null;
  }
  return { file, features, declared: crs?.crs ?? null, undeclared: 'spec' };
}
