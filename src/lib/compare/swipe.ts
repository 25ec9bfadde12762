/**
 * The swipe view with one map: each side's geometry is clipped, in screen space, to its side of the
 * divider (a vertical line at x = divider px), then brought back to lon/lat for the map's compare
 * source. Re-run on every camera move. Polygons are clipped ring by ring against the half-plane
 * (Sutherland–Hodgman, exact for a half-plane); outlines are clipped as lines, so no edge is drawn
 * along the divider. Pure: the caller passes the map's project/unproject.
 */
import type { Feature, LineString, Polygon, Position } from 'geojson';
import { polygonsOf, type Areal } from '../geo/areal';
import type { Project, Unproject } from '../draw/snapping';

type P = { x: number; y: number };
export type Side = 'a' | 'b';

/** Inside test and crossing for the half-plane of a side: a keeps x ≤ divider, b keeps x ≥ divider. */
const inside = (side: Side, x: number, div: number) => (side === 'a' ? x <= div : x >= div);
const cross = (p: P, q: P, div: number): P => {
  const t = (div - p.x) / (q.x - p.x);
  return { x: div, y: p.y + t * (q.y - p.y) };
};

/** A closed ring clipped to a side (Sutherland–Hodgman against one edge); [] when nothing is left. */
export function clipRing(ring: P[], side: Side, div: number): P[] {
  const out: P[] = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const cur = ring[i]!;
    const prev = ring[(i + n - 1) % n]!;
    const cIn = inside(side, cur.x, div);
    const pIn = inside(side, prev.x, div);
    if (cIn) {
      if (!pIn) out.push(cross(prev, cur, div));
      out.push(cur);
    } else if (pIn) out.push(cross(prev, cur, div));
  }
  return out.length >= 3 ? out : [];
}

/** A polyline clipped to a side: the pieces that lie on it. */
export function clipLine(line: P[], side: Side, div: number): P[][] {
  const pieces: P[][] = [];
  let cur: P[] = [];
  for (let i = 0; i < line.length; i++) {
    const p = line[i]!;
    const pIn = inside(side, p.x, div);
    if (i > 0) {
      const q = line[i - 1]!;
      const qIn = inside(side, q.x, div);
      if (qIn && !pIn) {
        cur.push(cross(q, p, div));
        pieces.push(cur);
        cur = [];
      } else if (!qIn && pIn) cur.push(cross(q, p, div));
    }
    if (pIn) cur.push(p);
  }
  if (cur.length >= 2) pieces.push(cur);
  return pieces.filter((l) => l.length >= 2);
}

/** The features of one side for the map's compare source: fill polygons and outline pieces. */
export function swipeFeatures(geom: Areal, side: Side, divider: number, project: Project, unproject: Unproject): Feature<Polygon | LineString, { side: Side; id: Side }>[] {
  const toScreen = (ring: Position[]) => ring.slice(0, -1).map((p) => project(p[0]!, p[1]!));
  const toLngLat = (pts: P[]): Position[] => pts.map((p) => {
    const l = unproject(p.x, p.y);
    return [l.lng, l.lat];
  });
  const out: Feature<Polygon | LineString, { side: Side; id: Side }>[] = [];
  for (const poly of polygonsOf(geom)) {
    const screen = poly.map(toScreen);
    const clipped = screen.map((r) => clipRing(r, side, divider));
    // Nothing of the exterior on this side: nothing of the polygon either.
    if (clipped[0]!.length > 0) {
      const coords = clipped.filter((r) => r.length > 0).map((r) => {
        const ll = toLngLat(r);
        return [...ll, ll[0]!];
      });
      out.push({ type: 'Feature', properties: { side, id: side }, geometry: { type: 'Polygon', coordinates: coords } });
    }
    for (const r of screen) for (const piece of clipLine([...r, r[0]!], side, divider)) out.push({ type: 'Feature', properties: { side, id: side }, geometry: { type: 'LineString', coordinates: toLngLat(piece) } });
  }
  return out;
}
