/**
 * A ∪ B of two polygonal geometries through the robust clipping pipeline (`clip.ts`); area on the
 * WGS84 ellipsoid (GeographicLib). Shared borders dissolve; disjoint inputs give a MultiPolygon.
 */
import type { Areal } from './areal';
import { clip, type ClipOptions, type ClipResult } from './clip';

export function clipUnion(a: Areal | null, b: Areal | null, options?: ClipOptions): ClipResult {
  return clip('union', a, b, options);
}
