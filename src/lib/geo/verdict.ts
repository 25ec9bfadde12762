/**
 * Verdict of a stated area against a measured one with its uncertainty band. Tolerances are
 * explicit options and the verdict always carries its numbers, never a bare boolean.
 *
 * Intervals: the stated figure is S = [stated − statedTolerance, stated + statedTolerance]
 * (`comparison: 'at-least'`: [stated − statedTolerance, ∞)). What the geometry allows for the true
 * area is T = [low, high] = [computed − band, computed + band] for an `outline`, [low, ∞) for a
 * `lower-bound` (only some plots placed) and [0, high] for an `upper-bound` (an envelope).
 *
 * Rule, in this order:
 * 1. `undetermined` / `invalid-stated` when the stated value is not a positive finite number;
 * 2. `undetermined` / `no-geometry` when nothing was measured;
 * 3. outline only: `undetermined` / `band-too-wide` when band > stated × `maxRelativeBand`
 *    (default 0.5: a relative uncertainty above 50 % cannot tell one figure from another);
 * 4. `inconsistent` / `outside-band` when S and T do not meet (`outside_by_m2` says by how much);
 * 5. outline: `consistent` / `within-band`; a bound: `undetermined` / `within-bound` (a bound can
 *    refute a figure but never confirm it).
 */

export type VerdictKind = 'consistent' | 'inconsistent' | 'undetermined';
export type VerdictReason =
  | 'within-band'
  | 'within-bound'
  | 'outside-band'
  | 'no-geometry'
  | 'band-too-wide'
  | 'invalid-stated';

export interface VerdictOptions {
  /** Band half-width above which no verdict is given, as a fraction of the stated value. */
  maxRelativeBand: number;
  /** Half-width of the stated figure's own rounding, m² (e.g. 14.4 km² → 0.05 km² = 50 000 m²). */
  statedTolerance_m2: number;
  /** `equal` for figures stated as the area, `at-least` for minimums ("over 10 km²"). */
  comparison: 'equal' | 'at-least';
  /** What the measured area is: the zone's `outline`, a `lower-bound` (partial) or an `upper-bound` (envelope). */
  measured: 'outline' | 'lower-bound' | 'upper-bound';
}

export const DEFAULT_VERDICT_OPTIONS: Readonly<VerdictOptions> = Object.freeze({
  maxRelativeBand: 0.5,
  statedTolerance_m2: 0,
  comparison: 'equal',
  measured: 'outline',
});

export interface AreaVerdict {
  verdict: VerdictKind;
  reason: VerdictReason;
  /** Stated area, m² (null when not a usable number). */
  stated_m2: number | null;
  /** Measured area, m², WGS84 ellipsoid (null without geometry). */
  computed_m2: number | null;
  /** computed − stated, m². */
  difference_m2: number | null;
  /** (computed − stated) / stated. */
  relative_difference: number | null;
  /** Band half-width, m². */
  band_m2: number | null;
  /** band / stated. */
  relative_band: number | null;
  /** computed − band (floored at 0) and computed + band, m². */
  low_m2: number | null;
  high_m2: number | null;
  /** Gap between the stated interval and what the geometry allows, m² (0 when they meet). */
  outside_by_m2: number | null;
  /** The tolerances used. */
  options: VerdictOptions;
}

/**
 * Compares a stated area (m²) with a measured area ± band (m²) using the rule above.
 * `measured` null means there is no geometry to measure.
 */
export function verdict(
  stated_m2: number,
  measured: { area_m2: number; band_m2: number } | null,
  opts: Partial<VerdictOptions> = {},
): AreaVerdict {
  const options: VerdictOptions = { ...DEFAULT_VERDICT_OPTIONS, ...opts };
  const statedOk = Number.isFinite(stated_m2) && stated_m2 > 0;
  const base: AreaVerdict = {
    verdict: 'undetermined',
    reason: 'invalid-stated',
    stated_m2: statedOk ? stated_m2 : null,
    computed_m2: measured?.area_m2 ?? null,
    difference_m2: null,
    relative_difference: null,
    band_m2: measured?.band_m2 ?? null,
    relative_band: null,
    low_m2: measured ? Math.max(0, measured.area_m2 - measured.band_m2) : null,
    high_m2: measured ? measured.area_m2 + measured.band_m2 : null,
    outside_by_m2: null,
    options,
  };
  if (!statedOk) return base;
  if (measured === null) return { ...base, reason: 'no-geometry' };

  const diff = measured.area_m2 - stated_m2;
  const relBand = measured.band_m2 / stated_m2;
  // What the geometry allows for the true area, and what the stated figure allows.
  const tLo = options.measured === 'upper-bound' ? 0 : base.low_m2!;
  const tHi = options.measured === 'lower-bound' ? Infinity : base.high_m2!;
  const sLo = stated_m2 - options.statedTolerance_m2;
  const sHi = options.comparison === 'at-least' ? Infinity : stated_m2 + options.statedTolerance_m2;
  const outsideBy = Math.max(0, sLo - tHi, tLo - sHi);
  const numbers = {
    ...base,
    difference_m2: diff,
    relative_difference: diff / stated_m2,
    relative_band: relBand,
    outside_by_m2: outsideBy,
  };
  const outline = options.measured === 'outline';
  if (outline && relBand > options.maxRelativeBand) return { ...numbers, reason: 'band-too-wide' };
  if (outsideBy > 0) return { ...numbers, verdict: 'inconsistent', reason: 'outside-band' };
  return outline ? { ...numbers, verdict: 'consistent', reason: 'within-band' } : { ...numbers, reason: 'within-bound' };
}
