/**
 * The planner's proposals as vector tiles cut in a worker of their own (`tiles.worker.ts`), shared
 * by the worker and its client (pure; no DOM, no MapLibre).
 *
 * Why tiles of our own (issue #17): a GeoJSON source hands its data to MapLibre's worker as one
 * object, serialised on the main thread in one task (≈ 0.6 s for 12,000 parcels here, ≈ 2 s for
 * 45,000), and every `updateData` diff makes that worker rebuild its root tile from every feature
 * and re-split every tile the diff touches (the 33–43 s of a 30 MB file drawn by diffs). Here the
 * geometries travel to the tile worker packed in typed arrays (transferred, a chunk per task), the
 * worker builds one geojson-vt index (the same library and options MapLibre uses for a GeoJSON
 * source), and MapLibre fetches finished Mapbox Vector Tiles from it through a custom protocol, one
 * small ArrayBuffer per tile. An edit of one parcel is one diff of one feature, and only the tiles
 * that feature touches are reloaded.
 */
import type { FlatProps } from './features';

/** URL scheme of the tiles (`atlas-proposals://z/x/y`), served by the adapter's protocol handler. */
export const PROPOSALS_SCHEME = 'atlas-proposals';
/** Layer name inside each tile (the style's `source-layer`). */
export const PROPOSALS_SOURCE_LAYER = 'proposals';
/** Deepest zoom cut; deeper zooms overscale these tiles (8192 units over ≈ 600 m: 7 cm). */
export const PROPOSALS_MAXZOOM = 16;
/** MapLibre's tile extent and tile size (px) for GeoJSON sources, so tiles match theirs. */
export const TILE_EXTENT = 8192;
const TILE_SIZE = 512;
const px = (p: number) => p * (TILE_EXTENT / TILE_SIZE);

/**
 * geojson-vt options: those MapLibre gives the zones' GeoJSON source (buffer 128 px, simplification
 * tolerance 1 px: see style.ts), plus what the diffs need (`updateable`, ids from `id`).
 */
export const GEOJSON_VT_OPTIONS = {
  maxZoom: PROPOSALS_MAXZOOM,
  extent: TILE_EXTENT,
  buffer: px(128),
  tolerance: px(1),
  promoteId: 'id',
  updateable: true,
} as const;

/** Features per message when the whole set is sent (each packed in a task of its own). */
export const PUT_FEATURES = 1000;
/** A change larger than this (features, or positions) replaces the whole index instead of diffing it. */
export const DIFF_MAX_FEATURES = 1000;
export const DIFF_MAX_POSITIONS = 50_000;

/** Messages to the tile worker. Geometries are packed (import/packed.ts); properties are JSON text. */
export type TilesRequest =
  | { kind: 'put'; gen: number; shape: Int32Array; coords: Float64Array; props: string }
  /**
   * A file's proposals as the import worker sent them (ProposalBatch): its geometries, then its
   * text a chunk per message (`stage-text`, each sent in a task of its own), then `stage-end`, when
   * the worker indexes them with what it holds, on speculation.
   */
  | { kind: 'stage'; gen: number; shape: Int32Array; coords: Float64Array }
  | { kind: 'stage-text'; gen: number; json: string }
  | { kind: 'stage-end'; gen: number }
  /** Keep the staged index (the app added exactly that file's proposals); `ok: false` when there is none. */
  | { kind: 'commit-staged'; seq: number; gen: number }
  | { kind: 'commit'; seq: number; gen: number }
  | { kind: 'diff'; seq: number; remove: string[]; shape: Int32Array; coords: Float64Array; props: string }
  | { kind: 'tile'; seq: number; z: number; x: number; y: number };

/** `tile`: the tile's bytes (empty: nothing there). */
export interface TilesReply {
  seq: number;
  tile?: ArrayBuffer;
  ok?: boolean;
}

export type Bbox = [number, number, number, number];

/** z/x/y of the tiles (zoom 0 to `maxZoom`) that cover `bbox` at each zoom (Web Mercator, XYZ). */
export function tilesCovering(boxes: readonly Bbox[], maxZoom = PROPOSALS_MAXZOOM, limit = 4096): { z: number; x: number; y: number }[] | null {
  const out: { z: number; x: number; y: number }[] = [];
  const seen = new Set<string>();
  const tx = (lon: number, n: number) => Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
  const ty = (lat: number, n: number) => {
    const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
    return Math.min(n - 1, Math.max(0, Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n)));
  };
  for (const [w, s, e, north] of boxes)
    for (let z = 0; z <= maxZoom; z++) {
      const n = 2 ** z;
      // A tile also holds what lies within its buffer beyond its edge: widen by one tile's buffer share.
      const pad = (GEOJSON_VT_OPTIONS.buffer / TILE_EXTENT) * (360 / n);
      const x0 = tx(w - pad, n), x1 = tx(e + pad, n), y0 = ty(north + pad, n), y1 = ty(s - pad, n);
      for (let x = x0; x <= x1; x++)
        for (let y = y0; y <= y1; y++) {
          const k = `${z}/${x}/${y}`;
          if (seen.has(k)) continue;
          seen.add(k);
          out.push({ z, x, y });
          if (out.length > limit) return null;
        }
    }
  return out;
}

/** A flat feature as the tile worker keeps it. */
export interface TileFeature {
  type: 'Feature';
  geometry: GeoJSON.Geometry | null;
  properties: FlatProps;
}

/**
 * What changes between the features the worker holds (`onMap`, by id) and the ones wanted, by
 * object identity (flatZoneOf makes one flat feature per zone object; an edit makes a new object).
 */
export function tilesDiff<T extends { properties: FlatProps | { id: string } }>(onMap: ReadonlyMap<string, T>, want: readonly T[]): { remove: string[]; add: T[] } {
  const wanted = new Set<string>();
  const add: T[] = [];
  for (const f of want) {
    const id = String(f.properties.id);
    wanted.add(id);
    if (onMap.get(id) !== f) add.push(f);
  }
  const remove: string[] = [];
  for (const id of onMap.keys()) if (!wanted.has(id)) remove.push(id);
  return { remove, add };
}
