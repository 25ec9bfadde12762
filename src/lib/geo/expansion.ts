/**
 * What changed between two versions of a zone (both full extents, e.g. before/after an adjustment,
 * phase 1 → phases 1+2): added = after − before, removed = before − after, kept = before ∩ after,
 * through the robust clipping pipeline (`clip.ts`); areas on the WGS84 ellipsoid (GeographicLib).
 * `net_m2` = after − before; `residual_m2` = net − (added − removed) ≈ 0 is the bookkeeping check.
 */
import type { Areal } from './areal';
import type { ClipOptions } from './clip';
import { clipDifference } from './difference';
import { clipIntersection } from './intersect';

export interface ExpansionDelta {
  before_m2: number;
  after_m2: number;
  /** Area in `after` but not in `before`, m². */
  added_m2: number;
  /** Area in `before` but not in `after`, m². */
  removed_m2: number;
  /** Area in both, m². */
  kept_m2: number;
  /** after − before, m². */
  net_m2: number;
  /** net − (added − removed), m² (≈ 0; slivers and snapping). */
  residual_m2: number;
  added: Areal | null;
  removed: Areal | null;
}

export type ExpansionResult = ({ ok: true } & ExpansionDelta) | { ok: false; error: string };

export function expansionDelta(before: Areal | null, after: Areal | null, options?: ClipOptions): ExpansionResult {
  const added = clipDifference(after, before, options);
  if (!added.ok) return { ok: false, error: `added: ${added.error}` };
  const removed = clipDifference(before, after, options);
  if (!removed.ok) return { ok: false, error: `removed: ${removed.error}` };
  const kept = clipIntersection(before, after, options);
  if (!kept.ok) return { ok: false, error: `kept: ${kept.error}` };
  const before_m2 = kept.a_m2;
  const after_m2 = kept.b_m2;
  const net = after_m2 - before_m2;
  return {
    ok: true,
    before_m2,
    after_m2,
    added_m2: added.area_m2,
    removed_m2: removed.area_m2,
    kept_m2: kept.area_m2,
    net_m2: net,
    residual_m2: net - (added.area_m2 - removed.area_m2),
    added: added.geometry,
    removed: removed.geometry,
  };
}
