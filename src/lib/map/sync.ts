/**
 * The diff that brings a GeoJSON source holding `onMap` closer to `want`, for MapLibre's
 * `updateData` (pure; the map adapter sends one per task). Features are compared by identity: the
 * app makes one flat feature per zone object (features.ts, flatZoneOf), and a changed zone is a new
 * object. Removals go in the first diff (ids are cheap); additions and replacements are cut into
 * pieces of about `maxVertices` positions, so no single diff costs the main thread much to
 * serialise (MapLibre copies every coordinate array in JavaScript before posting it).
 */
import type { Geometry } from 'geojson';
import type { FlatCollection } from './features';

export type ZoneFlat = FlatCollection['features'][number];

/** Positions per diff: ~20,000 serialise in ≈ 30–50 ms on the 2-core test machine. */
export const SYNC_VERTICES = 20_000;

export interface ZonesDiff {
  remove: string[];
  add: ZoneFlat[];
}

/** Number of positions in a geometry (nested arrays counted down to their [x, y] pairs). */
export function positionCount(g: Geometry | null): number {
  if (!g) return 0;
  if (g.type === 'GeometryCollection') {
    let n = 0;
    for (const m of g.geometries) n += positionCount(m);
    return n;
  }
  const walk = (c: unknown[]): number => {
    if (typeof c[0] === 'number') return 1;
    let n = 0;
    for (const x of c) n += walk(x as unknown[]);
    return n;
  };
  return walk(g.coordinates as unknown[]);
}

const flatId = (f: ZoneFlat) => String(f.properties.id);

/**
 * A Z-order (Morton) key of a position, for sending features in spatial order: consecutive diffs
 * then cover small areas, and MapLibre reloads only the tiles a diff touches. Sent in file order,
 * every diff of a district-wide cadastral file touched every tile, so each reloaded all of them:
 * 50 diffs of a 30 MB file meant 50 reloads of everything drawn so far.
 */
export function mortonKey(lon: number, lat: number): number {
  // 16 bits per axis over a box around Beijing (outside it, clamped: still a valid order).
  const q = (v: number, lo: number, hi: number) => Math.max(0, Math.min(65535, Math.floor(((v - lo) / (hi - lo)) * 65536)));
  let x = q(lon, 115.4, 117.6);
  let y = q(lat, 39.4, 40.6);
  const spread = (v: number) => {
    v = (v | (v << 8)) & 0x00ff00ff;
    v = (v | (v << 4)) & 0x0f0f0f0f;
    v = (v | (v << 2)) & 0x33333333;
    return (v | (v << 1)) & 0x55555555;
  };
  x = spread(x);
  y = spread(y);
  return ((x | (y << 1)) >>> 0);
}

/** The first position of a geometry (its own array, not a copy), or null. */
export function firstPosition(g: Geometry | null): readonly number[] | null {
  if (!g || g.type === 'GeometryCollection') return null;
  let c = g.coordinates as unknown[];
  while (typeof c[0] === 'object' && c[0] !== null) c = c[0] as unknown[];
  return typeof c[0] === 'number' ? (c as number[]) : null;
}

/**
 * The diffs that bring a source holding `onMap` to `want`, one at a time (`next`). `want` is the
 * app's list, with each item's id and its flat feature (`flat` is called only when the scan
 * reaches the item, so 45,000 proposals are not converted in the task that adds them; it must
 * return the same object for the same item, see flatZoneOf). With `key`, items are sent in the
 * order of their keys (see mortonKey), else in list order. The scan resumes where the last diff
 * ended. Make a new plan when `want` changes or the map's source was rebuilt (a style reload).
 */
export class ZonesPlan<T = ZoneFlat> {
  private wanted: Set<string> | null = null;
  private order: Uint32Array | null = null;
  private cursor = 0;

  constructor(
    readonly want: readonly T[],
    private readonly id: (t: T) => string = flatId as unknown as (t: T) => string,
    private readonly flat: (t: T) => ZoneFlat | null = (t) => t as unknown as ZoneFlat,
    private readonly key?: (t: T) => number,
  ) {}

  /**
   * Prepares the scan (ids wanted, order): done by the first `next` otherwise; the adapter calls it
   * in a task of its own, as for 45,000 proposals it takes tens of milliseconds.
   */
  prepare(): void {
    this.wanted ??= new Set(this.want.map(this.id));
    if (!this.order) {
      const order = new Uint32Array(this.want.length);
      for (let i = 0; i < order.length; i++) order[i] = i;
      if (this.key) {
        const keys = new Float64Array(this.want.length);
        for (let i = 0; i < keys.length; i++) keys[i] = this.key(this.want[i]!);
        order.sort((a, b) => keys[a]! - keys[b]! || a - b);
      }
      this.order = order;
    }
  }

  /** The next diff, or null when `onMap` already holds exactly `want` (same ids, same objects). */
  next(onMap: ReadonlyMap<string, ZoneFlat>, maxVertices: number): ZonesDiff | null {
    this.prepare();
    const wanted = this.wanted!;
    const order = this.order!;
    const add: ZoneFlat[] = [];
    let vertices = 0;
    while (this.cursor < order.length && (add.length === 0 || vertices < maxVertices)) {
      const f = this.flat(this.want[order[this.cursor++]!]!);
      if (!f || onMap.get(flatId(f)) === f) continue;
      add.push(f);
      vertices += positionCount(f.geometry);
    }
    const remove: string[] = [];
    for (const id of onMap.keys()) if (!wanted.has(id)) remove.push(id);
    return remove.length || add.length ? { remove, add } : null;
  }
}
