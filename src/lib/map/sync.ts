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

const idOf = (f: ZoneFlat) => String(f.properties.id);

/**
 * The diffs that bring a source holding `onMap` to `want`, one at a time (`next`). Features are
 * sent in `want`'s order, so the scan resumes where the last diff ended: 12,000 parcels are not
 * walked again for every piece. Make a new plan when `want` changes or the map's source was
 * rebuilt (a style reload).
 */
export class ZonesPlan {
  private readonly wanted: Set<string>;
  private cursor = 0;

  constructor(readonly want: readonly ZoneFlat[]) {
    this.wanted = new Set(want.map(idOf));
  }

  /** The next diff, or null when `onMap` already holds exactly `want` (same ids, same objects). */
  next(onMap: ReadonlyMap<string, ZoneFlat>, maxVertices: number): ZonesDiff | null {
    const add: ZoneFlat[] = [];
    let vertices = 0;
    while (this.cursor < this.want.length && (add.length === 0 || vertices < maxVertices)) {
      const f = this.want[this.cursor++]!;
      if (onMap.get(idOf(f)) === f) continue;
      add.push(f);
      vertices += positionCount(f.geometry);
    }
    const remove: string[] = [];
    for (const id of onMap.keys()) if (!this.wanted.has(id)) remove.push(id);
    return remove.length || add.length ? { remove, add } : null;
  }
}

/** The whole difference at once (tests; the adapter sends it in pieces through a ZonesPlan). */
export function zonesDiff(onMap: ReadonlyMap<string, ZoneFlat>, want: readonly ZoneFlat[], maxVertices: number): ZonesDiff | null {
  return new ZonesPlan(want).next(onMap, maxVertices);
}
