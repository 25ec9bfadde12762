/**
 * How much of a zone lies inside a district: inside = zone ∩ district, outside = zone − district,
 * both through the robust clipping pipeline (`clip.ts`); areas on the WGS84 ellipsoid
 * (GeographicLib). `residual_m2` = zone − inside − outside shows what clipping did not account for
 * (slivers, snapping, edge bulge), so the numbers can be checked. When zone ∩ district equals the
 * zone within the clip tolerance (`slack_m2`), the outside is empty and not clipped.
 */
import type { Areal } from './areal';
import type { ClipOptions } from './clip';
import { clipDifference } from './difference';
import { clipIntersection } from './intersect';

export interface Containment {
  /** Zone area, m². */
  zone_m2: number;
  /** Area of the zone inside the district, m². */
  inside_m2: number;
  /** Area of the zone outside the district, m². */
  outside_m2: number;
  /** inside / zone, 0…1 (1 for an empty zone: nothing lies outside). */
  share_inside: number;
  /** zone − inside − outside, m² (≈ 0; slivers and snapping). */
  residual_m2: number;
  /** The part outside the district, or null. */
  outside: Areal | null;
}

export type ContainmentResult = ({ ok: true } & Containment) | { ok: false; error: string };

export function containment(zone: Areal | null, district: Areal | null, options?: ClipOptions): ContainmentResult {
  const inside = clipIntersection(zone, district, options);
  if (!inside.ok) return { ok: false, error: `inside: ${inside.error}` };
  const zone_m2 = inside.a_m2;
  // When the inside part already accounts for the zone within the clip tolerance, nothing
  // measurable lies outside: skip the second clip (the engine dominates the audit's run time).
  const whole = zone_m2 - inside.area_m2 <= inside.slack_m2;
  const outside = whole ? null : clipDifference(zone, district, options);
  if (outside !== null && !outside.ok) return { ok: false, error: `outside: ${outside.error}` };
  const outside_m2 = outside?.area_m2 ?? 0;
  return {
    ok: true,
    zone_m2,
    inside_m2: inside.area_m2,
    outside_m2,
    share_inside: zone_m2 > 0 ? inside.area_m2 / zone_m2 : 1,
    residual_m2: zone_m2 - inside.area_m2 - outside_m2,
    outside: outside?.geometry ?? null,
  };
}
