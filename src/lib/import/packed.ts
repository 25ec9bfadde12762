/**
 * Polygon geometries packed into two typed arrays, for the trip from the import worker to the main
 * thread: the arrays are transferred (no copy), and nothing writes or parses 250,000 coordinates
 * as decimal text (JSON.stringify/parse of numbers was most of the trip for an 8 MB file).
 *
 * `shape`, per geometry in order: 0 (null) | 1 (Polygon), rings, then each ring's position count
 * | 2 (MultiPolygon), polygons, then per polygon its rings and their position counts.
 * `coords`: x, y of every position, in the same order.
 */
import type { AreaGeometry } from '../data/schema';

export interface PackedGeometries {
  shape: Int32Array;
  coords: Float64Array;
}

type Rings = number[][][];

export function packGeometries(geoms: readonly (AreaGeometry | null)[]): PackedGeometries {
  let nShape = 0;
  let nPos = 0;
  const countRings = (rings: Rings) => {
    nShape += 1 + rings.length;
    for (const r of rings) nPos += r.length;
  };
  for (const g of geoms) {
    nShape += 1;
    if (g?.type === 'Polygon') countRings(g.coordinates);
    else if (g?.type === 'MultiPolygon') {
      nShape += 1;
      for (const p of g.coordinates) countRings(p);
    }
  }
  const shape = new Int32Array(nShape);
  const coords = new Float64Array(nPos * 2);
  let s = 0;
  let c = 0;
  const putRings = (rings: Rings) => {
    shape[s++] = rings.length;
    for (const r of rings) shape[s++] = r.length;
    for (const r of rings)
      for (const p of r) {
        coords[c++] = p[0]!;
        coords[c++] = p[1]!;
      }
  };
  for (const g of geoms) {
    if (!g) shape[s++] = 0;
    else if (g.type === 'Polygon') {
      shape[s++] = 1;
      putRings(g.coordinates);
    } else {
      shape[s++] = 2;
      shape[s++] = g.coordinates.length;
      for (const p of g.coordinates) putRings(p);
    }
  }
  return { shape, coords };
}

/** Reads geometries back one at a time, in order (a chunk per task on the main thread). */
export class GeometryReader {
  private s = 0;
  private c = 0;
  constructor(private readonly packed: PackedGeometries) {}

  private rings(): Rings {
    const { shape, coords } = this.packed;
    const n = shape[this.s++]!;
    const lengths = shape.subarray(this.s, this.s + n);
    this.s += n;
    const out: Rings = new Array(n);
    for (let i = 0; i < n; i++) {
      const len = lengths[i]!;
      const ring: number[][] = new Array(len);
      for (let k = 0; k < len; k++, this.c += 2) ring[k] = [coords[this.c]!, coords[this.c + 1]!];
      out[i] = ring;
    }
    return out;
  }

  next(): AreaGeometry | null {
    const kind = this.packed.shape[this.s++];
    if (kind === 1) return { type: 'Polygon', coordinates: this.rings() } as AreaGeometry;
    if (kind === 2) {
      const n = this.packed.shape[this.s++]!;
      const polys: Rings[] = new Array(n);
      for (let i = 0; i < n; i++) polys[i] = this.rings();
      return { type: 'MultiPolygon', coordinates: polys } as AreaGeometry;
    }
    return null;
  }
}
