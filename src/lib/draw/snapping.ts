/**
 * Snapping while drawing: the pointer is pulled to the nearest station, vertex or edge of the
 * targets (zone outlines, the district boundary, metro stations) when one is within a few screen
 * pixels. Measured in screen space, so the pull feels the same at every zoom. Pure: the caller
 * passes the map's project/unproject.
 */
import type { Position } from 'geojson';

export interface SnapTargets {
  /** Points to snap to first (stations). */
  points: Position[];
  /** Rings and lines whose vertices and edges attract (zone outlines, district boundary). */
  lines: Position[][];
}

export type Project = (lng: number, lat: number) => { x: number; y: number };
export type Unproject = (x: number, y: number) => { lng: number; lat: number };

/**
 * The snapped position for a pointer at screen (x, y), or undefined when nothing is within `px`.
 * Order: a point or vertex within `px` wins over an edge (so corners and stations are easy to hit),
 * then the nearest point on an edge.
 */
export function snapPosition(x: number, y: number, targets: SnapTargets, project: Project, unproject: Unproject, px = 10): Position | undefined {
  let best: Position | undefined;
  let bestD = px;
  const consider = (p: Position) => {
    const s = project(p[0]!, p[1]!);
    const d = Math.hypot(s.x - x, s.y - y);
    if (d <= bestD) {
      bestD = d;
      best = [p[0]!, p[1]!];
    }
  };
  for (const p of targets.points) consider(p);
  for (const line of targets.lines) for (const p of line) consider(p);
  if (best) return best;

  bestD = px;
  for (const line of targets.lines) {
    let prev = line[0] ? project(line[0][0]!, line[0][1]!) : null;
    for (let i = 1; i < line.length && prev; i++) {
      const cur = project(line[i]![0]!, line[i]![1]!);
      const dx = cur.x - prev.x;
      const dy = cur.y - prev.y;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - prev.x) * dx + (y - prev.y) * dy) / len2));
      const qx = prev.x + t * dx;
      const qy = prev.y + t * dy;
      const d = Math.hypot(qx - x, qy - y);
      if (d <= bestD) {
        bestD = d;
        const ll = unproject(qx, qy);
        best = [ll.lng, ll.lat];
      }
      prev = cur;
    }
  }
  return best;
}
