/**
 * What changed between two versions of a zone (both full extents, e.g. before/after an adjustment,
 * phase 1 → phases 1+2): added = after − before, removed = before − after, kept = before ∩ after,
 * through the robust clipping pipeline (`clip.ts`); areas on the WGS84 ellipsoid (GeographicLib).
 * `net_m2` = after − before; `residual_m2` = net − (added − removed) ≈ 0 is the bookkeeping check.
 * A side that `kept` already accounts for within the clip tolerance (`slack_m2`) is empty and not
 * clipped.
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
  const kept = clipIntersection(before, after, options);
  if (!kept.ok) return { ok: false, error: `kept: ${kept.error}` };
  const before_m2 = kept.a_m2;
  const after_m2 = kept.b_m2;
  // A side that the kept part already accounts for (within the clip tolerance) lost or gained
  // nothing measurable: skip its difference (the engine dominates the audit's run time).
  const added = after_m2 - kept.area_m2 <= kept.slack_m2 ? null : clipDifference(after, before, options);
  if (added !== null && !added.ok) return { ok: false, error: `added: ${added.error}` };
  const removed = before_m2 - kept.area_m2 <= kept.slack_m2 ? null : clipDifference(before, after, options);
  if (removed !== null && !removed.ok) return { ok: false, error: `removed: ${removed.error}` };
  const added_m2 = added?.area_m2 ?? 0;
  const removed_m2 = removed?.area_m2 ?? 0;
  const net = after_m2 - before_m2;
  return {
    ok: true,
    before_m2,
    after_m2,
    added_m2,
    removed_m2,
    kept_m2: kept.area_m2,
    net_m2: net,
    residual_m2: net - (added_m2 - removed_m2),
    added: added?.geometry ?? null,
    removed: removed?.geometry ?? null,
  };
}
