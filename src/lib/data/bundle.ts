/**
 * The build's data file (`atlas-data.json`, scripts/vite/geodata.ts): the loader's result with the
 * street skeleton packed, losslessly (issue #16). The 831 street pieces are most of the file's raw
 * size: each repeats its class, name and provenance, and its coordinates are 5-decimal text. Packed,
 * the pieces of one street that share every property are one group, and a piece's coordinates are
 * integer steps of 1e-5° from the previous vertex. `unpackStreets` gives back exactly the features
 * the loader accepted (a unit test compares them on the real data); a piece whose coordinates are
 * not on the 1e-5° grid is shipped as it is. Provenance notes are left out (see `withoutNotes`).
 */
import type { LoadResult } from './load';
import type { StreetFeature } from './schema';

/** Coordinates are packed as integer multiples of this many degrees (≈ 1 m). */
const STEP = 1e5;

type Line = StreetFeature['geometry'];
/** A piece: its id and either packed steps (flat [dx, dy, …] of the first line) or its geometry as-is. */
type PackedPiece = [id: string, stepsOrGeometry: number[] | Line];

export interface PackedStreetGroup {
  /** Properties shared by every piece of the group (all but `id`). */
  p: Omit<StreetFeature['properties'], 'id'>;
  pieces: PackedPiece[];
}

export interface Bundle {
  data: Omit<LoadResult['data'], 'streets'>;
  streets: PackedStreetGroup[];
  issues: LoadResult['issues'];
}

/** A LineString on the grid as steps from the previous vertex (the first from 0,0); null off the grid. */
function toSteps(g: Line): number[] | null {
  if (g.type !== 'LineString') return null;
  const out: number[] = [];
  let px = 0;
  let py = 0;
  for (const pos of g.coordinates) {
    const [x, y] = pos;
    const X = Math.round(x! * STEP);
    const Y = Math.round(y! * STEP);
    // Only if dividing back gives the very same number (so the unpacked data are identical).
    if (pos.length !== 2 || X / STEP !== x || Y / STEP !== y) return null;
    out.push(X - px, Y - py);
    px = X;
    py = Y;
  }
  return out;
}

function fromSteps(steps: readonly number[]): Line {
  const coordinates: [number, number][] = [];
  let X = 0;
  let Y = 0;
  for (let i = 0; i + 1 < steps.length; i += 2) {
    X += steps[i]!;
    Y += steps[i + 1]!;
    coordinates.push([X / STEP, Y / STEP]);
  }
  return { type: 'LineString', coordinates };
}

/** Groups pieces by their shared properties, in the order of the first piece of each group. */
export function packStreets(streets: readonly StreetFeature[]): PackedStreetGroup[] {
  const groups = new Map<string, PackedStreetGroup>();
  for (const s of streets) {
    const { id, ...p } = s.properties;
    const key = JSON.stringify(p);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { p, pieces: [] }));
    g.pieces.push([id, toSteps(s.geometry) ?? s.geometry]);
  }
  return [...groups.values()];
}

/**
 * The features again, group by group (so not in the file's order, which nothing depends on: the map
 * draws streets by class, the card finds them by key). Each piece gets its own copy of the group's
 * properties, as the loader's features each have their own.
 */
export function unpackStreets(groups: readonly PackedStreetGroup[]): StreetFeature[] {
  return groups.flatMap((g) =>
    g.pieces.map(([id, geom]) => ({
      type: 'Feature' as const,
      properties: { id, ...structuredClone(g.p) },
      geometry: Array.isArray(geom) ? fromSteps(geom) : geom,
    })),
  );
}

/**
 * A feature without `provenance.notes`: the data team's working notes (English, long) stay in the
 * data files and the CLIs; the page never shows them (the card shows method, accuracy, edges and
 * evidence), so the build does not ship them.
 */
function withoutNotes<F extends { properties: { provenance: { notes?: string } } }>(f: F): F {
  if (f.properties.provenance.notes === undefined) return f;
  const { notes: _, ...provenance } = f.properties.provenance;
  return { ...f, properties: { ...f.properties, provenance } };
}

export function toBundle(result: LoadResult): Bundle {
  const { streets, districts, context, junctions, zones, points, ...rest } = result.data;
  const data = { ...rest, districts: districts.map(withoutNotes), context: context.map(withoutNotes), junctions: junctions.map(withoutNotes), zones: zones.map(withoutNotes), points: points.map(withoutNotes) };
  return { data, streets: packStreets(streets.map(withoutNotes)), issues: result.issues };
}

export function fromBundle(b: Bundle): LoadResult {
  return { data: { ...b.data, streets: unpackStreets(b.streets) }, issues: b.issues };
}
