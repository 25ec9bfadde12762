/** Exports of zone versions and proposals from the app, in the three formats. */
import type { ZoneFeature } from '../data/schema';
import { download } from './download';
import { exportSet, toGeoJson, toKml, toShapefileZip } from './formats';

export type ZoneExportFormat = 'geojson' | 'kml' | 'shp';

/** A file-name stem from ids: ASCII letters, digits and dashes only. */
const stem = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'atlas';

export function exportZones(zones: readonly ZoneFeature[], isProposal: (z: ZoneFeature) => boolean, format: ZoneExportFormat, name: string, title: string) {
  const set = exportSet(zones, isProposal);
  const s = stem(name);
  if (format === 'geojson') download(`${s}.geojson`, toGeoJson(set), 'application/geo+json');
  else if (format === 'kml') download(`${s}.kml`, toKml(set, title), 'application/vnd.google-earth.kml+xml');
  else download(`${s}-epsg4548.zip`, toShapefileZip(set, s), 'application/zip');
}
