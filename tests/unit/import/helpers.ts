/** Shared by the import tests: fixture bytes, and matching an import against the test polygon. */
import { readFileSync } from 'node:fs';
import geographiclib from 'geographiclib-geodesic';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { QUAD_RINGS } from '../../../scripts/fixtures/import-quad';

const DIR = new URL('../../fixtures/import/', import.meta.url);
const WGS84 = geographiclib.Geodesic.WGS84;

/** A fixture's bytes, as a fresh Uint8Array. */
export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, DIR)));

export interface Expected {
  format: 'geojson' | 'kml' | 'shapefile-zip' | null;
  crs: string | null;
  datum?: 'gcj02' | 'bd09';
  valid: boolean;
  errors: string[];
  warnings: string[];
}
export const expected = JSON.parse(readFileSync(new URL('expected.json', DIR), 'utf8')) as Record<string, Expected>;

/** Geodesic distance on the WGS84 ellipsoid, metres (GeographicLib). */
export const metres = (a: Position, b: Position) => WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12!;

/** Twice the signed planar area of a ring in lon/lat: > 0 counter-clockwise. */
export const signedArea2 = (ring: Position[]) => ring.reduce((s, p, i) => (i === 0 ? s : s + ring[i - 1]![0]! * p[1]! - p[0]! * ring[i - 1]![1]!), 0);

/**
 * How far, in metres, the rings of `g` are from the test polygon's: for each ring of the test
 * polygon (exterior, hole), the largest distance from one of its vertices to the nearest vertex of
 * the same ring in `g`, and the other way round. Infinity when the shape differs (type, ring count,
 * vertex count). The start vertex and direction of a ring may differ; winding is tested apart.
 */
export function distanceToQuad(g: Geometry | null): number {
  if (g?.type !== 'Polygon' || g.coordinates.length !== QUAD_RINGS.length) return Infinity;
  let worst = 0;
  QUAD_RINGS.forEach((want, k) => {
    const got = g.coordinates[k]!;
    if (got.length !== want.length) {
      worst = Infinity;
      return;
    }
    for (const p of want) worst = Math.max(worst, Math.min(...got.map((q) => metres([p[0], p[1]], q))));
    for (const q of got) worst = Math.max(worst, Math.min(...want.map((p) => metres([p[0], p[1]], q))));
  });
  return worst;
}

export const parseFc = (text: string) => JSON.parse(text) as FeatureCollection;
