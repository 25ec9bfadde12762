/**
 * The streets, junctions and stations a source names (issue #16), resolved against the data: their
 * names for the card's controls, and the box that frames them beside the selected outline. Pure.
 */
import type { Geometry } from 'geojson';
import type { AtlasData } from '../data/load';
import type { GeoRef } from '../data/schema';
import { bboxesTouch } from '../geo/areal';
import { positionsBbox } from '../import/geometry';

export type Bbox = [number, number, number, number];

/** A reference with the name to show; `known: false` when the data has no such feature (the loader warns). */
export interface RefPlace {
  ref: GeoRef;
  name: { zh: string; en: string };
  known: boolean;
}

export function refPlace(data: AtlasData, ref: GeoRef): RefPlace {
  const name =
    ref.kind === 'street'
      ? data.streets.find((s) => s.properties.street === ref.id)?.properties.name
      : ref.kind === 'junction'
        ? data.junctions.find((j) => j.properties.id === ref.id)?.properties.name
        : data.context.find((c) => c.properties.layer === 'metro-station' && c.properties.id === ref.id)?.properties.name;
  return name ? { ref, name: { zh: name.zh, en: name.en }, known: true } : { ref, name: { zh: ref.id, en: ref.id }, known: false };
}

/** Every geometry of a reference: each piece of a street, the junction's or station's point. */
export function refGeometries(data: AtlasData, ref: GeoRef): Geometry[] {
  if (ref.kind === 'street') return data.streets.filter((s) => s.properties.street === ref.id).map((s) => s.geometry);
  if (ref.kind === 'junction') return data.junctions.filter((j) => j.properties.id === ref.id).map((j) => j.geometry);
  return data.context.filter((c) => c.properties.layer === 'metro-station' && c.properties.id === ref.id).map((c) => c.geometry);
}

/** `b` grown by `m` metres on every side (degrees per metre at its latitude; fine at district scale). */
function grow(b: Bbox, m: number): Bbox {
  const dLat = m / 111_320;
  const dLon = m / (111_320 * Math.cos((((b[1] + b[3]) / 2) * Math.PI) / 180));
  return [b[0] - dLon, b[1] - dLat, b[2] + dLon, b[3] + dLat];
}

/**
 * What a click on a reference frames: the references beside the selected feature (`around`). A
 * street is long (阜石路 crosses the district), so only its pieces within `nearM` metres of the
 * feature's box count, when it has any there; a junction or station always counts whole.
 */
export function refsFrame(data: AtlasData, refs: readonly GeoRef[], around: Geometry | null, nearM = 1000): Bbox | null {
  const home = around ? positionsBbox([around]) : null;
  const near = home ? grow(home, nearM) : null;
  const geoms: Geometry[] = around ? [around] : [];
  for (const ref of refs) {
    const all = refGeometries(data, ref);
    const close = ref.kind === 'street' && near ? all.filter((g) => { const b = positionsBbox([g]); return b !== null && bboxesTouch(b, near); }) : all;
    geoms.push(...(close.length ? close : all));
  }
  return positionsBbox(geoms);
}
