/** Shapes of the planning-file import (see index.ts). */
import type { DataIssue } from '../data/load';
import type { ImportReference } from './reference';
import type { DatumSuspicion, FarAway } from './sanity';

export type ImportFormat = 'geojson' | 'kml' | 'shapefile-zip';

/**
 * Datum of geographic coordinates in a file: `wgs84` (GPS, EPSG:4326, CGCS2000), `gcj02` (the
 * obfuscated "Mars" coordinates of AMap/Gaode, Tencent and DataV exports), `bd09` (Baidu Maps).
 */
export type SourceDatum = 'wgs84' | 'gcj02' | 'bd09';

export interface ImportOptions {
  /** Datum of geographic coordinates in the file, default `wgs84` (GCJ-02 from AMap/Tencent/DataV, BD-09 from Baidu). Ignored, with a warning, for projected files. */
  datum?: SourceDatum;
  /**
   * The Atlas's reference geometry (see reference.ts). When given, the result carries the datum
   * suspicion and far-away checks (`checks`); the features are never changed by them.
   */
  reference?: ImportReference;
}

/** What the sanity checks found (sanity.ts); the caller asks the user before adding anything. */
export interface ImportChecks {
  /** The file fits the reference geometry clearly better read as GCJ-02 or BD-09. */
  datum: DatumSuspicion | null;
  /** Features far outside the district, with the likely cause. */
  far: FarAway | null;
}

/** A located problem: same shape as the Atlas's data issues, so they can be listed together. */
export type ImportIssue = DataIssue;

export interface ImportResult {
  /** WGS84 GeoJSON (RFC 7946) text, ready for parseUserZones(text, fileName): a FeatureCollection, 2D, 7 decimals, polygons wound exterior-CCW. Empty FeatureCollection when nothing could be read. */
  geojson: string;
  /** Format detected from the content (the extension is only a hint); null when unknown. */
  format: ImportFormat | null;
  /** What was detected and applied, e.g. `EPSG:4326`, `EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E)`, `GCJ-02 → WGS84`; null when no coordinates could be placed. Several layers with different CRSs are joined with `; `. */
  crs: string | null;
  /** Features in `geojson`. */
  featureCount: number;
  /** Located problems; `error`: the file or feature was left out, `warning`: kept but flagged. */
  issues: ImportIssue[];
  /** Sanity checks; both null when no reference was given or nothing was found. */
  checks: ImportChecks;
}
