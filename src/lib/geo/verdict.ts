/**
 * Verdict of a stated area against a measured one with its uncertainty band. Tolerances are
 * explicit options and the verdict always carries its numbers, never a bare boolean.
 *
 * Rule, in this order:
 * 1. `undetermined` / `invalid-stated` when the stated value is not a positive finite number;
 * 2. `undetermined` / `no-geometry` when nothing was measured;
 * 3. `undetermined` / `band-too-wide` when band half-width > stated × `maxRelativeBand`
 *    (default 0.5: a relative uncertainty above 50 % cannot tell one figure from another);
 * 4. `consistent` / `within-band` when [stated − statedTolerance, stated + statedTolerance]
 *    meets [low, high] = [computed − band, computed + band] (for `comparison: 'at-least'`, when
 *    high ≥ stated − statedTolerance: the true area may reach the stated minimum);
 * 5. `inconsistent` / `outside-band` otherwise.
 */

export type VerdictKind = 'consistent' | 'inconsistent' | 'undetermined';
export type VerdictReason = 'within-band' | 'outside-band' | 'no-geometry' | 'band-too-wide' | 'invalid-stated';

export interface VerdictOptions {
  /** Band half-width above which no verdict is given, as a fraction of the stated value. */
  maxRelativeBand: number;
  /** Half-width of the stated figure's own rounding, m² (e.g. 14.4 km² → 0.05 km² = 50 000 m²). */
  statedTolerance_m2: number;
  /** `equal` for figures stated as the area, `at-least` for minimums ("over 10 km²"). */
  comparison: 'equal' | 'at-least';
}

export const DEFAULT_VERDICT_OPTIONS: Readonly<VerdictOptions> = Object.freeze({
  maxRelativeBand: 0.5,
  statedTolerance_m2: 0,
  comparison: 'equal',
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
  /** computed − band and computed + band (low floored at 0), m². */
  low_m2: number | null;
  high_m2: number | null;
  /** How far the stated interval lies outside the band, m² (0 when they meet). */
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
  const low = base.low_m2!;
  const high = base.high_m2!;
  const sLo = stated_m2 - options.statedTolerance_m2;
  const sHi = stated_m2 + options.statedTolerance_m2;
  const outsideBy =
    options.comparison === 'at-least' ? Math.max(0, sLo - high) : Math.max(0, sLo - high, low - sHi);
  const numbers = {
    ...base,
    difference_m2: diff,
    relative_difference: diff / stated_m2,
    relative_band: relBand,
    outside_by_m2: outsideBy,
  };
  if (relBand > options.maxRelativeBand) return { ...numbers, reason: 'band-too-wide' };
  if (outsideBy === 0) return { ...numbers, verdict: 'consistent', reason: 'within-band' };
  return { ...numbers, verdict: 'inconsistent', reason: 'outside-band' };
}
