/**
 * Walking the coordinates of any GeoJSON geometry: checking their shape, reading them and mapping
 * them into new arrays. Nothing here mutates its input.
 */
import { say, type Located } from '../i18n/located';
import type { Geometry, Position } from 'geojson';

/** [x, y]: lon/lat degrees or plane metres (x east, y north), depending on the stage. */
export type Pos = [number, number];

/** Nesting depth of positions in each geometry type's `coordinates`. */
const DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/**
 * The path (below `geometry`) of the first thing that is not a well-formed geometry, or null when
 * it is one: a known type with arrays nested to the right depth and finite-number positions.
 * `null` geometry is well-formed (a feature without location).
 */
export function geometryProblem(g: unknown, path = 'geometry'): { field: string; message: string; text: Located } | null {
  if (g === null) return null;
  const geom = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (typeof geom !== 'object' || typeof geom.type !== 'string') return { field: `${path}.type`, ...say('issue.notGeometry') };
  if (geom.type === 'GeometryCollection') {
    if (!Array.isArray(geom.geometries)) return { field: `${path}.geometries`, ...say('issue.noGeometries') };
    for (let i = 0; i < geom.geometries.length; i++) {
      const inner = geom.geometries[i] === null ? { field: `${path}.geometries[${i}]`, ...say('issue.nullMember') } : geometryProblem(geom.geometries[i], `${path}.geometries[${i}]`);
      if (inner) return inner;
    }
    return null;
  }
  const depth = DEPTH[geom.type];
  if (depth === undefined) return { field: `${path}.type`, ...say('issue.unknownGeometryType', { type: geom.type }) };
  const walk = (c: unknown, d: number, at: string): { field: string; message: string; text: Located } | null => {
    if (d === 0) return isPosition(c) ? null : { field: at, ...say('issue.badPosition') };
    if (!Array.isArray(c)) return { field: at, ...say('issue.notArray') };
    for (let i = 0; i < c.length; i++) {
      const r = walk(c[i], d - 1, `${at}[${i}]`);
      if (r) return r;
    }
    return null;
  };
  return walk(geom.coordinates, depth, `${path}.coordinates`);
}

/**
 * Calls `f` on every position of a well-formed geometry: the geometry's own arrays (not copies:
 * 12,000 parcels have 250,000 positions), which `f` must not change; an altitude may follow x, y.
 */
export function eachPosition(g: Geometry | null, f: (p: Pos) => void): void {
  if (g === null) return;
  if (g.type === 'GeometryCollection') {
    for (const m of g.geometries) eachPosition(m, f);
    return;
  }
  const walk = (c: unknown, d: number) => {
    if (d === 0) f(c as Pos);
    else for (const x of c as unknown[]) walk(x, d - 1);
  };
  walk(g.coordinates, DEPTH[g.type]!);
}

/**
 * A new geometry of the same type with every position replaced by `f([x, y])`; altitudes are
 * dropped (the Atlas is 2D and its schema takes [lon, lat] only), `bbox` members too (they would be
 * stale). `f` receives a fresh array each call.
 */
export function mapGeometry(g: Geometry, f: (p: Pos) => Pos): Geometry {
  if (g.type === 'GeometryCollection') return { type: 'GeometryCollection', geometries: g.geometries.map((m) => mapGeometry(m, f)) };
  const walk = (c: unknown, d: number): unknown => (d === 0 ? f([(c as Position)[0]!, (c as Position)[1]!]) : (c as unknown[]).map((x) => walk(x, d - 1)));
  return { type: g.type, coordinates: walk(g.coordinates, DEPTH[g.type]!) } as Geometry;
}

/**
 * The geometry as mapGeometry(g, identity) would return it (2D positions, no `bbox`), sharing the
 * input's coordinate arrays when they are all [x, y] already: a WGS84 file of 12,000 parcels is not
 * copied position by position. The caller owns the input (it was just parsed).
 */
export function twoD(g: Geometry): Geometry {
  if (g.type === 'GeometryCollection') return mapGeometry(g, (p) => p);
  let flat = true;
  eachPosition(g, (p) => {
    if ((p as number[]).length !== 2) flat = false;
  });
  return flat ? ({ type: g.type, coordinates: g.coordinates } as Geometry) : mapGeometry(g, (p) => p);
}

/** [west, south, east, north] of every position of the geometries, or null when there is none. */
export function positionsBbox(geoms: Iterable<Geometry | null>): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const g of geoms)
    eachPosition(g, (p) => {
      if (p[0] < w) w = p[0];
      if (p[0] > e) e = p[0];
      if (p[1] < s) s = p[1];
      if (p[1] > n) n = p[1];
    });
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
