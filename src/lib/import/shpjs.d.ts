// The parts of shpjs 6 used here (its package ships no types; @types/shpjs describes version 3).
declare module 'shpjs' {
  import type { FeatureCollection, Geometry } from 'geojson';
  /** Geometries of a .shp, in file order (null for null shapes); reprojected only when `prj` is given. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string): (Geometry | null)[];
  /** Rows of a .dbf; `cpg` is the text encoding label (WHATWG TextDecoder names), default UTF-8. */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
  /** Geometries and rows zipped into a FeatureCollection. */
  /** A zipped shapefile (or URL) → FeatureCollection(s), reprojected with proj4's reading of each .prj. Not used by the importer (see zip.ts). */
  export default function getShapefile(base: string | ArrayBuffer | ArrayBufferView): Promise<FeatureCollection<Geometry | null> | FeatureCollection<Geometry | null>[]>;
  export function combine(parts: [(Geometry | null)[], Record<string, unknown>[]?]): FeatureCollection<Geometry | null>;
}
