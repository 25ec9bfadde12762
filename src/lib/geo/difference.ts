/**
 * A − B (the part of A outside B) through the robust clipping pipeline (`clip.ts`); area on the
 * WGS84 ellipsoid (GeographicLib). An empty result while A provably extends outside B is an error.
 */
import type { Areal } from './areal';
import { clip, type ClipOptions, type ClipResult } from './clip';

export function clipDifference(a: Areal | null, b: Areal | null, options?: ClipOptions): ClipResult {
  return clip('difference', a, b, options);
}
