/** A file's (or zip member's) features as read, before they are brought to WGS84. */
import type { SourceCrs } from './crs';

export interface RawLayer {
  /** Where issues point: the file name, or `file/member` for a member of a zip. */
  file: string;
  /** Features as read; anything, checked when placed. */
  features: unknown[];
  /** The CRS the file declares; null when it declares none. */
  declared: SourceCrs | null;
  /**
   * When nothing is declared and the coordinates are lon/lat: `spec`, WGS84 by the format's own
   * definition (GeoJSON, RFC 7946 §4), or `assumed`, a guess to report (a shapefile without .prj).
   */
  undeclared: 'spec' | 'assumed';
}
