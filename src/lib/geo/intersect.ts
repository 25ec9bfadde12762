/**
 * A ∩ B of two polygonal geometries through the robust clipping pipeline (`clip.ts`): snapped to
 * the 1e-7° grid, validated, slivers dropped; area on the WGS84 ellipsoid (GeographicLib). An empty
 * result for inputs whose interiors provably meet is returned as an error, never as null.
 */
import type { Areal } from './areal';
import { clip, type ClipOptions, type ClipResult } from './clip';

export function clipIntersection(a: Areal | null, b: Areal | null, options?: ClipOptions): ClipResult {
  return clip('intersection', a, b, options);
}
