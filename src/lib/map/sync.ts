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
  if (g.type === 'GeometryCollection') return g.geometries.reduce((n, m) => n + positionCount(m), 0);
  const walk = (c: unknown): number => (typeof (c as unknown[])[0] === 'number' ? 1 : (c as unknown[]).reduce((n: number, x) => n + walk(x), 0));
  return walk(g.coordinates);
}

/** The next diff, or null when `onMap` already holds exactly `want` (same ids, same objects). */
export function zonesDiff(onMap: ReadonlyMap<string, ZoneFlat>, want: readonly ZoneFlat[], maxVertices: number): ZonesDiff | null {
  const wanted = new Set<string>();
  const add: ZoneFlat[] = [];
  let vertices = 0;
  for (const f of want) {
    const id = String(f.properties.id);
    wanted.add(id);
    if (onMap.get(id) === f || (add.length > 0 && vertices >= maxVertices)) continue;
    add.push(f);
    vertices += positionCount(f.geometry);
  }
  const remove = [...onMap.keys()].filter((id) => !wanted.has(id));
  return remove.length || add.length ? { remove, add } : null;
}
